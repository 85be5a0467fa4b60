using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Tasks;

/// <summary>For a head of sales: overdue tasks per manager in the team (all, for leadership).</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class OverdueModel(TaskService tasks) : PageModel
{
    public List<OverdueByManager> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await tasks.OverdueByManagerAsync(ct);
}
