using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>The list of sales reports.</summary>
[RequirePermission(Permissions.ViewReports)]
public sealed class IndexModel : PageModel
{
    /// <summary>Each report's page name, which is also its text key prefix.</summary>
    public static readonly string[] All = ["Funnel", "Managers", "Forecast", "Losses", "Abc", "NewClients"];
}
