using Crm.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Host.Clients;

/// <summary>
/// Keeps core_activity_months (<see cref="ActivityMonth"/>) exact in the same transaction as the change to activities: an
/// activity counts in its owner's month of <see cref="Activity.DoneAtUtc"/> while it is done and not in the recycle bin.
/// Saves through the tracker are counted by <see cref="CoreDbContext"/> itself (<see cref="Changes"/>); the bulk deletes that
/// go around the tracker go through <see cref="DeleteAsync"/>. Counts are keyed by (owner, month).
/// </summary>
public static class ActivityMonths
{
    public const string Table = "core_activity_months";

    /// <summary>The SQL spelling of <see cref="ActivityMonth.KeyOf"/>: year * 100 + month of a UTC date and time column.</summary>
    public static string KeySql(DatabaseProvider provider, string column) => provider == DatabaseProvider.Sqlite
        // EF Core keeps SQLite dates as text "yyyy-MM-dd HH:mm:ss.fffffff", which strftime reads.
        ? $"CAST(strftime('%Y%m', {column}) AS INTEGER)"
        : $"EXTRACT(YEAR_MONTH FROM {column})";

    /// <summary>Counts every done activity out of the recycle bin into the empty table: every rebuild (M0035 wrote the same count out for its first fill).</summary>
    public static string CountAllSql(DatabaseProvider provider) =>
        $"INSERT INTO {Table} (OwnerId, Month, Done) SELECT OwnerId, {KeySql(provider, "DoneAtUtc")}, COUNT(*) FROM core_activities " +
        $"WHERE DoneAtUtc IS NOT NULL AND DeletedAtUtc IS NULL GROUP BY OwnerId, {KeySql(provider, "DoneAtUtc")}";

    public static DatabaseProvider ProviderOf(DbContext db) => db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.MySql;

    /// <summary>
    /// How saving the tracked activities would change the counts: an added activity counts after, a deleted one counted
    /// before, a modified one counted as its original values and counts as its current ones.
    /// </summary>
    public static Dictionary<(string OwnerId, int Month), int> Changes(ChangeTracker tracker)
    {
        var changes = new Dictionary<(string OwnerId, int Month), int>();
        foreach (var entry in tracker.Entries<Activity>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.State != EntityState.Added)
                Count(changes, entry.Property(a => a.OwnerId).OriginalValue, entry.Property(a => a.DoneAtUtc).OriginalValue,
                    entry.Property(a => a.DeletedAtUtc).OriginalValue, -1);
            if (entry.State != EntityState.Deleted)
                Count(changes, entry.Entity.OwnerId, entry.Entity.DoneAtUtc, entry.Entity.DeletedAtUtc, +1);
        }
        return changes;
    }

    /// <summary>
    /// Deletes these activities around the tracker (ExecuteDelete) and takes what they counted out of the months, in the
    /// caller's transaction; returns how many were deleted.
    /// </summary>
    public static async Task<int> DeleteAsync(DbContext db, IQueryable<Activity> activities, CancellationToken ct)
    {
        var counted = await CountAsync(activities, ct);
        var deleted = await activities.ExecuteDeleteAsync(ct);
        if (deleted > 0) await ApplyAsync(db, counted.ToDictionary(c => c.Key, c => -c.Value), ct);
        return deleted;
    }

    /// <summary>What these activities count for now.</summary>
    static async Task<Dictionary<(string OwnerId, int Month), int>> CountAsync(IQueryable<Activity> activities, CancellationToken ct)
    {
        var counts = new Dictionary<(string OwnerId, int Month), int>();
        // The recycle bin is left out here, not in SQL: SQLite takes "DeletedAtUtc IS NULL" for an equality and would walk
        // its index over every live activity instead of the caller's client or id.
        var done = await activities.Where(a => a.DoneAtUtc != null).Select(a => new { a.OwnerId, a.DoneAtUtc, a.DeletedAtUtc }).ToListAsync(ct);
        foreach (var a in done) Count(counts, a.OwnerId, a.DoneAtUtc, a.DeletedAtUtc, +1);
        return counts;
    }

    /// <summary>
    /// Adds the changes to the table, each as one atomic upsert, in the caller's transaction; a month that falls to zero goes,
    /// so the table holds what a rebuild would.
    /// </summary>
    public static async Task ApplyAsync(DbContext db, IReadOnlyDictionary<(string OwnerId, int Month), int> changes, CancellationToken ct)
    {
        var upsert = ProviderOf(db) == DatabaseProvider.Sqlite
            ? $"INSERT INTO {Table} (OwnerId, Month, Done) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT (OwnerId, Month) DO UPDATE SET Done = Done + excluded.Done"
            : $"INSERT INTO {Table} (OwnerId, Month, Done) VALUES ({{0}}, {{1}}, {{2}}) ON DUPLICATE KEY UPDATE Done = Done + VALUES(Done)";
        // In key order, so that two transactions changing the same rows on MariaDB take their locks in the same order.
        foreach (var ((owner, month), change) in changes.Where(c => c.Value != 0).OrderBy(c => c.Key.OwnerId, StringComparer.Ordinal).ThenBy(c => c.Key.Month))
        {
            await db.Database.ExecuteSqlRawAsync(upsert, [owner, month, change], ct);
            if (change < 0)
                await db.Database.ExecuteSqlRawAsync($"DELETE FROM {Table} WHERE OwnerId = {{0}} AND Month = {{1}} AND Done = 0", [owner, month], ct);
        }
    }

    static void Count(Dictionary<(string OwnerId, int Month), int> counts, string ownerId, DateTime? doneAtUtc, DateTime? deletedAtUtc, int sign)
    {
        if (doneAtUtc is not { } done || deletedAtUtc != null) return;
        var key = (ownerId, ActivityMonth.KeyOf(done));
        counts[key] = counts.GetValueOrDefault(key) + sign;
    }
}
