using System.Linq.Expressions;
using Crm.Sales.Data;
using Crm.Sales.Pipelines;
using Crm.Sales.Reports;
using Crm.Sdk.Clients;
using Crm.Sdk.Events;
using Crm.Sdk.Search;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Deals;

/// <summary>
/// Deals within the current user's record scope: every list, card, move and change goes through here, so the scope is
/// applied in the query itself. Every stage change closes the current <see cref="StageVisit"/> and opens the next one in
/// the same transaction, keeps the funnel's monthly counts (<see cref="VisitMonths"/>) in step, and stores the domain
/// events other modules listen to in the outbox in that transaction.
/// </summary>
public sealed class DealService(SalesDbContext db, ICurrentUser user, IClientDirectory clients, IUserDirectory users, SalesSettings settings,
    PipelineService pipelines, VisitMonths visitMonths, TimeProvider time)
{
    public const int MaxPageSize = 200;

    /// <summary>Deals not in the recycle bin whose owner lies within the user's scope for <paramref name="permission"/>.</summary>
    public IQueryable<Deal> Visible(string permission) =>
        db.Deals.Where(d => d.DeletedAtUtc == null).WithinScope(user, permission, d => d.OwnerId);

    public async Task<SaveResult> CreateAsync(DealInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var pipeline = await PipelineOrDefaultAsync(input.PipelineId, ct);
        if (pipeline == null) errors.Add("pipelineId", "Validation.Unknown");
        var stages = pipeline == null ? [] : await ActiveStagesAsync(pipeline.Id, ct);
        var stage = input.StageId is { } stageId ? stages.FirstOrDefault(s => s.Id == stageId) : stages.FirstOrDefault(s => s.Kind == StageKind.Open);
        if (pipeline != null && (stage == null || stage.Kind != StageKind.Open)) errors.Add("stageId", "Deal.StageNotOpen");
        var owner = FieldErrors.Clean(input.OwnerId) ?? user.Id!;
        await ValidateAsync(input, owner, errors, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var deal = new Deal
        {
            PipelineId = pipeline!.Id, StageId = stage!.Id, Status = DealStatus.Open, OwnerId = owner, CreatedAtUtc = now, StageEnteredAtUtc = now,
            Currency = FieldErrors.Clean(input.Currency)?.ToUpperInvariant() ?? await settings.DefaultCurrencyAsync(ct),
        };
        Apply(deal, input, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(ct);
        db.StageVisits.Add(new StageVisit
        {
            DealId = deal.Id, PipelineId = deal.PipelineId, StageId = deal.StageId, EnteredAtUtc = now, OwnerId = deal.OwnerId, ByUserId = user.Id!,
        });
        await db.SaveChangesAsync(ct);
        await visitMonths.UpdateAsync(new VisitMonths.Counts(), [deal.Id], ct);
        db.Raise(new DealCreated(deal.Id, deal.Title, deal.OwnerId, ClientOf(deal), deal.Amount, deal.Currency));
        await db.SaveChangesAsync(ct); // into the outbox, in this transaction
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(deal.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, DealInput input, CancellationToken ct)
    {
        var deal = await Visible(Permissions.EditDeals).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal == null) return SaveResult.Missing();
        // Without the version read, a save would overwrite someone else's change unseen.
        if (input.Version is not { } version) return SaveResult.Invalid(new FieldErrors().Add("version", "Validation.VersionRequired"));
        if (version != deal.Version) return SaveResult.Changed();
        var errors = new FieldErrors();
        var owner = FieldErrors.Clean(input.OwnerId) ?? deal.OwnerId;
        await ValidateAsync(input, owner, errors, ct, deal);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        // A deal with lines is worth what its lines add up to; the amount typed on the form is for deals without lines.
        if (await db.DealLines.AnyAsync(l => l.DealId == id, ct)) input = input with { Amount = null };
        var handedOver = owner != deal.OwnerId;
        deal.OwnerId = owner;
        if (FieldErrors.Clean(input.Currency) is { } currency) deal.Currency = currency.ToUpperInvariant();
        Apply(deal, input, time.GetUtcNow().UtcDateTime);
        deal.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = handedOver ? await visitMonths.CountAsync([deal.Id], ct) : null;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return SaveResult.Changed(); }
        if (counted != null)
        {
            await StageVisit.FollowOwnersAsync(db.StageVisits, new Dictionary<int, string> { [deal.Id] = owner }, ct);
            await visitMonths.UpdateAsync(counted, [deal.Id], ct);
        }
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(deal.Id);
    }

    /// <summary>Moves a deal to another stage of its pipeline (the board's drag and drop, the card's stage buttons, the API).</summary>
    public async Task<SaveResult> MoveAsync(int id, MoveInput input, CancellationToken ct)
    {
        var deal = await Visible(Permissions.EditDeals).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal == null) return SaveResult.Missing();
        if (input.Version is { } version && version != deal.Version) return SaveResult.Changed();
        var errors = new FieldErrors();
        var target = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.StageId && s.PipelineId == deal.PipelineId && !s.IsArchived, ct);
        if (target == null) return SaveResult.Invalid(errors.Add("stageId", "Deal.StageUnknown"));
        if (target.Id == deal.StageId) return SaveResult.Saved(deal.Id);
        LossReason? reason = null;
        if (target.Kind == StageKind.Lost)
        {
            reason = input.LossReasonId is { } reasonId ? await db.LossReasons.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reasonId && !r.IsArchived, ct) : null;
            errors.If(reason == null, "lossReasonId", "Deal.LossReasonRequired").If(input.LossNote?.Length > 1000, "lossNote", "Validation.TooLong");
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var from = deal.StageId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await visitMonths.CountAsync([deal.Id], ct);
        var open = await db.StageVisits.Where(v => v.DealId == deal.Id && v.LeftAtUtc == null).ToListAsync(ct);
        foreach (var visit in open) StageVisit.Leave(visit, now);
        var previousEntry = await db.StageVisits.Where(v => v.DealId == deal.Id && v.StageId == target.Id).MaxAsync(v => (DateTime?)v.EnteredAtUtc, ct);
        db.StageVisits.Add(new StageVisit
        {
            DealId = deal.Id, PipelineId = deal.PipelineId, StageId = target.Id, EnteredAtUtc = now, PreviousEntryAtUtc = previousEntry,
            OwnerId = deal.OwnerId, ByUserId = user.Id!,
        });
        deal.StageId = target.Id;
        deal.StageEnteredAtUtc = now;
        deal.UpdatedAtUtc = now;
        deal.Status = target.Kind switch { StageKind.Won => DealStatus.Won, StageKind.Lost => DealStatus.Lost, _ => DealStatus.Open };
        deal.ClosedAtUtc = deal.Status == DealStatus.Open ? null : now;
        deal.CycleSeconds = deal.ClosedAtUtc == null ? null : (long)Math.Round((now - deal.CreatedAtUtc).TotalSeconds);
        deal.LossReasonId = reason?.Id;
        deal.LossNote = reason == null ? null : FieldErrors.Clean(input.LossNote);
        deal.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return SaveResult.Changed(); }
        await visitMonths.UpdateAsync(counted, [deal.Id], ct);
        // The events commit with the move (the outbox), so an invoice for a won deal survives a crash right after it.
        db.Raise(new DealStageChanged(deal.Id, from, target.Id, target.Name, user.Id!));
        if (deal.Status == DealStatus.Won)
            db.Raise(new DealWon(deal.Id, deal.Title, deal.OwnerId, ClientOf(deal), deal.Amount, deal.Currency, now));
        if (deal.Status == DealStatus.Lost)
            db.Raise(new DealLost(deal.Id, deal.Title, deal.OwnerId, ClientOf(deal), deal.Amount, deal.Currency, reason!.Name));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(deal.Id);
    }

    /// <summary>Sends a deal to the recycle bin; its history stays, but reports leave it out.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var deal = await Visible(Permissions.EditDeals).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal == null) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await visitMonths.CountAsync([deal.Id], ct);
        deal.DeletedAtUtc = time.GetUtcNow().UtcDateTime;
        deal.Version++;
        await db.SaveChangesAsync(ct);
        await visitMonths.UpdateAsync(counted, [deal.Id], ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<DealPage> ListAsync(DealFilter filter, CancellationToken ct)
    {
        var limit = Math.Clamp(filter.Limit, 1, MaxPageSize);
        var query = Filtered(filter);
        var cursor = DealCursor.Parse(filter.After);
        query = filter.Sort switch
        {
            DealSort.Amount => (cursor == null ? query : query.Where(d => d.Amount < cursor.Amount || (d.Amount == cursor.Amount && d.Id < cursor.Id)))
                .OrderByDescending(d => d.Amount).ThenByDescending(d => d.Id),
            DealSort.Created => (cursor == null ? query : query.Where(d => d.CreatedAtUtc < cursor.At || (d.CreatedAtUtc == cursor.At && d.Id < cursor.Id)))
                .OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id),
            _ => (cursor == null ? query : query.Where(d => d.UpdatedAtUtc < cursor.At || (d.UpdatedAtUtc == cursor.At && d.Id < cursor.Id)))
                .OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id),
        };
        var deals = await query.Take(limit + 1).Select(Listed).ToListAsync(ct);
        var rows = await RowsAsync(deals.Take(limit).ToList(), ct);
        var next = deals.Count > limit ? DealCursor.After(deals[limit - 1], filter.Sort) : null;
        return new DealPage(rows, next);
    }

    /// <summary>The deals a list shows for a filter (before sorting and paging), within the user's scope; exports use the same.</summary>
    public IQueryable<Deal> Filtered(DealFilter filter)
    {
        var query = Visible(Permissions.ViewDeals).AsNoTracking();
        if (filter.PipelineId is { } pipeline) query = query.Where(d => d.PipelineId == pipeline);
        if (filter.StageId is { } stage) query = query.Where(d => d.StageId == stage);
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (FieldErrors.Clean(filter.OwnerId) is { } owner) query = query.Where(d => d.OwnerId == owner);
        if (filter.CompanyId is { } company) query = query.Where(d => d.CompanyId == company);
        if (filter.ContactId is { } contact) query = query.Where(d => d.ContactId == contact);
        // By the start of the title as a search key (case and ё ignored alike on both databases, over the key's index);
        // a search of punctuation alone has no key and finds nothing rather than everything.
        if (FieldErrors.Clean(filter.Search) is { } search)
            query = SearchKey.Of(search) is { Length: > 0 } key ? query.WhereStartsWith(d => d.TitleKey, key) : query.Where(_ => false);
        return query;
    }

    /// <summary>The board of a pipeline: each live stage with its count, total and newest <paramref name="cardsPerColumn"/> open deals.</summary>
    public async Task<Board?> BoardAsync(int? pipelineId, string? ownerId, int cardsPerColumn, CancellationToken ct)
    {
        var pipeline = (await pipelines.ListAsync(false, ct)).FirstOrDefault(p => pipelineId == null || p.Id == pipelineId);
        if (pipeline == null) return null;
        var view = pipeline with { Stages = pipeline.Stages.Where(s => !s.IsArchived).ToList() };
        var currency = await settings.DefaultCurrencyAsync(ct);
        var inPipeline = Filtered(new DealFilter(PipelineId: pipeline.Id, OwnerId: ownerId));
        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        // Closed columns count what closed in the last 30 days, so that the board shows this month's wins, not all history.
        // Two queries rather than one with OR, so that each reads its own index (open deals; deals closed lately). They group
        // by "StageId + 0": grouped by the bare column, SQLite would rather walk an index in stage order (it spares a sort)
        // and read all of a manager's deals, years of them, than the few the board counts.
        var totals = new List<ColumnTotal>();
        foreach (var deals in new[] { inPipeline.Where(d => d.Status == DealStatus.Open),
                     inPipeline.Where(d => (d.Status == DealStatus.Won || d.Status == DealStatus.Lost) && d.ClosedAtUtc >= since) })
            totals.AddRange(await deals.GroupBy(d => d.StageId + 0)
                .Select(g => new ColumnTotal(g.Key, g.Count(), g.Where(d => d.Currency == currency).Sum(d => d.Amount))).ToListAsync(ct));
        var columns = new List<BoardColumn>();
        foreach (var stage in view.Stages)
        {
            var cards = stage.Kind == StageKind.Open
                ? await RowsAsync(await inPipeline.Where(d => d.StageId == stage.Id).OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id)
                    .Take(cardsPerColumn).Select(Listed).ToListAsync(ct), ct)
                : [];
            var total = totals.FirstOrDefault(t => t.StageId == stage.Id);
            columns.Add(new BoardColumn(stage, total?.Count ?? 0, total?.Total ?? 0, cards));
        }
        return new Board(view, columns, currency);
    }

    sealed record ColumnTotal(int StageId, int Count, decimal Total);

    public async Task<DealDetails?> FindAsync(int id, CancellationToken ct)
    {
        var deal = await Visible(Permissions.ViewDeals).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal == null) return null;
        var row = (await RowsAsync([deal], ct))[0];
        var pipeline = await pipelines.OfAsync(deal, ct);
        var stages = pipeline.Stages.Where(s => !s.IsArchived || s.Id == deal.StageId).ToList();
        var visits = await (from v in db.StageVisits.AsNoTracking() join s in db.Stages on v.StageId equals s.Id
                            where v.DealId == id orderby v.EnteredAtUtc descending, v.Id descending
                            select new { s.Name, v.EnteredAtUtc, v.LeftAtUtc, v.ByUserId }).ToListAsync(ct);
        var names = await users.FindAsync(visits.Select(v => v.ByUserId), ct);
        var reason = deal.LossReasonId is { } reasonId ? await db.LossReasons.Where(r => r.Id == reasonId).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        return new DealDetails(row, pipeline.Name, deal.Source, reason, deal.LossNote, deal.CreatedAtUtc, deal.ClosedAtUtc, stages,
            visits.Select(v => new StageVisitView(v.Name, v.EnteredAtUtc, v.LeftAtUtc, names.TryGetValue(v.ByUserId, out var u) ? u.Name : v.ByUserId)).ToList());
    }

    /// <summary>
    /// A deal with only what a row shows (<see cref="RowsAsync"/>) and a page's cursor needs. Lists read these rather than
    /// whole deals: SQLite stores dates as text, and parsing the dates a row never shows took a third of a list's query.
    /// </summary>
    static readonly Expression<Func<Deal, Deal>> Listed = d => new Deal
    {
        Id = d.Id, Title = d.Title, PipelineId = d.PipelineId, StageId = d.StageId, Status = d.Status, CompanyId = d.CompanyId,
        ContactId = d.ContactId, OwnerId = d.OwnerId, Amount = d.Amount, Currency = d.Currency, ExpectedCloseOn = d.ExpectedCloseOn,
        StageEnteredAtUtc = d.StageEnteredAtUtc, CreatedAtUtc = d.CreatedAtUtc, UpdatedAtUtc = d.UpdatedAtUtc, Version = d.Version,
    };

    /// <summary>Turns deals into rows with stage, owner and client names: stages and staff from memory, one query for the clients.</summary>
    public async Task<List<DealRow>> RowsAsync(IReadOnlyList<Deal> deals, CancellationToken ct)
    {
        if (deals.Count == 0) return [];
        var stages = await pipelines.StagesAsync(deals, ct);
        var owners = await users.FindAsync(deals.Select(d => d.OwnerId), ct);
        var clientNames = await clients.DescribeAsync(deals.Select(ClientOf).OfType<ClientRef>(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        return deals.Select(d =>
        {
            var stage = stages[d.StageId];
            var client = ClientOf(d);
            return new DealRow(d.Id, d.Title, d.PipelineId, d.StageId, stage.Name, d.Status, d.Amount, d.Currency, d.OwnerId,
                owners.TryGetValue(d.OwnerId, out var owner) ? owner.Name : d.OwnerId, d.CompanyId, d.ContactId,
                client != null && clientNames.TryGetValue(client, out var summary) ? summary.Name : null,
                d.ExpectedCloseOn, d.UpdatedAtUtc, d.StageEnteredAtUtc, d.Version, StalledDeals.IsStalled(d, stage.NormDays, now));
        }).ToList();
    }

    /// <summary>The company a deal is for, else its contact.</summary>
    public static ClientRef? ClientOf(Deal deal) =>
        deal.CompanyId is { } company ? new ClientRef(ClientKind.Company, company)
        : deal.ContactId is { } contact ? new ClientRef(ClientKind.Contact, contact) : null;

    async Task ValidateAsync(DealInput input, string owner, FieldErrors errors, CancellationToken ct, Deal? existing = null)
    {
        var title = FieldErrors.Clean(input.Title);
        errors.If(title == null, "title", "Validation.Required").If(title?.Length > 300, "title", "Validation.TooLong")
            .If(input.Amount is < 0, "amount", "Deal.AmountNegative").If(input.Amount > 1_000_000_000_000m, "amount", "Deal.AmountTooLarge")
            .If(input.Source?.Trim().Length > 100, "source", "Validation.TooLong");
        if (FieldErrors.Clean(input.Currency) is { } currency && !(await settings.CurrenciesAsync(ct)).Contains(currency.ToUpperInvariant()))
            errors.Add("currency", "Deal.CurrencyUnknown");
        if (owner != existing?.OwnerId)
        {
            // Giving a deal to someone needs an active colleague within the giver's own scope.
            var found = await users.FindAsync([owner], ct);
            if (!found.TryGetValue(owner, out var summary) || !summary.IsActive) errors.Add("ownerId", "Deal.OwnerUnknown");
            else if (owner != user.Id && !user.CanReach(Permissions.EditDeals, owner)) errors.Add("ownerId", "Deal.OwnerOutOfScope");
        }
        // A client outside the user's scope is reported as unknown: its existence is not the user's to learn.
        if (input.CompanyId is { } company && company != existing?.CompanyId
            && await clients.FindVisibleAsync(new ClientRef(ClientKind.Company, company), ct) == null) errors.Add("companyId", "Deal.ClientUnknown");
        if (input.ContactId is { } contact && contact != existing?.ContactId
            && await clients.FindVisibleAsync(new ClientRef(ClientKind.Contact, contact), ct) == null) errors.Add("contactId", "Deal.ClientUnknown");
    }

    static void Apply(Deal deal, DealInput input, DateTime now)
    {
        deal.Title = input.Title!.Trim();
        deal.TitleKey = SearchKey.Of(deal.Title);
        deal.CompanyId = input.CompanyId;
        deal.ContactId = input.ContactId;
        deal.Amount = input.Amount ?? deal.Amount;
        deal.ExpectedCloseOn = input.ExpectedCloseOn;
        deal.Source = FieldErrors.Clean(input.Source);
        deal.UpdatedAtUtc = now;
    }

    Task<Pipeline?> PipelineOrDefaultAsync(int? id, CancellationToken ct) => id is { } pipelineId
        ? db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pipelineId && !p.IsArchived, ct)
        : db.Pipelines.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);

    Task<List<Stage>> ActiveStagesAsync(int pipelineId, CancellationToken ct) =>
        db.Stages.AsNoTracking().Where(s => s.PipelineId == pipelineId && !s.IsArchived).OrderBy(s => s.SortOrder).ToListAsync(ct);
}
