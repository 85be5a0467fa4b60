namespace Crm.Sdk.Notifications;

/// <summary>One plain-text email to one person.</summary>
public sealed record EmailMessage(string To, string Subject, string Body, string? ToName = null);

/// <summary>
/// Sends email through the installation's SMTP server (section "Crm:Smtp"). Modules use it for mail that must reach
/// people outside the browser; in-app notifications (<see cref="INotifier"/>) stay the primary channel.
/// </summary>
public interface IEmailSender
{
    /// <summary>Whether an administrator configured an SMTP server; without one nothing is sent.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Sends the message; true once the server accepted it. False when no server is configured or sending failed: the
    /// host logs the failure, so a caller never has to guard against exceptions from the mail server.
    /// </summary>
    Task<bool> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
