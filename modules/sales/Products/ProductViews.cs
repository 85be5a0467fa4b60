namespace Crm.Sales.Products;

/// <summary>A product's list price in one currency, as entered and as shown.</summary>
public sealed record PriceInput(string? Currency, decimal? Price);

/// <summary>What a person enters for a product; <see cref="Version"/> is the version they edited.</summary>
/// <summary>A product as given; JSON may hold a null among the prices, which validation names.</summary>
public sealed record ProductInput(string? Sku, string? Name, string? Unit = null, int? GroupId = null, bool IsArchived = false,
    IReadOnlyList<PriceInput?>? Prices = null, int? Version = null);

/// <summary>A product as the catalogue and the deal lines show it.</summary>
public sealed record ProductView(int Id, string Sku, string Name, string Unit, int? GroupId, string? GroupName, bool IsArchived, int Version,
    IReadOnlyList<PriceInput> Prices);

/// <summary>One page of the catalogue and where the next starts (null on the last).</summary>
public sealed record ProductPage(IReadOnlyList<ProductView> Rows, string? Next);

/// <summary>Which products a catalogue page shows: by name, from the product after <see cref="After"/>.</summary>
public sealed record ProductFilter(string? Search = null, int? GroupId = null, bool IncludeArchived = false, int? After = null, int Limit = 50);

/// <summary>A group of the catalogue with how many products it holds.</summary>
public sealed record ProductGroupView(int Id, string Name, int Products);

/// <summary>A new or renamed group.</summary>
public sealed record ProductGroupInput(string? Name);
