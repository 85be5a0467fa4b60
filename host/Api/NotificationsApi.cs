using Crm.Host.Notifications;
using Crm.Host.Security;

namespace Crm.Host.Api;

public sealed record NotificationResponse(long Id, string Title, string? Body, string? Link, DateTime CreatedAtUtc, bool Read);

public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder notifications)
    {
        notifications.MapGet("/", async (CurrentUser user, NotificationInbox inbox, CancellationToken ct) =>
            TypedResults.Ok((await inbox.LatestAsync(user.Id!, ct))
                .Select(n => new NotificationResponse(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null)).ToList()));
        notifications.MapPost("/{id:long}/read", async (long id, CurrentUser user, NotificationInbox inbox, CancellationToken ct) =>
            await inbox.MarkReadAsync(user.Id!, id, ct) == 0 ? Results.NotFound() : Results.NoContent());
    }
}
