using Crm.Sales.Data;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Products;

/// <summary>
/// The catalogue: products with their groups and prices per currency. Products are archived, never deleted, so deal lines
/// keep pointing at them. An SKU is unique; a price is in one of the currencies set for sales and never negative.
/// </summary>
public sealed class ProductService(SalesDbContext db, SalesSettings settings, TimeProvider time)
{
    public const int MaxPageSize = 200;
    public const decimal MaxPrice = 1_000_000_000_000m;

    public async Task<ProductPage> ListAsync(ProductFilter filter, CancellationToken ct)
    {
        var limit = Math.Clamp(filter.Limit, 1, MaxPageSize);
        var query = db.Products.AsNoTracking();
        if (!filter.IncludeArchived) query = query.Where(p => !p.IsArchived);
        if (filter.GroupId is { } group) query = query.Where(p => p.GroupId == group);
        if (FieldErrors.Clean(filter.Search) is { } search) query = query.Where(p => p.Name.StartsWith(search) || p.Sku.StartsWith(search));
        if (filter.After is { } afterId && await db.Products.AsNoTracking().Where(p => p.Id == afterId).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } afterName)
            query = query.Where(p => string.Compare(p.Name, afterName) > 0 || (p.Name == afterName && p.Id > afterId));
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ProductPage(await ViewsAsync(rows.Take(limit).ToList(), ct), next);
    }

    public async Task<ProductView?> FindAsync(int id, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } product ? (await ViewsAsync([product], ct))[0] : null;

    /// <summary>The active products that have a price in <paramref name="currency"/>, for a deal's line picker.</summary>
    public async Task<List<(ProductView Product, decimal Price)>> PricedInAsync(string currency, CancellationToken ct)
    {
        var products = await (from p in db.Products.AsNoTracking() join price in db.ProductPrices on p.Id equals price.ProductId
                              where !p.IsArchived && price.Currency == currency orderby p.Name select p).ToListAsync(ct);
        return (await ViewsAsync(products, ct)).Select(v => (v, v.Prices.First(p => p.Currency == currency).Price!.Value)).ToList();
    }

    public async Task<SaveResult> CreateAsync(ProductInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var product = new Product { CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        Apply(product, input);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Products.Add(product);
        if (!await TrySaveAsync(ct)) return SaveResult.Invalid(new FieldErrors().Add("sku", "Product.SkuTaken"));
        SetPrices(product.Id, [], input.Prices);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(product.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, ProductInput input, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product == null) return SaveResult.Missing();
        // Without the version read, a save would overwrite someone else's change unseen.
        if (input.Version is not { } version) return SaveResult.Invalid(new FieldErrors().Add("version", "Validation.VersionRequired"));
        if (version != product.Version) return SaveResult.Changed();
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        Apply(product, input);
        product.Version++;
        SetPrices(id, await db.ProductPrices.Where(p => p.ProductId == id).ToListAsync(ct), input.Prices);
        try
        {
            if (!await TrySaveAsync(ct)) return SaveResult.Invalid(new FieldErrors().Add("sku", "Product.SkuTaken"));
        }
        catch (DbUpdateConcurrencyException) { return SaveResult.Changed(); }
        return SaveResult.Saved(id);
    }

    public async Task<bool> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product == null) return false;
        product.IsArchived = archived;
        product.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<ProductGroupView>> GroupsAsync(CancellationToken ct) =>
        db.ProductGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new ProductGroupView(g.Id, g.Name, db.Products.Count(p => p.GroupId == g.Id && !p.IsArchived))).ToListAsync(ct);

    public async Task<SaveResult> SaveGroupAsync(int? id, ProductGroupInput input, CancellationToken ct)
    {
        var name = FieldErrors.Clean(input.Name);
        var errors = new FieldErrors().If(name == null, "name", "Validation.Required").If(name?.Length > 200, "name", "Validation.TooLong");
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var group = id == null ? new ProductGroup() : await db.ProductGroups.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group == null) return SaveResult.Missing();
        if (id == null) db.ProductGroups.Add(group);
        group.Name = name!;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(group.Id);
    }

    async Task<FieldErrors> ValidateAsync(ProductInput input, int? id, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var sku = FieldErrors.Clean(input.Sku);
        var name = FieldErrors.Clean(input.Name);
        errors.If(sku == null, "sku", "Validation.Required").If(sku?.Length > 64, "sku", "Validation.TooLong")
            .If(name == null, "name", "Validation.Required").If(name?.Length > 300, "name", "Validation.TooLong")
            .If(input.Unit?.Trim().Length > 20, "unit", "Validation.TooLong");
        if (sku != null && await db.Products.AnyAsync(p => p.Sku == sku && p.Id != id, ct)) errors.Add("sku", "Product.SkuTaken");
        if (input.GroupId is { } group && !await db.ProductGroups.AnyAsync(g => g.Id == group, ct)) errors.Add("groupId", "Validation.Unknown");
        var currencies = await settings.CurrenciesAsync(ct);
        var prices = input.Prices ?? [];
        for (var i = 0; i < prices.Count; i++)
        {
            if (prices[i] == null) { errors.Add($"prices[{i}]", "Validation.Required"); continue; }
            var currency = FieldErrors.Clean(prices[i]!.Currency)?.ToUpperInvariant();
            errors.If(currency == null || !currencies.Contains(currency), $"prices[{i}].currency", "Deal.CurrencyUnknown")
                .If(prices[i]!.Price == null, $"prices[{i}].price", "Validation.Required")
                .If(prices[i]!.Price < 0, $"prices[{i}].price", "Product.PriceNegative")
                .If(prices[i]!.Price > MaxPrice, $"prices[{i}].price", "Deal.AmountTooLarge")
                .If(currency != null && prices.Take(i).Any(p => string.Equals(FieldErrors.Clean(p?.Currency), currency, StringComparison.OrdinalIgnoreCase)),
                    $"prices[{i}].currency", "Product.PriceTwice");
        }
        return errors;
    }

    /// <summary>Saves, telling a duplicate SKU (another save won the race past the check) from other failures.</summary>
    async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    static void Apply(Product product, ProductInput input)
    {
        product.Sku = input.Sku!.Trim();
        product.Name = input.Name!.Trim();
        product.Unit = input.Unit?.Trim() ?? "";
        product.GroupId = input.GroupId;
        product.IsArchived = input.IsArchived;
    }

    /// <summary>Makes the product's prices exactly the given ones: changed in place, added, or removed.</summary>
    void SetPrices(int productId, List<ProductPrice> existing, IReadOnlyList<PriceInput?>? given)
    {
        var wanted = (given ?? []).ToDictionary(p => p!.Currency!.Trim().ToUpperInvariant(), p => p!.Price!.Value);
        foreach (var price in existing)
            if (wanted.Remove(price.Currency, out var value)) price.Price = value;
            else db.ProductPrices.Remove(price);
        db.ProductPrices.AddRange(wanted.Select(w => new ProductPrice { ProductId = productId, Currency = w.Key, Price = w.Value }));
    }

    async Task<List<ProductView>> ViewsAsync(List<Product> products, CancellationToken ct)
    {
        if (products.Count == 0) return [];
        var ids = products.Select(p => p.Id).ToList();
        var groupIds = products.Where(p => p.GroupId != null).Select(p => p.GroupId!.Value).Distinct().ToList();
        var prices = (await db.ProductPrices.AsNoTracking().Where(p => ids.Contains(p.ProductId)).ToListAsync(ct)).ToLookup(p => p.ProductId);
        var groups = await db.ProductGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        return products.Select(p => new ProductView(p.Id, p.Sku, p.Name, p.Unit, p.GroupId, p.GroupId is { } g ? groups.GetValueOrDefault(g) : null,
            p.IsArchived, p.Version, prices[p.Id].OrderBy(x => x.Currency).Select(x => new PriceInput(x.Currency, x.Price)).ToList())).ToList();
    }
}
