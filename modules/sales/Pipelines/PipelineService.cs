using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Data;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Pipelines;

public sealed record StageInput(int? Id, string? Name, int Probability, int? NormDays, StageKind Kind, bool IsArchived = false);

/// <summary>A pipeline as given; JSON may leave out the stages or hold a null among them, which validation names.</summary>
public sealed record PipelineInput(string? Name, IReadOnlyList<StageInput?>? Stages, int? Version = null);

public sealed record StageView(int Id, string Name, int SortOrder, int Probability, int? NormDays, StageKind Kind, bool IsArchived);

public sealed record PipelineView(int Id, string Name, bool IsArchived, int Version, IReadOnlyList<StageView> Stages);

public sealed record LossReasonView(int Id, string Name, bool IsArchived);

/// <summary>
/// Pipelines with their ordered stages, and the list of loss reasons: what an administrator sets up before deals flow.
/// Stages with deals are archived, never deleted, so history keeps its names. Every list and board names stages, so the
/// pipelines are read from the <see cref="IReferenceCache"/>, which drops them when a save changes one.
/// </summary>
public sealed class PipelineService(SalesDbContext db, IReferenceCache cache)
{
    static readonly Type[] Tables = [typeof(Pipeline), typeof(Stage)];

    /// <summary>Every pipeline, archived ones too, in order, each with all its stages in order.</summary>
    public Task<IReadOnlyList<PipelineView>> AllAsync(CancellationToken ct) =>
        cache.GetAsync<IReadOnlyList<PipelineView>>("sales.pipelines", Tables, async c =>
        {
            var pipelines = await db.Pipelines.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(c);
            var stages = (await db.Stages.AsNoTracking().ToListAsync(c)).ToLookup(s => s.PipelineId);
            return pipelines.Select(p => View(p, stages[p.Id])).ToList();
        }, ct);

    public async Task<List<PipelineView>> ListAsync(bool includeArchived, CancellationToken ct) =>
        (await AllAsync(ct)).Where(p => includeArchived || !p.IsArchived).ToList();

    public async Task<PipelineView?> FindAsync(int id, CancellationToken ct) => (await AllAsync(ct)).FirstOrDefault(p => p.Id == id);

    /// <summary>
    /// Every stage of every pipeline by id, archived ones too (old deals stand in them), holding at least the stages of
    /// <paramref name="deals"/>: read again when one is missing, which only a stage added by another process within the
    /// cache's lifetime can be.
    /// </summary>
    public async Task<Dictionary<int, StageView>> StagesAsync(IReadOnlyCollection<Deal> deals, CancellationToken ct)
    {
        var stages = ById(await AllAsync(ct));
        if (deals.All(d => stages.ContainsKey(d.StageId))) return stages;
        cache.Changed(typeof(Stage));
        return ById(await AllAsync(ct));

        static Dictionary<int, StageView> ById(IEnumerable<PipelineView> pipelines) => pipelines.SelectMany(p => p.Stages).ToDictionary(s => s.Id);
    }

    /// <summary>The pipeline a deal stands in, read again if it is missing (see <see cref="StagesAsync"/>).</summary>
    public async Task<PipelineView> OfAsync(Deal deal, CancellationToken ct)
    {
        if (await FindAsync(deal.PipelineId, ct) is { } pipeline) return pipeline;
        cache.Changed(typeof(Pipeline));
        return (await FindAsync(deal.PipelineId, ct))!;
    }

    public async Task<SaveResult> CreateAsync(PipelineInput input, CancellationToken ct)
    {
        var errors = Validate(input, []);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var pipeline = new Pipeline { Name = input.Name!.Trim(), SortOrder = await db.Pipelines.CountAsync(ct) };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(ct);
        db.Stages.AddRange(input.Stages!.Select((s, i) => NewStage(pipeline.Id, s!, i)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(pipeline.Id);
    }

    /// <summary>Renames the pipeline and replaces its stage list: stages are matched by id, new ones added, missing ones archived.</summary>
    public async Task<SaveResult> UpdateAsync(int id, PipelineInput input, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline == null) return SaveResult.Missing();
        // Without the version read, a save would overwrite someone else's change unseen.
        if (input.Version is not { } version) return SaveResult.Invalid(new FieldErrors().Add("version", "Validation.VersionRequired"));
        if (version != pipeline.Version) return SaveResult.Changed();
        var stages = await db.Stages.Where(s => s.PipelineId == id).ToListAsync(ct);
        var errors = Validate(input, stages);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var given = input.Stages!.Select(s => s!).ToList();
        var kept = given.Where(s => s.Id != null).Select(s => s.Id!.Value).ToHashSet();
        var dropped = stages.Where(s => !kept.Contains(s.Id) && !s.IsArchived).Select(s => s.Id).ToList();
        if (dropped.Count > 0 && await db.Deals.AnyAsync(d => dropped.Contains(d.StageId) && d.Status == DealStatus.Open && d.DeletedAtUtc == null, ct))
            errors.Add("stages", "Pipeline.StageHasDeals");
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        pipeline.Name = input.Name!.Trim();
        pipeline.Version++;
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i].Id is { } stageId && stages.FirstOrDefault(s => s.Id == stageId) is { } stage)
            {
                stage.Name = given[i].Name!.Trim();
                stage.SortOrder = i;
                stage.Probability = given[i].Probability;
                stage.NormDays = given[i].NormDays;
                stage.Kind = given[i].Kind;
                stage.IsArchived = given[i].IsArchived;
            }
            else db.Stages.Add(NewStage(id, given[i], i));
        }
        foreach (var stage in stages.Where(s => dropped.Contains(s.Id))) stage.IsArchived = true;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return SaveResult.Changed(); }
        return SaveResult.Saved(id);
    }

    public async Task<bool> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline == null) return false;
        pipeline.IsArchived = archived;
        pipeline.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<LossReasonView>> LossReasonsAsync(bool includeArchived, CancellationToken ct) =>
        db.LossReasons.AsNoTracking().Where(r => includeArchived || !r.IsArchived).OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new LossReasonView(r.Id, r.Name, r.IsArchived)).ToListAsync(ct);

    public async Task<SaveResult> SaveLossReasonAsync(int? id, string? name, bool archived, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var clean = FieldErrors.Clean(name);
        errors.If(clean == null, "name", "Validation.Required").If(clean?.Length > 200, "name", "Validation.TooLong");
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var reason = id == null ? null : await db.LossReasons.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (id != null && reason == null) return SaveResult.Missing();
        if (reason == null)
        {
            reason = new LossReason { SortOrder = await db.LossReasons.CountAsync(ct) };
            db.LossReasons.Add(reason);
        }
        reason.Name = clean!;
        reason.IsArchived = archived;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(reason.Id);
    }

    static FieldErrors Validate(PipelineInput input, IReadOnlyList<Stage> existing)
    {
        var errors = new FieldErrors();
        var name = FieldErrors.Clean(input.Name);
        errors.If(name == null, "name", "Validation.Required").If(name?.Length > 100, "name", "Validation.TooLong");
        // Missing stages or a null among them are named here, so that what follows sees whole stages.
        if (input.Stages is not { } given) return errors.Add("stages", "Validation.Required");
        for (var i = 0; i < given.Count; i++) errors.If(given[i] == null, $"stages[{i}]", "Validation.Required");
        if (given.Any(s => s == null)) return errors;
        var stages = given.Select(s => s!).ToList();
        var active = stages.Where(s => !s.IsArchived).ToList();
        if (!active.Any(s => s.Kind == StageKind.Open)) errors.Add("stages", "Pipeline.NeedsOpenStage");
        if (!active.Any(s => s.Kind == StageKind.Won) || !active.Any(s => s.Kind == StageKind.Lost)) errors.Add("stages", "Pipeline.NeedsWonAndLost");
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var field = $"stages[{i}]";
            var stageName = FieldErrors.Clean(stage.Name);
            errors.If(stageName == null, field + ".name", "Validation.Required").If(stageName?.Length > 100, field + ".name", "Validation.TooLong")
                .If(stage.Probability is < 0 or > 100, field + ".probability", "Pipeline.ProbabilityRange")
                .If(stage.NormDays is < 0 or > 3650, field + ".normDays", "Pipeline.NormRange")
                .If(!Enum.IsDefined(stage.Kind), field + ".kind", "Validation.Unknown")
                .If(stage.Id is { } id && existing.All(s => s.Id != id), field + ".id", "Validation.Unknown");
        }
        return errors;
    }

    static Stage NewStage(int pipelineId, StageInput input, int order) => new()
    {
        PipelineId = pipelineId, Name = input.Name!.Trim(), SortOrder = order, Probability = input.Probability,
        NormDays = input.NormDays, Kind = input.Kind, IsArchived = input.IsArchived,
    };

    static PipelineView View(Pipeline p, IEnumerable<Stage> stages) => new(p.Id, p.Name, p.IsArchived, p.Version,
        stages.OrderBy(s => s.SortOrder).Select(s => new StageView(s.Id, s.Name, s.SortOrder, s.Probability, s.NormDays, s.Kind, s.IsArchived)).ToList());
}
