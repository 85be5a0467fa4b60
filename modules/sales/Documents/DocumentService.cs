using System.Data.Common;
using System.Globalization;
using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Crm.Sdk.Templates;
using Crm.Sdk.Time;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Documents;

/// <summary>
/// Quotes, orders and contracts of a deal. Issuing renders the template with the deal, its lines, the client and the
/// seller, and keeps the result: the first issue of a kind takes the next number of that kind and year from a counter
/// row in the same transaction; issuing it again adds a version under the same number.
/// </summary>
public sealed class DocumentService(SalesDbContext db, DealService deals, DealLineService lines, IClientDirectory clients, IUserDirectory users,
    SalesSettings settings, IDocumentRenderer renderer, ICurrentUser user, IStringLocalizer<SalesModule> text, ICompanyClock clock)
{
    const int Attempts = 4;

    public async Task<List<DocumentRow>?> ListAsync(int dealId, CancellationToken ct)
    {
        if (!await deals.Visible(Permissions.ViewDeals).AnyAsync(d => d.Id == dealId, ct)) return null;
        var rows = await db.Documents.AsNoTracking().Where(d => d.DealId == dealId).OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Kind, d.Number, d.VersionNo, d.CreatedById, d.CreatedAtUtc }).ToListAsync(ct);
        var names = await users.FindAsync(rows.Select(r => r.CreatedById), ct);
        return rows.Select(r => new DocumentRow(r.Id, r.Kind, r.Number, r.VersionNo, names.TryGetValue(r.CreatedById, out var u) ? u.Name : r.CreatedById,
            r.CreatedAtUtc)).ToList();
    }

    /// <summary>The document's HTML as issued, if its deal lies within the user's scope.</summary>
    public Task<string?> HtmlAsync(int id, CancellationToken ct) =>
        (from document in db.Documents.AsNoTracking() join deal in deals.Visible(Permissions.ViewDeals) on document.DealId equals deal.Id
         where document.Id == id select document.Html).FirstOrDefaultAsync(ct);

    public async Task<SaveResult> IssueAsync(int dealId, IssueInput input, CancellationToken ct)
    {
        var deal = await deals.Visible(Permissions.EditDeals).AsNoTracking().FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal == null) return SaveResult.Missing();
        var errors = new FieldErrors().If(!Enum.IsDefined(input.Kind), "kind", "Validation.Unknown");
        var dealLines = await lines.ViewAsync(deal, ct);
        errors.If(dealLines.Lines.Count == 0, "lines", "Document.NoLines").If(!dealLines.Approved, "lines", "Document.NeedsApproval");
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var model = await ModelAsync(deal, dealLines, input.Kind, ct);
        for (var attempt = 1; ; attempt++)
        {
            try { return SaveResult.Saved(await IssueOnceAsync(deal, input.Kind, model, ct)); }
            catch (Exception e) when (IsCollision(e) && attempt < Attempts)
            {
                // Someone issued at the same moment (the same version, or the year's first number): take the next.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(10, 50) * attempt, ct);
            }
        }
    }

    /// <summary>A duplicate key or a deadlock (which Pomelo reports wrapped as a transient failure).</summary>
    static bool IsCollision(Exception e) =>
        e is DbUpdateException or DbException || e is InvalidOperationException { InnerException: DbUpdateException or DbException };

    async Task<int> IssueOnceAsync(Deal deal, DocumentKind kind, DocumentModel model, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var year = clock.ToLocal(now).Year; // numbering follows the company's calendar
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var previous = await db.Documents.AsNoTracking().Where(d => d.DealId == deal.Id && d.Kind == kind).OrderByDescending(d => d.VersionNo)
            .Select(d => new { d.Number, d.VersionNo }).FirstOrDefaultAsync(ct);
        var number = previous?.Number ?? $"{text["Document.Prefix." + kind]}-{year}-{await NextNumberAsync(kind, year, ct):0000}";
        var version = (previous?.VersionNo ?? 0) + 1;
        var html = await renderer.RenderAsync(SalesSettings.ModuleId, DocumentTemplates.For(kind).Name, model with { Number = number, Version = version }, ct);
        var document = new DealDocument
        {
            DealId = deal.Id, Kind = kind, Number = number, VersionNo = version, Html = html, CreatedById = user.Id!, CreatedAtUtc = now,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return document.Id;
    }

    async Task<int> NextNumberAsync(DocumentKind kind, int year, CancellationToken ct)
    {
        var counter = db.DocumentCounters.Where(c => c.Kind == kind && c.Year == year);
        if (await counter.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct) == 0)
        {
            db.DocumentCounters.Add(new DocumentCounter { Kind = kind, Year = year, LastNumber = 1 });
            await db.SaveChangesAsync(ct);
            return 1;
        }
        return await counter.AsNoTracking().Select(c => c.LastNumber).FirstAsync(ct);
    }

    async Task<DocumentModel> ModelAsync(Deal deal, DealLines dealLines, DocumentKind kind, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        var client = DealService.ClientOf(deal) is { } reference && (await clients.DescribeAsync([reference], ct)).TryGetValue(reference, out var found)
            ? found.Name : "";
        var owner = (await users.FindAsync([deal.OwnerId], ct)).TryGetValue(deal.OwnerId, out var o) ? o.Name : "";
        var labels = new[] { "No", "Description", "Sku", "Unit", "Quantity", "Price", "Discount", "Total", "Date", "Version", "Seller", "Client",
                "Deal", "Manager", "Subject", "Signatures", "ExpectedClose", "Validity", "Terms" }
            .ToDictionary(k => k.ToLowerInvariant(), k => text["Document.Label." + k].Value);
        labels["lang"] = culture.TwoLetterISOLanguageName;
        return new DocumentModel(kind.ToString().ToLowerInvariant(), text["DocumentKind." + kind], "", 0,
            clock.ToLocal(clock.UtcNow).ToString("d", culture),
            new PartyModel(await settings.TextAsync(Settings.SellerName, ct), await settings.TextAsync(Settings.SellerDetails, ct)),
            new PartyModel(client, ""),
            new DealModel(deal.Id, deal.Title, owner, deal.ExpectedCloseOn?.ToString("d", culture)),
            dealLines.Lines.Select((l, i) => new LineModel(i + 1, l.Description, l.Sku, l.Unit, l.Quantity.ToString("0.###", culture),
                l.UnitPrice.ToString("N2", culture), l.DiscountPercent.ToString("0.##", culture), l.Total.ToString("N2", culture))).ToList(),
            dealLines.Lines.Sum(l => l.Total).ToString("N2", culture), deal.Currency, labels);
    }
}
