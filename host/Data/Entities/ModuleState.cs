namespace Crm.Host.Data.Entities;

/// <summary>What the administrator decided about a module, kept across restarts.</summary>
public sealed class ModuleState
{
    public string Id { get; set; } = "";
    public bool Enabled { get; set; }
    /// <summary>The version whose migrations were last applied; null before the first enable.</summary>
    public string? InstalledVersion { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
