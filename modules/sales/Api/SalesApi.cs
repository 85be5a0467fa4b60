using Crm.Sales.Deals;
using Crm.Sales.Discounts;
using Crm.Sales.Documents;
using Crm.Sales.Pipelines;
using Crm.Sales.Plans;
using Crm.Sales.Products;
using Crm.Sales.Reports;
using Microsoft.AspNetCore.Routing;

namespace Crm.Sales.Api;

/// <summary>The sales module's endpoints under /api/v1/sales, one group per feature.</summary>
public static class SalesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        PipelinesApi.Map(api);
        DealsApi.Map(api);
        ProductsApi.Map(api);
        ReportsApi.Map(api);
        PlansApi.Map(api);
        DealLinesApi.Map(api);
        DiscountsApi.Map(api);
        DocumentsApi.Map(api);
    }
}
