using Microsoft.Extensions.Options;

namespace Crm.Host.Events;

/// <summary>
/// Delivers what the request that raised it could not: events left by a crash between the commit and the handlers, and
/// events due for a retry. Runs on nodes that run background work; forgets delivered events after a week.
/// </summary>
public sealed class OutboxDispatcher(OutboxDelivery delivery, IOptions<CrmOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);
    static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(3);
    static readonly TimeSpan KeepDelivered = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobsInBackground) return;
        try { await Task.Delay(StartDelay, stoppingToken); }
        catch (OperationCanceledException) { return; }
        var lastCleanup = DateTime.MinValue;
        using var timer = new PeriodicTimer(Tick);
        do
        {
            try
            {
                while (await delivery.DeliverDueAsync(100, stoppingToken) == 100) { }
                if (DateTime.UtcNow - lastCleanup > TimeSpan.FromHours(1))
                {
                    await delivery.ForgetDeliveredAsync(DateTime.UtcNow - KeepDelivered, stoppingToken);
                    lastCleanup = DateTime.UtcNow;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogError(e, "Delivering stored events failed; trying again shortly"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
