namespace Crm.Host.Notifications;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS when the server offers STARTTLS, plain otherwise.</summary>
    Auto,
    /// <summary>No TLS (a relay on the same machine or network).</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS, required (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>The mail server email goes out through: section "Crm:Smtp". Without a host, no email is sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    /// <summary>Sign-in name; empty for a server that needs none.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender address, e.g. "crm@example.com".</summary>
    public string? From { get; set; }
    /// <summary>The sender's name people see.</summary>
    public string FromName { get; set; } = "CRM";
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
