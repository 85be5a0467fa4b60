using Crm.Sales.Api;
using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sales.Discounts;
using Crm.Sales.Documents;
using Crm.Sales.Pipelines;
using Crm.Sales.Plans;
using Crm.Sales.Products;
using Crm.Sales.Reports;
using Crm.Sdk;
using Crm.Sdk.Clients;
using Crm.Sdk.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales;

/// <summary>The sales module: pipelines, deals, products, documents, plans and reports.</summary>
public sealed class SalesModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<SalesDbContext>();
        services.AddScoped<SalesSettings>();
        services.AddScoped<PipelineService>();
        services.AddScoped<DealService>();
        services.AddScoped<ProductService>();
        services.AddScoped<DealLineService>();
        services.AddScoped<DiscountPolicy>();
        services.AddScoped<DiscountApprovals>();
        services.AddScoped<DocumentService>();
        services.AddSearchProvider<DealSearch>();
        services.AddTimelineSource<DealsOnTimeline>();
        services.AddHandoverParticipant<DealsHandover>();
        services.AddClientMergeParticipant<DealsMerge>();
        services.AddClientPurgeParticipant<DealsPurge>();
        services.AddRecurringJob<StalledDeals>();
        services.AddScoped<ReportSql>();
        services.AddScoped<VisitMonths>();
        services.AddReportSummary<VisitMonths>();
        services.AddScoped<ReportContext>();
        services.AddScoped<FunnelReport>();
        services.AddScoped<ManagerReport>();
        services.AddScoped<ForecastReport>();
        services.AddScoped<LossReport>();
        services.AddScoped<AbcReport>();
        services.AddScoped<ClientRevenueReport>();
        services.AddScoped<PlanService>();
    }

    public override void Contribute(ModuleContributions contributions)
    {
        foreach (var permission in Permissions.All) contributions.Permission(permission);
        contributions.Menu(Menu.Board).Menu(Menu.Deals).Menu(Menu.Reports).Menu(Menu.Pipelines);
        contributions.Menu(Menu.Products).Menu(Menu.Plans).Menu(Menu.Approvals).Menu(Menu.Discounts);
        foreach (var template in DocumentTemplates.All) contributions.Template(template);
        foreach (var setting in Settings.All) contributions.Setting(setting);
        contributions.Panel(new CardPanel("Panel.Deals", typeof(ClientDeals), Permissions.ViewDeals, Order: 10));
        contributions.SavedViewList(new("sales.deals", "/Sales/Deals", Permissions.ViewDeals));
    }

    public override void MapApi(IEndpointRouteBuilder api) => SalesApi.Map(api);
}
