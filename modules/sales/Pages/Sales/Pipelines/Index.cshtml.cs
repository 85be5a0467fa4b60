using Crm.Sales.Pipelines;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Pipelines;

/// <summary>The administrator's page for pipelines, their stages, and the loss reasons.</summary>
[RequirePermission(Permissions.ManagePipelines)]
public sealed class IndexModel(PipelineService service, IStringLocalizer<SalesModule> text) : PageModel
{
    public sealed class StageRow
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public int Probability { get; set; }
        public int? NormDays { get; set; }
        public StageKind Kind { get; set; }
        public bool IsArchived { get; set; }
    }

    public List<PipelineView> Pipelines { get; private set; } = [];
    public List<LossReasonView> LossReasons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Creates a pipeline with typical open stages and the closing pair, to be renamed in place.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var stages = new List<StageInput>
        {
            new(null, text["Stage.New"], 10, 3, StageKind.Open), new(null, text["Stage.Proposal"], 50, 10, StageKind.Open),
            new(null, text["Stage.Won"], 100, null, StageKind.Won), new(null, text["Stage.Lost"], 0, null, StageKind.Lost),
        };
        return await DoneAsync(await service.CreateAsync(new PipelineInput(name, stages), ct), "", ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, string? name, int version, List<StageRow> stages, CancellationToken ct)
    {
        var input = new PipelineInput(name, stages.Where(s => s.Id != null || !string.IsNullOrWhiteSpace(s.Name))
            .Select(s => new StageInput(s.Id, s.Name, s.Probability, s.NormDays, s.Kind, s.IsArchived)).ToList(), version);
        return await DoneAsync(await service.UpdateAsync(id, input, ct), $"pipeline{id}.", ct);
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool archived, CancellationToken ct) =>
        await service.SetArchivedAsync(id, archived, ct) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostReasonAsync(int? id, string? name, bool archived, CancellationToken ct) =>
        await DoneAsync(await service.SaveLossReasonAsync(id, name, archived, ct), "reason.", ct);

    async Task<IActionResult> DoneAsync(SaveResult result, string prefix, CancellationToken ct)
    {
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return RedirectToPage();
        if (result.Conflict) ModelState.AddModelError("", text["Validation.Conflict"]);
        result.Errors.AddTo(ModelState, text, prefix);
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Pipelines = await service.ListAsync(true, ct);
        LossReasons = await service.LossReasonsAsync(true, ct);
    }
}
