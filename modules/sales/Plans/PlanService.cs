using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sales.Reports;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Plans;

/// <summary>
/// Monthly sales plans per manager and per team, commission rules, and what they come to: fact, % done and reward. A
/// head of sales plans the managers and the team within their scope for <see cref="Permissions.ManagePlans"/>.
/// </summary>
public sealed class PlanService(SalesDbContext db, ICurrentUser user, IUserDirectory users, SalesSettings settings)
{
    static readonly string[] SalesRoles = [CrmRoles.SalesManager, CrmRoles.HeadOfSales];

    /// <summary>The managers a plan can be set for: active people in sales roles within the user's scope.</summary>
    public async Task<List<UserSummary>> ManagersAsync(CancellationToken ct) =>
        (await users.UsersAsync(ct)).Where(u => u.IsActive && u.Roles.Any(SalesRoles.Contains) && user.CanReach(Permissions.ManagePlans, u.Id)).ToList();

    /// <summary>The teams a plan can be set for: all, or the user's own team when their scope is the team.</summary>
    public async Task<List<TeamSummary>> TeamsAsync(CancellationToken ct)
    {
        var teams = await users.TeamsAsync(ct);
        if (user.ScopeFor(Permissions.ManagePlans) == RecordScope.All) return teams.ToList();
        var mine = (await users.FindAsync([user.Id!], ct)).GetValueOrDefault(user.Id!)?.TeamId;
        return user.ScopeFor(Permissions.ManagePlans) == RecordScope.Team ? teams.Where(t => t.Id == mine).ToList() : [];
    }

    public async Task<List<PlanView>> ListAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.Month >= fromMonth && p.Month <= toMonth).OrderBy(p => p.Month).ThenBy(p => p.Id).ToListAsync(ct);
        var teams = (await TeamsAsync(ct)).Select(t => t.Id).ToHashSet();
        return plans.Where(p => p.OwnerId != null ? user.CanReach(Permissions.ManagePlans, p.OwnerId) : teams.Contains(p.TeamId!.Value))
            .Select(p => new PlanView(p.Id, p.Month, p.OwnerId, p.TeamId, p.Amount, p.Currency)).ToList();
    }

    /// <summary>Sets (or with no amount removes) the plan of a manager or team for a month.</summary>
    public async Task<SaveResult> SaveAsync(PlanInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var owner = FieldErrors.Clean(input.OwnerId);
        errors.If(input.Month == null, "month", "Validation.Required")
            .If(input.Month is { } m && !IsPlanYear(m.Year), "month", "Plan.YearOutOfRange")
            .If((owner == null) == (input.TeamId == null), "ownerId", "Plan.OwnerOrTeam")
            .If(input.Amount is < 0, "amount", "Deal.AmountNegative").If(input.Amount > 1_000_000_000_000m, "amount", "Deal.AmountTooLarge");
        if (owner != null && !(await ManagersAsync(ct)).Any(u => u.Id == owner)) errors.Add("ownerId", "Plan.OwnerUnknown");
        if (input.TeamId is { } team && !(await TeamsAsync(ct)).Any(t => t.Id == team)) errors.Add("teamId", "Plan.TeamUnknown");
        var currency = FieldErrors.Clean(input.Currency)?.ToUpperInvariant() ?? await settings.DefaultCurrencyAsync(ct);
        if (!(await settings.CurrenciesAsync(ct)).Contains(currency)) errors.Add("currency", "Deal.CurrencyUnknown");
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var month = new DateOnly(input.Month!.Value.Year, input.Month.Value.Month, 1);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Month == month && p.OwnerId == owner && p.TeamId == input.TeamId, ct);
        if (input.Amount == null)
        {
            if (plan == null) return SaveResult.Saved(0);
            db.Plans.Remove(plan);
        }
        else
        {
            plan ??= db.Plans.Add(new SalesPlan { Month = month, OwnerId = owner, TeamId = input.TeamId }).Entity;
            plan.Amount = input.Amount.Value;
            plan.Currency = currency;
        }
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(plan.Id);
    }

    /// <summary>Whether plans can be kept for the year: within the years reports can cover.</summary>
    public static bool IsPlanYear(int year) => year >= ReportPeriod.Earliest.Year && year <= ReportPeriod.Latest.Year;

    /// <summary>Each plan of the months against its fact and % done.</summary>
    public async Task<List<PlanProgress>> ProgressAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var plans = await ListAsync(fromMonth, toMonth, ct);
        var people = await users.UsersAsync(ct);
        var teams = (await users.TeamsAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
        var period = new ReportPeriod(fromMonth, toMonth.AddMonths(1).AddDays(-1));
        var owners = plans.Where(p => p.OwnerId != null).Select(p => p.OwnerId!)
            .Concat(people.Where(u => plans.Any(p => p.TeamId != null && p.TeamId == u.TeamId)).Select(u => u.Id)).Distinct().ToList();
        var won = await WonByMonthAsync(owners, period, ct);
        return plans.Select(p =>
        {
            var members = p.OwnerId != null ? [p.OwnerId] : people.Where(u => u.TeamId == p.TeamId).Select(u => u.Id).ToList();
            var fact = members.Sum(m => won.GetValueOrDefault((m, p.Currency, p.Month)));
            var name = p.OwnerId != null ? people.FirstOrDefault(u => u.Id == p.OwnerId)?.Name ?? p.OwnerId : teams.GetValueOrDefault(p.TeamId!.Value, "");
            return new PlanProgress(p.Id, p.Month, p.OwnerId, p.TeamId, name, p.Currency, p.Amount, fact,
                p.Amount > 0 ? Math.Round(100m * fact / p.Amount, 1, MidpointRounding.AwayFromZero) : null);
        }).ToList();
    }

    /// <summary>Won deals' amounts per owner, currency and month of closing, summed in the database.</summary>
    public async Task<Dictionary<(string Owner, string Currency, DateOnly Month), decimal>> WonByMonthAsync(IReadOnlyCollection<string> owners,
        ReportPeriod period, CancellationToken ct)
    {
        var list = owners.ToList();
        var (from, to) = (period.FromUtc, period.ToUtc);
        var rows = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Won && d.DeletedAtUtc == null && d.ClosedAtUtc >= from && d.ClosedAtUtc < to && list.Contains(d.OwnerId))
            .GroupBy(d => new { d.OwnerId, d.Currency, d.ClosedAtUtc!.Value.Year, d.ClosedAtUtc!.Value.Month })
            .Select(g => new { g.Key.OwnerId, g.Key.Currency, g.Key.Year, g.Key.Month, Amount = g.Sum(d => d.Amount) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.OwnerId, r.Currency, new DateOnly(r.Year, r.Month, 1)), r => r.Amount);
    }

    /// <summary>Managers' plans summed over the months of a period, in one currency.</summary>
    public async Task<Dictionary<string, decimal>> PlannedAsync(IReadOnlyCollection<string> owners, ReportPeriod period, string currency,
        CancellationToken ct)
    {
        var list = owners.ToList();
        var (from, to) = (period.FirstMonth, period.LastMonth);
        return (await db.Plans.AsNoTracking()
                .Where(p => p.OwnerId != null && list.Contains(p.OwnerId) && p.Currency == currency && p.Month >= from && p.Month <= to)
                .Select(p => new { p.OwnerId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.OwnerId!).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
    }

    public async Task<List<CommissionRuleView>> RulesAsync(CancellationToken ct) =>
        await db.CommissionRules.AsNoTracking().OrderBy(r => r.Role).ThenBy(r => r.OwnerId)
            .Select(r => new CommissionRuleView(r.Id, r.OwnerId, r.Role, r.Percent, r.BonusPercent)).ToListAsync(ct);

    /// <summary>Sets the rule of a manager or of a role (one each; a second save changes it).</summary>
    public async Task<SaveResult> SaveRuleAsync(CommissionRuleInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var owner = FieldErrors.Clean(input.OwnerId);
        var role = FieldErrors.Clean(input.Role);
        errors.If((owner == null) == (role == null), "ownerId", "Commission.OwnerOrRole")
            .If(input.Percent is null or < 0 or > 100, "percent", "Commission.PercentRange")
            .If(input.BonusPercent is < 0 or > 100, "bonusPercent", "Commission.PercentRange");
        if (owner != null && !(await ManagersAsync(ct)).Any(u => u.Id == owner)) errors.Add("ownerId", "Plan.OwnerUnknown");
        if (role != null && !SalesRoles.Contains(role) && !(await users.UsersAsync(ct)).Any(u => u.Roles.Contains(role))) errors.Add("role", "Commission.RoleUnknown");
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var rule = await db.CommissionRules.FirstOrDefaultAsync(r => owner != null ? r.OwnerId == owner : r.Role == role, ct)
                   ?? db.CommissionRules.Add(new CommissionRule { OwnerId = owner, Role = role }).Entity;
        rule.Percent = input.Percent!.Value;
        rule.BonusPercent = input.BonusPercent ?? 0;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(rule.Id);
    }

    public async Task<bool> DeleteRuleAsync(int id, CancellationToken ct)
    {
        var rule = await db.CommissionRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule == null || (rule.OwnerId != null && !user.CanReach(Permissions.ManagePlans, rule.OwnerId))) return false;
        db.CommissionRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The reward on <paramref name="fact"/>: the manager's own rule, else the best of their roles' rules; the bonus
    /// percent is added on the whole fact when a plan was set and met.
    /// </summary>
    public static Reward RewardFor(UserSummary? manager, string ownerId, decimal fact, decimal plan, IReadOnlyList<CommissionRuleView> rules)
    {
        var rule = rules.FirstOrDefault(r => r.OwnerId == ownerId)
                   ?? rules.Where(r => r.Role != null && manager?.Roles.Contains(r.Role) == true).MaxBy(r => r.Percent);
        if (rule == null) return new Reward(0, 0, plan > 0 && fact >= plan, 0);
        var met = plan > 0 && fact >= plan;
        var percent = rule.Percent + (met ? rule.BonusPercent : 0);
        return new Reward(rule.Percent, rule.BonusPercent, met, Math.Round(fact * percent / 100m, 2, MidpointRounding.AwayFromZero));
    }
}
