using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Reports;

/// <summary>The client base report: charts drawn on the server as SVG, nothing loaded from outside.</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class ClientsModel(ClientBaseReport report) : PageModel
{
    public ClientBaseFigures Figures { get; private set; } = new(0, [], [], [], [], [], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Figures = await report.BuildAsync(ct);
}
