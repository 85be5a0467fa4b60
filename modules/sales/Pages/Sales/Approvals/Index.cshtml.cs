using Crm.Sales.Discounts;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Approvals;

/// <summary>Discounts waiting for a head of sales: the deals of their scope, each line approved or rejected with one button.</summary>
[RequirePermission(Permissions.ApproveDiscounts)]
public sealed class IndexModel(DiscountApprovals approvals, IStringLocalizer<SalesModule> text) : PageModel
{
    public List<ApprovalRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Requests = await approvals.PendingAsync(ct);

    public async Task<IActionResult> OnPostAsync(int lineId, bool approve, int? version, CancellationToken ct)
    {
        var result = await approvals.DecideAsync(lineId, new ApprovalDecision(approve, version), ct);
        if (result.Succeeded) return RedirectToPage();
        ModelState.AddModelError("", text[result.Conflict ? "Validation.Conflict" : "Approval.Gone"]);
        Requests = await approvals.PendingAsync(ct);
        return Page();
    }
}
