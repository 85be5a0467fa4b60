namespace Crm.Sales.Plans;

/// <summary>A plan as a head of sales sets it: a month, a manager or a team, an amount in a currency (no amount removes it).</summary>
public sealed record PlanInput(DateOnly? Month, string? OwnerId, int? TeamId, decimal? Amount, string? Currency);

public sealed record PlanView(int Id, DateOnly Month, string? OwnerId, int? TeamId, decimal Amount, string Currency);

/// <summary>A plan against its fact: won deals' amount closed in the month in the plan's currency.</summary>
public sealed record PlanProgress(int Id, DateOnly Month, string? OwnerId, int? TeamId, string Name, string Currency, decimal Plan, decimal Fact,
    decimal? PercentDone);

/// <summary>A commission rule for a manager or for a role; percents of the fact.</summary>
public sealed record CommissionRuleInput(string? OwnerId, string? Role, decimal? Percent, decimal? BonusPercent);

public sealed record CommissionRuleView(int Id, string? OwnerId, string? Role, decimal Percent, decimal BonusPercent);

/// <summary>A manager's reward for a period: the rule that applied (a manager's own over their role's) on the fact, with the bonus if the plan was met.</summary>
public sealed record Reward(decimal Percent, decimal BonusPercent, bool PlanMet, decimal Amount);
