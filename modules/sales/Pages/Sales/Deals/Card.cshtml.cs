using Crm.Sales.Deals;
using Crm.Sales.Documents;
using Crm.Sales.Pipelines;
using Crm.Sales.Products;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Deals;

/// <summary>
/// The deal card: its figures, client, stage path with buttons to move it, its lines (added, changed and removed here),
/// the documents issued for it, and the history of its stages.
/// </summary>
[RequirePermission(Permissions.ViewDeals)]
public sealed class CardModel(DealService deals, DealLineService lines, DocumentService documents, ProductService products, PipelineService pipelines,
    ICurrentUser user, IStringLocalizer<SalesModule> text) : PageModel
{
    public DealDetails Deal { get; private set; } = null!;
    public DealLines Lines { get; private set; } = null!;
    public List<DocumentRow> Documents { get; private set; } = [];
    public List<(ProductView Product, decimal Price)> Products { get; private set; } = [];
    public List<LossReasonView> LossReasons { get; private set; } = [];
    public bool CanEdit => user.HasPermission(Permissions.EditDeals) && user.CanReach(Permissions.EditDeals, Deal.Deal.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, int stageId, int? lossReasonId, string? lossNote, int? version, CancellationToken ct) =>
        await DoneAsync(id, await deals.MoveAsync(id, new MoveInput(stageId, lossReasonId, lossNote, version), ct), ct);

    public async Task<IActionResult> OnPostAddLineAsync(int id, DealLineInput line, CancellationToken ct) =>
        await DoneAsync(id, await lines.AddAsync(id, line, ct), ct);

    public async Task<IActionResult> OnPostSaveLineAsync(int id, int lineId, DealLineInput line, CancellationToken ct) =>
        await DoneAsync(id, await lines.UpdateAsync(id, lineId, line, ct), ct);

    public async Task<IActionResult> OnPostRemoveLineAsync(int id, int lineId, int? version, CancellationToken ct) =>
        await DoneAsync(id, await lines.RemoveAsync(id, lineId, version, ct), ct);

    public async Task<IActionResult> OnPostIssueAsync(int id, DocumentKind kind, CancellationToken ct)
    {
        var result = await documents.IssueAsync(id, new IssueInput(kind), ct);
        return result.Succeeded ? Redirect($"/Sales/Documents/{result.Id}") : await DoneAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await deals.DeleteAsync(id, ct) ? RedirectToPage("./Index") : NotFound();

    async Task<IActionResult> DoneAsync(int id, SaveResult result, CancellationToken ct)
    {
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return RedirectToPage(new { id });
        if (result.Conflict) ModelState.AddModelError("", text["Validation.Conflict"]);
        result.Errors.AddTo(ModelState, text, prefix: "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await deals.FindAsync(id, ct) is not { } deal) return false;
        Deal = deal;
        Lines = (await lines.ListAsync(id, ct))!;
        Documents = (await documents.ListAsync(id, ct))!;
        LossReasons = await pipelines.LossReasonsAsync(false, ct);
        if (CanEdit) Products = await products.PricedInAsync(deal.Deal.Currency, ct);
        return true;
    }
}
