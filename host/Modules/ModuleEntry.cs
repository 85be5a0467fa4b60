using System.Reflection;
using Crm.Sdk.Modules;

namespace Crm.Host.Modules;

public enum ModuleStatus { Discovered, Enabled, Disabled, Failed }

/// <summary>One discovered module folder: what its manifest says, its loaded code, and its state.</summary>
public sealed class ModuleEntry(string directory)
{
    public string Directory { get; } = directory;
    public ModuleManifest? Manifest { get; set; }
    public string Id => Manifest?.Id ?? Path.GetFileName(Directory);
    public CrmModule? Module { get; set; }
    public Assembly? Assembly { get; set; }
    public ModuleContributions Contributions { get; set; } = new();
    public ModuleStatus Status { get; set; } = ModuleStatus.Discovered;
    /// <summary>Why the module failed, for the administrator.</summary>
    public string? Error { get; set; }
    public string? InstalledVersion { get; set; }

    public bool IsEnabled => Status == ModuleStatus.Enabled;
    /// <summary>The module's code is loaded (it may still have failed afterwards).</summary>
    public bool IsLoaded => Module != null && Assembly != null;
    /// <summary>
    /// Its services were registered, so it can be enabled; a module that failed later, in a migration, may be retried.
    /// A module that failed before (manifest, dependencies, startup) cannot.
    /// </summary>
    public bool Registered { get; set; }

    public void Fail(string reason)
    {
        Status = ModuleStatus.Failed;
        Error = reason;
    }
}
