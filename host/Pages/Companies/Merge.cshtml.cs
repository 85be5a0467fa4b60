using Crm.Host.Clients;
using Crm.Host.Pages.Shared;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Companies;

/// <summary>Merges two duplicate companies, the user choosing field by field which value stays.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class MergeModel(CompanyService companies, CompanyDuplicates duplicates) : PageModel
{
    public MergeView View { get; private set; } = new("Company.", 0, 0, []);

    public async Task<IActionResult> OnGetAsync(int keep, int merge, CancellationToken ct)
    {
        if (await companies.FindAsync(keep, ct) is not { } kept || await companies.FindAsync(merge, ct) is not { } other || keep == merge)
            return NotFound();
        View = new("Company.", keep, merge,
        [
            ("name", kept.Name, other.Name), ("legalName", kept.LegalName, other.LegalName), ("taxNumber", kept.TaxNumber, other.TaxNumber),
            ("industry", kept.Industry, other.Industry), ("territory", kept.Territory, other.Territory), ("phone", kept.Phone, other.Phone),
            ("email", kept.Email, other.Email), ("website", kept.Website, other.Website), ("address", kept.Address, other.Address),
        ]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int keep, int merge, Dictionary<string, string> choice, CancellationToken ct)
    {
        return await duplicates.MergeAsync(keep, merge, MergeView.TakenFromDuplicate(choice), ct) is { } report
            ? Redirect($"/Companies/{report.KeptId}") : NotFound();
    }
}
