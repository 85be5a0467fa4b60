using Crm.Host.Data;
using Crm.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Counts core_activity_months (<see cref="ActivityMonth"/>) again from the activities, after a bulk load or to check it.</summary>
public sealed class ActivityMonthsSummary(CoreDbContext db) : IReportSummary
{
    public string Name => ActivityMonths.Table;

    public async Task RebuildAsync(CancellationToken ct)
    {
        // One pass over every activity: minutes at a few million rows, more than a request's default timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {ActivityMonths.Table}", ct);
        await db.Database.ExecuteSqlRawAsync(ActivityMonths.CountAllSql(ActivityMonths.ProviderOf(db)), ct);
        await transaction.CommitAsync(ct);
    }
}
