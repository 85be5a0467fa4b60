using Crm.Sales.Discounts;
using Microsoft.AspNetCore.Authorization;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Approvals;

/// <summary>
/// Discounts waiting for a team's head (or an administrator): each line approved or rejected with one button. Signing in
/// is checked by the attribute; who may decide is the service's (team heads need not hold the permission).
/// </summary>
[Authorize]
public sealed class IndexModel(DiscountApprovals approvals, IStringLocalizer<SalesModule> text) : PageModel
{
    public List<ApprovalRequest> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await approvals.MayApproveAsync(ct)) return Forbid();
        Requests = await approvals.PendingAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int lineId, bool approve, int? version, CancellationToken ct)
    {
        if (!await approvals.MayApproveAsync(ct)) return Forbid();
        var result = await approvals.DecideAsync(lineId, new ApprovalDecision(approve, version), ct);
        if (result.Succeeded) return RedirectToPage();
        ModelState.AddModelError("", text[result.Conflict ? "Validation.Conflict" : "Approval.Gone"]);
        Requests = await approvals.PendingAsync(ct);
        return Page();
    }
}
