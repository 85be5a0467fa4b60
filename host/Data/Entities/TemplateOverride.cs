namespace Crm.Host.Data.Entities;

/// <summary>One version of an administrator's text for a module's template; Content null means "back to the module's default".</summary>
public sealed class TemplateOverride
{
    public int Id { get; set; }
    public string ModuleId { get; set; } = "";
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public string? Content { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
