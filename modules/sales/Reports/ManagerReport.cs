using Crm.Sales.Deals;
using Crm.Sales.Plans;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;

namespace Crm.Sales.Reports;

/// <summary>One manager's results for a period. Amounts are in <see cref="ManagerFigures.Currency"/>; counts include every currency.</summary>
/// <param name="WinRatePercent">Won / (won + lost) among deals closed in the period.</param>
/// <param name="AverageCycleDays">Mean days from creating a deal to winning it.</param>
/// <param name="PercentDone">Fact (the won amount) against the plans of the period's months.</param>
public sealed record ManagerRow(string OwnerId, string Name, int Won, decimal WonAmount, int Lost, decimal? WinRatePercent, decimal? AverageWon,
    decimal? AverageCycleDays, int Activities, decimal Plan, decimal? PercentDone, decimal Reward);

public sealed record ManagerFigures(ReportPeriod Period, string Currency, IReadOnlyList<ManagerRow> Managers);

/// <summary>
/// Manager effectiveness: deals won and lost, win rate, average deal, sales cycle, activities logged, plan against fact
/// and reward. Deal figures come from one grouped query over the closed deals' covering index by owner.
/// </summary>
public sealed class ManagerReport(ReportSql sql, PlanService plans, IUserDirectory users, IActivityStatistics activities, ICurrentUser user) : ICurrencyReport<ManagerFigures>
{
    public async Task<ManagerFigures> BuildAsync(ReportPeriod period, string currency, CancellationToken ct)
    {
        var scope = ReportScope.Of(user);
        // Everyone in sales within scope is listed, with or without deals, so an idle manager shows as such.
        var people = await users.UsersAsync(ct);
        // The owners are listed even when the user sees everyone: the database then reads the closed deals owner by owner
        // from their index, already grouped, instead of sorting a year of deals by owner.
        var inScope = people.Select(u => u.Id).Where(scope.Includes).ToList();
        var p = new ReportSql.Parameters();
        var c = p.Add(currency);
        var text = $"""
            SELECT d.OwnerId, d.Status, COUNT(*),
                   SUM(CASE WHEN d.Currency = {c} THEN 1 ELSE 0 END), SUM(CASE WHEN d.Currency = {c} THEN d.Amount ELSE 0 END), SUM(d.CycleSeconds)
            FROM sales_deals d
            WHERE {new ReportScope(inScope).Sql("d.OwnerId", p)} AND d.Status IN ({(int)DealStatus.Won}, {(int)DealStatus.Lost})
              AND d.ClosedAtUtc >= {p.Add(period.FromUtc)} AND d.ClosedAtUtc < {p.Add(period.ToUtc)} AND d.DeletedAtUtc IS NULL
            GROUP BY d.OwnerId, d.Status
            """;
        var closed = await sql.QueryAsync(text, p, r => new
        {
            Owner = r.GetString(0), Status = (DealStatus)r.GetInt32(1), Count = (int)ReportSql.Long(r, 2), InCurrency = (int)ReportSql.Long(r, 3),
            Amount = ReportSql.Money(r, 4), Seconds = ReportSql.Long(r, 5),
        }, ct);

        var owners = people.Where(u => u.IsActive && u.Roles.Any(r => r is CrmRoles.SalesManager or CrmRoles.HeadOfSales) && scope.Includes(u.Id)).Select(u => u.Id)
            .Concat(closed.Select(x => x.Owner)).Distinct().ToList();
        var planned = await plans.PlannedAsync(owners, period, currency, ct);
        var done = await activities.DoneByUserAsync(owners, period.FromUtc, period.ToUtc, ct);
        var rules = await plans.RulesAsync(ct);
        var byId = people.ToDictionary(u => u.Id);

        var rows = owners.Select(owner =>
        {
            var won = closed.FirstOrDefault(x => x.Owner == owner && x.Status == DealStatus.Won);
            var lost = closed.FirstOrDefault(x => x.Owner == owner && x.Status == DealStatus.Lost);
            var (wonCount, lostCount) = (won?.Count ?? 0, lost?.Count ?? 0);
            var fact = won?.Amount ?? 0;
            var plan = planned.GetValueOrDefault(owner);
            var manager = byId.GetValueOrDefault(owner);
            return new ManagerRow(owner, manager?.Name ?? owner, wonCount, fact, lostCount,
                wonCount + lostCount == 0 ? null : Round(100m * wonCount / (wonCount + lostCount)),
                won is { InCurrency: > 0 } ? Math.Round(fact / won.InCurrency, 2, MidpointRounding.AwayFromZero) : null,
                wonCount == 0 ? null : Round(won!.Seconds / 86400m / wonCount),
                done.GetValueOrDefault(owner), plan, plan > 0 ? Round(100m * fact / plan) : null,
                PlanService.RewardFor(manager, owner, fact, plan, rules).Amount);
        }).OrderByDescending(r => r.WonAmount).ThenBy(r => r.Name).ToList();
        return new ManagerFigures(period, currency, rows);
    }

    static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
