using Crm.Host.Data;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Counts of employees' done activities for modules' reports (<see cref="IActivityStatistics"/>).</summary>
public sealed class ActivityStatistics(CoreDbContext db) : IActivityStatistics
{
    public async Task<IReadOnlyDictionary<string, int>> DoneByUserAsync(IReadOnlyCollection<string> userIds, DateTime fromUtc, DateTime toUtc,
        CancellationToken ct)
    {
        var ids = userIds.ToList();
        return await db.Activities.AsNoTracking()
            // The ids inline (a few dozen employees): as a parameter list SQLite cannot tell how few they are and walks another index.
            .Where(a => EF.Constant(ids).Contains(a.OwnerId) && a.DoneAtUtc >= fromUtc && a.DoneAtUtc < toUtc)
            .GroupBy(a => a.OwnerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
