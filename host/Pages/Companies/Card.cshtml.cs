using Crm.Host.Clients;
using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Auditing;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Pages.Companies;

/// <summary>The company card with its holding and change history; a company outside the user's scope does not exist for them (404).</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class CardModel(CompanyService service, ContactService contacts, CoreDbContext db, IAuditLog audit, CurrentUser user) : PageModel
{
    public Company Company { get; private set; } = new();
    public Company? Parent { get; private set; }
    public List<CompanyRow> Subsidiaries { get; private set; } = [];
    public List<ContactAtCompany> Contacts { get; private set; } = [];
    public IReadOnlyList<AuditRecord> History { get; private set; } = [];
    public string OwnerName { get; private set; } = "";
    public bool CanEdit => user.CanReach(CorePermissions.EditClients, Company.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } company) return NotFound();
        Company = company;
        OwnerName = await db.Users.Where(u => u.Id == company.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        if (company.ParentId is { } parent) Parent = await service.FindAsync(parent, ct);
        Subsidiaries = await service.SubsidiariesAsync(id, ct);
        Contacts = await contacts.AtCompanyAsync(id, ct);
        History = (await audit.ForRecordAsync("core_companies", id.ToString(), ct))
            .Where(h => h.Field is not (nameof(Clients.Company.Version) or nameof(Clients.Company.UpdatedAtUtc) or nameof(Clients.Company.Id)))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await service.DeleteAsync(id, ct) ? Redirect("/RecycleBin") : NotFound();
}
