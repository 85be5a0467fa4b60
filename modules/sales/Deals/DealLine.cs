namespace Crm.Sales.Deals;

/// <summary>Where a line's discount stands against the seller's limit: within it, or waiting for / given / refused approval.</summary>
public enum DiscountApproval { NotNeeded = 0, Pending = 1, Approved = 2, Rejected = 3 }

/// <summary>One product (or a free-text item) of a deal: quantity, price and discount.</summary>
public sealed class DealLine
{
    public int Id { get; set; }
    public int DealId { get; set; }
    public int? ProductId { get; set; }
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    /// <summary>0–100.</summary>
    public decimal DiscountPercent { get; set; }
    public DiscountApproval Approval { get; set; }
    /// <summary>The head of sales who approved or rejected the discount.</summary>
    public string? ApprovalById { get; set; }
    public DateTime? ApprovalAtUtc { get; set; }
    public int SortOrder { get; set; }

    /// <summary>What the line comes to after the discount, to the kopeck.</summary>
    public decimal Total => Math.Round(Quantity * UnitPrice * (100 - DiscountPercent) / 100, 2, MidpointRounding.AwayFromZero);
}
