using Crm.Sdk.Jobs;
using Crm.Sdk.Notifications;
using Microsoft.Extensions.Configuration;

namespace Crm.TestModules.Reminders;

/// <summary>Notifies the user named in the module's settings: proves jobs run, and only while the module is enabled.</summary>
public sealed class RemindEveryone(INotifier notifier, IConfiguration configuration) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration["Modules:reminders:UserId"] is { } userId)
            await notifier.NotifyAsync(userId, "Reminder", "From a recurring job", null, cancellationToken);
    }
}
