using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Sdk.Notifications;

namespace Crm.Host.Notifications;

public sealed class Notifier(CoreDbContext db) : INotifier
{
    public async Task NotifyAsync(string userId, string title, string? body, string? link, CancellationToken cancellationToken)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId, Title = title, Body = body, Link = link, CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
