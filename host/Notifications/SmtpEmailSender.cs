using Crm.Sdk.Notifications;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.Host.Notifications;

/// <summary>Sends email with MailKit through the configured SMTP server; failures are logged and reported as false.</summary>
public sealed class SmtpEmailSender(IOptions<CrmOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    SmtpOptions Smtp => options.Value.Smtp;

    public bool IsConfigured => Smtp.IsConfigured;

    public async Task<bool> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = Smtp;
        if (!smtp.IsConfigured || smtp is not { Host: { } host, From: { } from }) return false;
        try
        {
            var mail = new MimeMessage();
            mail.From.Add(new MailboxAddress(smtp.FromName, from));
            mail.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
            mail.Subject = message.Subject;
            mail.Body = new TextPart("plain") { Text = message.Body };

            using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
            await client.ConnectAsync(host, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Email to {To} ({Subject}) was not sent through {Host}:{Port}", message.To, message.Subject, smtp.Host, smtp.Port);
            return false;
        }
    }
}
