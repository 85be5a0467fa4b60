using Crm.Sales.Data;
using Crm.Sales.Discounts;
using Crm.Sales.Products;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Deals;

/// <summary>
/// The lines of a deal within the user's scope. Every change recomputes the deal's amount as the sum of its lines and
/// bumps the deal's version in the same save, so two people editing one deal's lines cannot overwrite each other. A
/// discount above the user's limit leaves the line waiting for a head of sales.
/// </summary>
public sealed class DealLineService(SalesDbContext db, DealService deals, DiscountPolicy policy, DiscountApprovals approvals, IUserDirectory users,
    TimeProvider time)
{
    public const decimal MaxQuantity = 1_000_000_000m;

    public async Task<DealLines?> ListAsync(int dealId, CancellationToken ct)
    {
        var deal = await deals.Visible(Permissions.ViewDeals).AsNoTracking().FirstOrDefaultAsync(d => d.Id == dealId, ct);
        return deal == null ? null : await ViewAsync(deal, ct);
    }

    /// <summary>The lines of a deal already known to be within scope.</summary>
    public async Task<DealLines> ViewAsync(Deal deal, CancellationToken ct)
    {
        var rows = await (from l in db.DealLines.AsNoTracking()
                          join p in db.Products on l.ProductId equals p.Id into products
                          from p in products.DefaultIfEmpty()
                          where l.DealId == deal.Id
                          orderby l.SortOrder, l.Id
                          select new { Line = l, Sku = p == null ? null : p.Sku, Unit = p == null ? null : p.Unit }).ToListAsync(ct);
        var names = await users.FindAsync(rows.Where(r => r.Line.ApprovalById != null).Select(r => r.Line.ApprovalById!), ct);
        return new DealLines(deal.Id, deal.Currency, deal.Amount, deal.Version, rows.Select(r => new DealLineView(r.Line.Id, r.Line.ProductId, r.Sku,
            r.Line.Description, r.Unit, r.Line.Quantity, r.Line.UnitPrice, r.Line.DiscountPercent, r.Line.Total, r.Line.Approval,
            r.Line.ApprovalById is { } by && names.TryGetValue(by, out var u) ? u.Name : r.Line.ApprovalById, r.Line.ApprovalAtUtc)).ToList());
    }

    public Task<SaveResult> AddAsync(int dealId, DealLineInput input, CancellationToken ct) =>
        ChangeAsync(dealId, input.Version, async (deal, lines, errors) =>
        {
            var line = new DealLine { DealId = deal.Id, SortOrder = lines.Count == 0 ? 0 : lines.Max(l => l.SortOrder) + 1 };
            if (!await ApplyAsync(deal, line, input, errors, ct)) return null;
            db.DealLines.Add(line);
            lines.Add(line);
            return line;
        }, ct);

    public Task<SaveResult> UpdateAsync(int dealId, int lineId, DealLineInput input, CancellationToken ct) =>
        ChangeAsync(dealId, input.Version, async (deal, lines, errors) =>
        {
            var line = lines.FirstOrDefault(l => l.Id == lineId);
            if (line == null) return null;
            return await ApplyAsync(deal, line, input, errors, ct) ? line : null;
        }, ct);

    public Task<SaveResult> RemoveAsync(int dealId, int lineId, int? version, CancellationToken ct) =>
        ChangeAsync(dealId, version, (_, lines, _) =>
        {
            var line = lines.FirstOrDefault(l => l.Id == lineId);
            if (line == null) return Task.FromResult<DealLine?>(null);
            db.DealLines.Remove(line);
            lines.Remove(line);
            return Task.FromResult<DealLine?>(line);
        }, ct);

    /// <summary>
    /// Loads the deal (within the edit scope) and its lines, lets <paramref name="change"/> work on them, then saves the
    /// lines with the new amount and version at once. A null line from the change means "no such line" unless it
    /// reported field errors.
    /// </summary>
    async Task<SaveResult> ChangeAsync(int dealId, int? version, Func<Deal, List<DealLine>, FieldErrors, Task<DealLine?>> change, CancellationToken ct)
    {
        var deal = await deals.Visible(Permissions.EditDeals).FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal == null) return SaveResult.Missing();
        if (version is { } expected && expected != deal.Version) return SaveResult.Changed();
        var lines = await db.DealLines.Where(l => l.DealId == dealId).ToListAsync(ct);
        var errors = new FieldErrors();
        var line = await change(deal, lines, errors);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (line == null) return SaveResult.Missing();

        deal.Amount = lines.Sum(l => l.Total);
        deal.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        deal.Version++;
        var requested = db.Entry(line).State != EntityState.Deleted && line.Approval == DiscountApproval.Pending
            && (db.Entry(line).State == EntityState.Added || db.Entry(line).Property(l => l.Approval).IsModified
                || db.Entry(line).Property(l => l.DiscountPercent).IsModified);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return SaveResult.Changed(); }
        if (requested) await approvals.RequestedAsync(deal, line, ct);
        return SaveResult.Saved(line.Id);
    }

    /// <summary>Validates the input and, when it is sound, writes it to the line with the discount's approval state.</summary>
    async Task<bool> ApplyAsync(Deal deal, DealLine line, DealLineInput input, FieldErrors errors, CancellationToken ct)
    {
        Product? product = null;
        decimal? catalogPrice = null;
        if (input.ProductId is { } productId)
        {
            product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId && (!p.IsArchived || p.Id == line.ProductId), ct);
            if (product == null) errors.Add("productId", "Validation.Unknown");
            else catalogPrice = await db.ProductPrices.AsNoTracking().Where(p => p.ProductId == productId && p.Currency == deal.Currency)
                .Select(p => (decimal?)p.Price).FirstOrDefaultAsync(ct);
        }
        var description = FieldErrors.Clean(input.Description) ?? product?.Name;
        var price = input.UnitPrice ?? catalogPrice;
        var discount = input.DiscountPercent ?? 0;
        errors.If(description == null && input.ProductId == null, "description", "Validation.Required")
            .If(description?.Length > 300, "description", "Validation.TooLong")
            .If(input.Quantity is not > 0, "quantity", "Line.QuantityPositive").If(input.Quantity > MaxQuantity, "quantity", "Line.QuantityTooLarge")
            .If(price == null && product != null, "unitPrice", "Line.NoPrice").If(price == null && input.ProductId == null, "unitPrice", "Validation.Required")
            .If(price < 0, "unitPrice", "Product.PriceNegative").If(price > ProductService.MaxPrice, "unitPrice", "Deal.AmountTooLarge")
            .If(discount is < 0 or > 100, "discountPercent", "Line.DiscountRange");
        if (errors.Count > 0) return false;

        var discountChanged = line.Id == 0 || Math.Round(discount, 2, MidpointRounding.AwayFromZero) != line.DiscountPercent;
        line.ProductId = product?.Id;
        line.Description = description!;
        // Rounded as stored, so that the amount adds up what the lines will read back.
        line.Quantity = Math.Round(input.Quantity!.Value, 3, MidpointRounding.AwayFromZero);
        line.UnitPrice = Math.Round(price!.Value, 2, MidpointRounding.AwayFromZero);
        line.DiscountPercent = Math.Round(discount, 2, MidpointRounding.AwayFromZero);
        if (discount <= await policy.LimitForCurrentUserAsync(ct)) SetApproval(line, DiscountApproval.NotNeeded);
        // A refused or granted discount stays decided while the discount itself stays the same.
        else if (discountChanged || line.Approval == DiscountApproval.NotNeeded) SetApproval(line, DiscountApproval.Pending);
        return true;
    }

    static void SetApproval(DealLine line, DiscountApproval approval)
    {
        if (line.Approval == approval) return;
        line.Approval = approval;
        line.ApprovalById = null;
        line.ApprovalAtUtc = null;
    }
}
