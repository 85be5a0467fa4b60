using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Modules;
using Crm.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Host.Jobs;

/// <summary>
/// Runs enabled modules' recurring jobs. A lease row per job in the database decides which node runs it, so a job
/// runs once across nodes; a job that throws is logged and tried again at its next interval.
/// </summary>
public sealed class JobScheduler(
    IEnumerable<RecurringJobRegistration> registrations,
    ModuleCatalog catalog,
    IServiceScopeFactory scopes,
    IOptions<CrmOptions> options,
    ILogger<JobScheduler> logger) : BackgroundService
{
    static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(10);
    static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);
    readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobsInBackground) return;
        // Leave the first seconds to start-up and the first requests; on 2 cores the jobs would compete with them.
        try { await Task.Delay(StartDelay, stoppingToken); }
        catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(Tick);
        do
        {
            foreach (var registration in registrations)
            {
                try { await RunIfDueAsync(registration.JobType, stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { logger.LogError(e, "Scheduling {Job} failed", registration.JobType.FullName); }
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs the job now if its module is enabled, it is due and this node wins its lease.</summary>
    public async Task<bool> RunIfDueAsync(Type jobType, CancellationToken cancellationToken)
    {
        if (!catalog.IsActive(jobType)) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var id = jobType.FullName!;
        var now = DateTime.UtcNow;
        if (!await db.JobLeases.AnyAsync(l => l.JobId == id, cancellationToken))
        {
            db.JobLeases.Add(new JobLease { JobId = id, NextRunAtUtc = now });
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node created it first
        }

        var won = await db.JobLeases
            .Where(l => l.JobId == id && l.NextRunAtUtc <= now && (l.LockedUntilUtc == null || l.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntilUtc, now + LeaseLength).SetProperty(l => l.LockedBy, _node), cancellationToken);
        if (won == 0) return false;

        var job = (IRecurringJob)scope.ServiceProvider.GetRequiredService(jobType);
        string? error = null;
        try { await job.RunAsync(cancellationToken); }
        catch (Exception e)
        {
            error = e.Message;
            if (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) logger.LogError(e, "Job {Job} failed", id);
        }
        finally
        {
            // Released even on shutdown, so the job is not stuck behind its lease on the next start.
            var finished = DateTime.UtcNow;
            await db.JobLeases.Where(l => l.JobId == id).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LockedUntilUtc, (DateTime?)null)
                .SetProperty(l => l.LockedBy, (string?)null)
                .SetProperty(l => l.LastRunAtUtc, finished)
                .SetProperty(l => l.LastError, error)
                .SetProperty(l => l.NextRunAtUtc, finished + job.Interval), CancellationToken.None);
        }
        return true;
    }
}
