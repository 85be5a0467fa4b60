using Crm.Host.Data;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>
/// Counts of employees' done activities for modules' reports (<see cref="IActivityStatistics"/>): whole UTC months of the
/// period from core_activity_months (<see cref="ActivityMonth"/>), the partial months at its edges from the activities.
/// Activities in the recycle bin are not counted: deleted work is not logged work.
/// </summary>
public sealed class ActivityStatistics(CoreDbContext db) : IActivityStatistics
{
    public async Task<IReadOnlyDictionary<string, int>> DoneByUserAsync(IReadOnlyCollection<string> userIds, DateTime fromUtc, DateTime toUtc,
        CancellationToken ct)
    {
        var ids = userIds.ToList();
        var done = new Dictionary<string, int>();
        var wholeFrom = MonthStartOnOrAfter(fromUtc);
        var wholeTo = MonthStartOnOrBefore(toUtc);
        if (wholeFrom < wholeTo)
        {
            var (first, end) = (ActivityMonth.KeyOf(wholeFrom), ActivityMonth.KeyOf(wholeTo));
            Add(done, await db.ActivityMonths.AsNoTracking()
                // The ids inline, as below.
                .Where(m => EF.Constant(ids).Contains(m.OwnerId) && m.Month >= first && m.Month < end)
                .GroupBy(m => m.OwnerId).Select(g => new { g.Key, Count = g.Sum(m => m.Done) })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct));
            Add(done, await CountAsync(ids, fromUtc, wholeFrom, ct));
            Add(done, await CountAsync(ids, wholeTo, toUtc, ct));
        }
        else Add(done, await CountAsync(ids, fromUtc, toUtc, ct));
        return done.Where(d => d.Value != 0).ToDictionary();
    }

    Task<Dictionary<string, int>> CountAsync(List<string> ids, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        fromUtc >= toUtc
            ? Task.FromResult(new Dictionary<string, int>())
            : db.Activities.AsNoTracking()
                // The ids inline (a few dozen employees): as a parameter list SQLite cannot tell how few they are and walks another index.
                .Where(a => EF.Constant(ids).Contains(a.OwnerId) && a.DoneAtUtc >= fromUtc && a.DoneAtUtc < toUtc)
                // The recycle bin left out in the count, not in the filter: there SQLite would take "DeletedAtUtc IS NULL" for an
                // equality and walk every live activity (0.5 s at 1M) instead of the period; (OwnerId, DoneAtUtc, DeletedAtUtc) covers this.
                .GroupBy(a => a.OwnerId).Select(g => new { g.Key, Count = g.Count(a => a.DeletedAtUtc == null) })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    static void Add(Dictionary<string, int> done, Dictionary<string, int> more)
    {
        foreach (var (owner, count) in more) done[owner] = done.GetValueOrDefault(owner) + count;
    }

    static DateTime MonthStartOnOrBefore(DateTime utc) => new(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    static DateTime MonthStartOnOrAfter(DateTime utc)
    {
        var start = MonthStartOnOrBefore(utc);
        if (start == utc) return start;
        return start.Year == DateTime.MaxValue.Year && start.Month == 12 ? DateTime.MaxValue : start.AddMonths(1);
    }
}
