using System.Collections.Concurrent;
using System.Reflection;
using Crm.Sdk.Modules;

namespace Crm.Host.Modules;

/// <summary>Every module discovered at start, in dependency order, and which assembly belongs to which module.</summary>
public sealed class ModuleCatalog(IReadOnlyList<ModuleEntry> entries)
{
    readonly ConcurrentDictionary<Assembly, ModuleEntry?> _byAssembly = new();

    public IReadOnlyList<ModuleEntry> All { get; } = entries;

    public ModuleEntry? Find(string id) => All.FirstOrDefault(e => e.Manifest != null && e.Id == id);

    public IEnumerable<ModuleEntry> Enabled => All.Where(e => e.IsEnabled);

    /// <summary>The module that owns a type, or null for the host's and the sdk's own types.</summary>
    public ModuleEntry? OwnerOf(Type type) =>
        _byAssembly.GetOrAdd(type.Assembly, assembly => All.FirstOrDefault(e => e.Assembly == assembly));

    /// <summary>Whether code of this type may run now: host types always, module types while their module is enabled.</summary>
    public bool IsActive(Type type) => OwnerOf(type) is not { } owner || owner.IsEnabled;

    /// <summary>
    /// Whether code of this type may keep data in order (hand over, merge): host types always, module types once their
    /// module was installed, even while disabled, since a disabled module's data is kept.
    /// </summary>
    public bool HasData(Type type) => OwnerOf(type) is not { } owner || owner.InstalledVersion != null;

    /// <summary>Enabled modules that declare a dependency on <paramref name="id"/>.</summary>
    public IEnumerable<ModuleEntry> EnabledDependentsOf(string id) =>
        Enabled.Where(e => e.Manifest!.Dependencies.ContainsKey(id));

    /// <summary>The modules <paramref name="entry"/> needs that are not enabled, deepest first (discovery already failed modules whose dependencies are missing).</summary>
    public List<ModuleEntry> MissingDependenciesOf(ModuleEntry entry)
    {
        var result = new List<ModuleEntry>();
        void Visit(ModuleEntry e)
        {
            foreach (var id in e.Manifest!.Dependencies.Keys)
            {
                var dependency = Find(id);
                if (dependency == null || dependency.IsEnabled || result.Contains(dependency)) continue;
                Visit(dependency);
                result.Add(dependency);
            }
        }
        Visit(entry);
        return result;
    }

    /// <summary>Loaded modules, each after the modules it depends on.</summary>
    public List<ModuleEntry> InDependencyOrder()
    {
        var ordered = new List<ModuleEntry>();
        void Visit(ModuleEntry e)
        {
            if (ordered.Contains(e)) return;
            foreach (var id in e.Manifest!.Dependencies.Keys)
                if (Find(id) is { Registered: true } dependency) Visit(dependency);
            ordered.Add(e);
        }
        foreach (var entry in All.Where(e => e.Registered)) Visit(entry);
        return ordered;
    }

    public IEnumerable<(ModuleEntry Module, T Item)> Contributed<T>(Func<ModuleContributions, IEnumerable<T>> select, bool enabledOnly = true) =>
        All.Where(e => e.Registered && (!enabledOnly || e.IsEnabled)).SelectMany(e => select(e.Contributions).Select(i => (e, i)));
}
