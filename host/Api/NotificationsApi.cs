using Crm.Host.Data;
using Crm.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Api;

public sealed record NotificationResponse(long Id, string Title, string? Body, string? Link, DateTime CreatedAtUtc, bool Read);

public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder notifications)
    {
        notifications.MapGet("/", async (CurrentUser user, CoreDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id)
                .OrderByDescending(n => n.Id).Take(100)
                .Select(n => new NotificationResponse(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
                .ToListAsync(ct)));
        notifications.MapPost("/{id:long}/read", async (long id, CurrentUser user, CoreDbContext db, CancellationToken ct) =>
        {
            var updated = await db.Notifications.Where(n => n.Id == id && n.UserId == user.Id && n.ReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow), ct);
            return updated == 0 ? Results.NotFound() : Results.NoContent();
        });
    }
}
