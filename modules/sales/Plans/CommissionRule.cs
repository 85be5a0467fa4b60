namespace Crm.Sales.Plans;

/// <summary>
/// How a manager's reward is computed for a period: a percentage of won deals' amount, plus a bonus percentage when the
/// plan is met. A rule for a manager wins over a rule for their role.
/// </summary>
public sealed class CommissionRule
{
    public int Id { get; set; }
    /// <summary>The manager the rule is for, or null with <see cref="Role"/> set.</summary>
    public string? OwnerId { get; set; }
    /// <summary>The role the rule is for, or null with <see cref="OwnerId"/> set.</summary>
    public string? Role { get; set; }
    public decimal Percent { get; set; }
    /// <summary>Added to <see cref="Percent"/> for the whole fact when the plan is met.</summary>
    public decimal BonusPercent { get; set; }
}
