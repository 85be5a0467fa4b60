namespace Crm.Host.Data.Entities;

/// <summary>An administrator's value for a module's setting.</summary>
public sealed class SettingValue
{
    public string ModuleId { get; set; } = "";
    public string Key { get; set; } = "";
    public string? Value { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
}
