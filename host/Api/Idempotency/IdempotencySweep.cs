using Crm.Host.Data;
using Crm.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Api.Idempotency;

/// <summary>Forgets Idempotency-Keys after a day: a client retries within minutes, not days.</summary>
public sealed class IdempotencySweep(CoreDbContext db) : IRecurringJob
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var before = DateTime.UtcNow - KeptFor;
        return db.IdempotentRequests.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }
}
