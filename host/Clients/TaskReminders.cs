using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Sdk.Jobs;
using Crm.Sdk.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Every minute: a notification for each open task whose reminder time has come, once.</summary>
public sealed class TaskReminders(CoreDbContext db, INotifier notifier, CompanyClock clock) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await db.Tasks.Where(t => t.DoneAtUtc == null && t.RemindedAtUtc == null && t.RemindAtUtc <= now)
            .OrderBy(t => t.RemindAtUtc).Take(500).ToListAsync(cancellationToken);
        foreach (var task in due)
        {
            await notifier.NotifyAsync(task.AssigneeId, task.Title, $"{clock.ToLocal(task.DueAtUtc):g}",
                task.CompanyId is { } company ? $"/Companies/{company}" : "/MyDay", cancellationToken);
            task.RemindedAtUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
