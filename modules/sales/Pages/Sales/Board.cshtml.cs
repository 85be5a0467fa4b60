using Crm.Sales.Deals;
using Crm.Sales.Pipelines;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales;

/// <summary>The kanban board of a pipeline. Cards move by drag and drop (board.js calls the API) or, without script, by the form on each card.</summary>
[RequirePermission(Permissions.ViewDeals)]
public sealed class BoardModel(DealService deals, PipelineService pipelines, ICurrentUser user, IStringLocalizer<SalesModule> text) : PageModel
{
    public const int CardsPerColumn = 200;

    public Board? Board { get; private set; }
    public List<PipelineView> Pipelines { get; private set; } = [];
    public List<LossReasonView> LossReasons { get; private set; } = [];
    public bool CanEdit => user.HasPermission(Permissions.EditDeals);

    [BindProperty(SupportsGet = true)] public int? PipelineId { get; set; }
    [BindProperty(SupportsGet = true)] public string? OwnerId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Board == null ? NotFound() : Page();
    }

    /// <summary>The no-script way to move a card: a stage picker (and a loss reason) on each card.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int dealId, int stageId, int? lossReasonId, string? lossNote, int? version, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var result = await deals.MoveAsync(dealId, new MoveInput(stageId, lossReasonId, lossNote, version), ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return RedirectToPage(new { PipelineId, OwnerId });
        if (result.Conflict) ModelState.AddModelError("", text["Validation.Conflict"]);
        result.Errors.AddTo(ModelState, text, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Pipelines = await pipelines.ListAsync(false, ct);
        LossReasons = await pipelines.LossReasonsAsync(false, ct);
        Board = await deals.BoardAsync(PipelineId, OwnerId, CardsPerColumn, ct);
    }
}
