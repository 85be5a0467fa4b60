namespace Crm.Sdk.Notifications;

/// <summary>Sends in-app notifications that show in the user's bell.</summary>
public interface INotifier
{
    /// <summary>Notifies one user; <paramref name="link"/> is a local URL to open.</summary>
    Task NotifyAsync(string userId, string title, string? body, string? link, CancellationToken cancellationToken);
}
