namespace Crm.Host;

/// <summary>The host's settings, section "Crm" of appsettings.json or CRM__* environment variables.</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    /// <summary>
    /// Where the SQLite file, uploaded files, keys, logs and backups live. Relative paths are under the content root. Empty:
    /// outside the program's folder (<see cref="Hosting.DataLocation"/>), so an upgrade that replaces the folder keeps the data.
    /// </summary>
    public string DataDirectory { get; set; } = "";
    /// <summary>Where modules are discovered, one folder each. Relative paths are beside the host's binaries.</summary>
    public string ModulesDirectory { get; set; } = "modules";
    /// <summary>Enable every newly discovered module at start (handy for development and tests).</summary>
    public bool EnableNewModules { get; set; }
    /// <summary>The time zone the company works in (IANA or Windows id): "today", deadlines and times on pages use it. Default: the server's.</summary>
    public string? TimeZone { get; set; }
    /// <summary>Run recurring jobs on this node; turn off on nodes that should only serve requests.</summary>
    public bool RunJobsInBackground { get; set; } = true;
    /// <summary>Send each response's server time in a Server-Timing header (the benchmark turns it on). Off by default.</summary>
    public bool ServerTiming { get; set; }
    /// <summary>
    /// The absolute http(s) address people open the CRM at, e.g. "https://crm.example.com/", used for links in email
    /// (task reminders). Empty: email carries no links. Checked at start.
    /// </summary>
    public string? PublicUrl { get; set; }
    public DatabaseOptions Database { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    public Clients.AttachmentOptions Attachments { get; set; } = new();
    public Backups.BackupOptions Backups { get; set; } = new();
    /// <summary>The mail server for email reminders and modules' mail; nothing is emailed while its host is empty.</summary>
    public Notifications.SmtpOptions Smtp { get; set; } = new();
}

public enum DatabaseProvider { Sqlite, MySql }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Empty for SQLite means <c>crm.db</c> in the data directory.</summary>
    public string ConnectionString { get; set; } = "";
    /// <summary>Apply pending migrations of the host and enabled modules at start.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public sealed class SecurityOptions
{
    public int LoginAttemptsPerMinute { get; set; } = 10;
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>
    /// Addresses of the reverse proxies in front of the server (e.g. "127.0.0.1, 10.0.0.5"). Their X-Forwarded-For and
    /// X-Forwarded-Proto are believed, so the login rate limit and the logs see the client's address and https is known;
    /// from any other address these headers are ignored. Empty: no proxy.
    /// </summary>
    public string KnownProxies { get; set; } = "";
}
