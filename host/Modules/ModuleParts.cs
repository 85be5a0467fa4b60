using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;

namespace Crm.Host.Modules;

/// <summary>Adds and removes a module's precompiled pages from MVC, which is how enable and disable work without a restart.</summary>
public sealed class ModuleParts(ApplicationPartManager parts, ModuleActionDescriptorChangeProvider changes)
{
    readonly Lock _gate = new();

    /// <summary>Reads a feature from the parts under the same lock that guards enable and disable.</summary>
    public TFeature Populate<TFeature>() where TFeature : new()
    {
        var feature = new TFeature();
        lock (_gate) parts.PopulateFeature(feature);
        return feature;
    }

    public void Show(ModuleEntry entry)
    {
        lock (_gate)
        {
            if (parts.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == entry.Assembly)) return;
            parts.ApplicationParts.Add(new AssemblyPart(entry.Assembly!));
            parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(entry.Assembly!));
        }
        changes.SignalChange();
    }

    public void Hide(ModuleEntry entry)
    {
        lock (_gate)
        {
            foreach (var part in parts.ApplicationParts.Where(p =>
                         p is AssemblyPart a && a.Assembly == entry.Assembly ||
                         p is CompiledRazorAssemblyPart c && c.Assembly == entry.Assembly).ToList())
                parts.ApplicationParts.Remove(part);
        }
        changes.SignalChange();
    }
}
