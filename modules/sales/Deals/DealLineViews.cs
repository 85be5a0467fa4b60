namespace Crm.Sales.Deals;

/// <summary>
/// A line as entered: a product from the catalogue (its name and its price in the deal's currency fill what is left
/// empty) or free text; <see cref="Version"/> is the deal version the person edited.
/// </summary>
public sealed record DealLineInput(int? ProductId = null, string? Description = null, decimal? Quantity = null, decimal? UnitPrice = null,
    decimal? DiscountPercent = null, int? Version = null);

/// <summary>A line as the deal card and the API show it.</summary>
public sealed record DealLineView(int Id, int? ProductId, string? Sku, string Description, string? Unit, decimal Quantity, decimal UnitPrice,
    decimal DiscountPercent, decimal Total, DiscountApproval Approval, string? ApprovalByName, DateTime? ApprovalAtUtc);

/// <summary>A deal's lines with the figures they add up to; <see cref="Version"/> is what the next change must name.</summary>
public sealed record DealLines(int DealId, string Currency, decimal Amount, int Version, IReadOnlyList<DealLineView> Lines)
{
    /// <summary>Whether a document can be issued: no line waits for or was refused a discount approval.</summary>
    public bool Approved => Lines.All(l => l.Approval is DiscountApproval.NotNeeded or DiscountApproval.Approved);
}
