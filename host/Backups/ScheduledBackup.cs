using Crm.Sdk.Jobs;

namespace Crm.Host.Backups;

/// <summary>
/// Takes a backup when the newest archive is older than the plan's interval, then keeps the newest archives the plan
/// says. Checked every quarter hour; the job lease makes it run on one node at a time.
/// </summary>
public sealed class ScheduledBackup(BackupSchedule schedule, BackupCatalog catalog, BackupWriter writer,
    Microsoft.Extensions.Options.IOptions<CrmOptions> options, ILogger<ScheduledBackup> logger) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Backups.Scheduled) return;
        var plan = await schedule.GetAsync(cancellationToken);
        if (plan.EveryHours == 0) return;
        var newest = catalog.List().FirstOrDefault();
        if (newest != null && newest.CreatedAtUtc > DateTime.UtcNow.AddHours(-plan.EveryHours)) return;
        await writer.CreateAsync(null, cancellationToken);
        var removed = catalog.Prune(plan.Keep);
        if (removed > 0) logger.LogInformation("Removed {Count} backups beyond the {Keep} kept", removed, plan.Keep);
    }
}
