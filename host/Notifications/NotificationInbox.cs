using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Notifications;

/// <summary>A user's notifications: the latest hundred, and marking them read.</summary>
public sealed class NotificationInbox(CoreDbContext db)
{
    public Task<List<Notification>> LatestAsync(string userId, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync(cancellationToken);

    /// <summary>Marks one notification (or, with no id, all) read; returns how many changed.</summary>
    public Task<int> MarkReadAsync(string userId, long? id, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow), cancellationToken);
}
