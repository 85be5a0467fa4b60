namespace Crm.Sales.Discounts;

/// <summary>The largest discount a role may give without a head of sales approving it.</summary>
public sealed class DiscountLimit
{
    public int Id { get; set; }
    public string Role { get; set; } = "";
    public decimal MaxPercent { get; set; }
}
