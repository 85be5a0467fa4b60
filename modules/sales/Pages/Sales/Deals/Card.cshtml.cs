using Crm.Sales.Deals;
using Crm.Sales.Pipelines;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Deals;

/// <summary>The deal card: its figures, client, stage path with buttons to move it, and the history of its stages.</summary>
[RequirePermission(Permissions.ViewDeals)]
public sealed class CardModel(DealService deals, PipelineService pipelines, ICurrentUser user, IStringLocalizer<SalesModule> text) : PageModel
{
    public DealDetails Deal { get; private set; } = null!;
    public List<LossReasonView> LossReasons { get; private set; } = [];
    public bool CanEdit => user.HasPermission(Permissions.EditDeals) && user.CanReach(Permissions.EditDeals, Deal.Deal.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, int stageId, int? lossReasonId, string? lossNote, int? version, CancellationToken ct)
    {
        var result = await deals.MoveAsync(id, new MoveInput(stageId, lossReasonId, lossNote, version), ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return RedirectToPage(new { id });
        if (result.Conflict) ModelState.AddModelError("", text["Validation.Conflict"]);
        result.Errors.AddTo(ModelState, text, prefix: "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await deals.DeleteAsync(id, ct) ? RedirectToPage("./Index") : NotFound();

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await deals.FindAsync(id, ct) is not { } deal) return false;
        Deal = deal;
        LossReasons = await pipelines.LossReasonsAsync(false, ct);
        return true;
    }
}
