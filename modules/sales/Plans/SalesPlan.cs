namespace Crm.Sales.Plans;

/// <summary>How much a manager (or a whole team) should sell in a month, in one currency.</summary>
public sealed class SalesPlan
{
    public int Id { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    /// <summary>The manager the plan is for; null for a team plan.</summary>
    public string? OwnerId { get; set; }
    /// <summary>The team the plan is for; null for a manager's plan.</summary>
    public int? TeamId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
}
