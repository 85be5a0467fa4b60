namespace Crm.Host.Backups;

/// <summary>Section "Crm:Backups". How often and how many scheduled backups are kept is set on the backups page.</summary>
public sealed class BackupOptions
{
    /// <summary>Where archives are written; relative paths are under the data directory. Default: "backups" there.</summary>
    public string? Directory { get; set; }
    /// <summary>Whether this node takes the scheduled backups (the test kit turns it off; a node may leave it to another).</summary>
    public bool Scheduled { get; set; } = true;
}
