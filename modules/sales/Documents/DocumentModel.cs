namespace Crm.Sales.Documents;

/// <summary>
/// What a document template sees, as plain data (the renderer gives it snake_case names: <c>client.name</c>,
/// <c>lines[0].total</c>). Figures come formatted in the issuer's language; <see cref="Labels"/> carries the words, so
/// one template serves every language.
/// </summary>
public sealed record DocumentModel(string Kind, string Title, string Number, int Version, string Date, PartyModel Seller, PartyModel Client,
    DealModel Deal, IReadOnlyList<LineModel> Lines, string Total, string Currency, IReadOnlyDictionary<string, string> Labels);

/// <summary>The seller (from the module's settings) or the client (from the client base).</summary>
public sealed record PartyModel(string Name, string Details);

/// <summary>The deal a document is issued for.</summary>
public sealed record DealModel(int Id, string Title, string Owner, string? ExpectedClose);

/// <summary>One line of a document, numbered from 1.</summary>
public sealed record LineModel(int No, string Description, string? Sku, string? Unit, string Quantity, string Price, string Discount, string Total);
