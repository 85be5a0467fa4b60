using Crm.Sdk.Api;
using Crm.Sdk.Reports;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Reports;

/// <summary>The period and file format every report takes from the query string (?from=2025-01-01&amp;to=2025-12-31&amp;format=xlsx).</summary>
public sealed record ReportQuery(DateOnly? From, DateOnly? To, TableFormat? Format, string? Currency);

/// <summary>
/// /api/v1/sales/reports/...: each report as JSON, or with <c>format=csv|xlsx</c> as the file its page exports; every
/// figure within the caller's scope for viewing deals.
/// </summary>
public static class ReportsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/sales/reports").RequirePermission(Permissions.ViewReports);
        reports.MapGet("/funnel", async (int? pipelineId, [AsParameters] ReportQuery query, FunnelReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period => await report.BuildAsync(pipelineId, period, ct) is { } funnel
                ? (funnel, ReportTables.Funnel(funnel, context.Text))
                : ((object, ReportTable)?)null, ct));
        MapCurrencyReport<ManagerReport, ManagerFigures>(reports, "/managers", ReportTables.Managers);
        MapCurrencyReport<ForecastReport, Forecast>(reports, "/forecast", ReportTables.Forecast);
        MapCurrencyReport<LossReport, LossFigures>(reports, "/losses", ReportTables.Losses);
        MapCurrencyReport<AbcReport, AbcFigures>(reports, "/abc", ReportTables.Abc);
        MapCurrencyReport<ClientRevenueReport, ClientRevenue>(reports, "/new-vs-repeat", ReportTables.ClientRevenue);
    }

    static void MapCurrencyReport<TReport, TFigures>(RouteGroupBuilder reports, string path, Func<TFigures, IStringLocalizer, ReportTable> table)
        where TReport : ICurrencyReport<TFigures> where TFigures : class =>
        reports.MapGet(path, async ([AsParameters] ReportQuery query, TReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period =>
            {
                var figures = await report.BuildAsync(period, await context.CurrencyAsync(query.Currency, ct), ct);
                return ((object)figures, table(figures, context.Text));
            }, ct));
}
