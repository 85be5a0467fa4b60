using Crm.Host.Clients;
using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Pages.Companies;

/// <summary>The company card; a company outside the user's scope does not exist for them (404).</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class CardModel(CompanyService service, CoreDbContext db, CurrentUser user) : PageModel
{
    public Company Company { get; private set; } = new();
    public string OwnerName { get; private set; } = "";
    public bool CanEdit => user.CanReach(CorePermissions.EditClients, Company.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } company) return NotFound();
        Company = company;
        OwnerName = await db.Users.Where(u => u.Id == company.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return Page();
    }
}
