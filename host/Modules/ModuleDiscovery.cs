using Crm.Sdk.Modules;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NuGet.Versioning;

namespace Crm.Host.Modules;

/// <summary>
/// Finds module folders, reads their manifests, checks ids, sdk ranges and dependencies, loads their assemblies and
/// lets them register services. Any failure marks that one module failed with the reason; nothing here throws.
/// </summary>
public sealed class ModuleDiscovery(ILogger logger)
{
    /// <summary>The sdk version modules are checked against.</summary>
    public static readonly NuGetVersion SdkVersion = new(typeof(CrmModule).Assembly.GetName().Version!.ToString(3));

    public ModuleCatalog Discover(string modulesDirectory, IServiceCollection services, IConfiguration configuration)
    {
        var entries = new List<ModuleEntry>();
        if (Directory.Exists(modulesDirectory))
            foreach (var directory in Directory.GetDirectories(modulesDirectory).Order(StringComparer.Ordinal))
                entries.Add(ReadManifest(directory));
        else
            logger.LogWarning("Modules directory {Directory} does not exist; no modules loaded", modulesDirectory);

        RejectDuplicates(entries);
        foreach (var entry in entries.Where(e => e.Status != ModuleStatus.Failed)) Load(entry);
        CheckDependencies(entries);
        foreach (var entry in entries.Where(e => e.Status != ModuleStatus.Failed)) Register(entry, services, configuration);
        CheckDependencies(entries); // a dependency may have failed to register

        foreach (var failed in entries.Where(e => e.Status == ModuleStatus.Failed))
            logger.LogError("Module {Module} failed: {Reason}", failed.Id, failed.Error);
        return new ModuleCatalog(entries);
    }

    static ModuleEntry ReadManifest(string directory)
    {
        var entry = new ModuleEntry(directory);
        var file = Path.Combine(directory, "module.json");
        if (!File.Exists(file)) { entry.Fail("module.json is missing"); return entry; }
        try { entry.Manifest = ModuleManifest.Parse(File.ReadAllText(file)); }
        catch (InvalidModuleManifestException e) { entry.Fail(e.Message); return entry; }
        catch (Exception e) { entry.Fail($"module.json cannot be read: {e.Message}"); return entry; }

        var sdkRange = VersionRange.Parse(entry.Manifest.Sdk);
        if (!sdkRange.Satisfies(SdkVersion))
            entry.Fail($"built for sdk {entry.Manifest.Sdk}, this server has sdk {SdkVersion}");
        return entry;
    }

    static void RejectDuplicates(List<ModuleEntry> entries)
    {
        foreach (var group in entries.Where(e => e.Manifest != null).GroupBy(e => e.Id).Where(g => g.Count() > 1))
            foreach (var entry in group)
                entry.Fail($"duplicate module id \"{group.Key}\" in folders {string.Join(", ", group.Select(e => Path.GetFileName(e.Directory)))}");
    }

    void Load(ModuleEntry entry)
    {
        var assemblyFile = Path.Combine(entry.Directory, entry.Manifest!.Assembly);
        if (!File.Exists(assemblyFile)) { entry.Fail($"assembly {entry.Manifest.Assembly} is missing"); return; }
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyFile,
                sharedTypes: [typeof(CrmModule), typeof(DbContext), typeof(IEndpointRouteBuilder), typeof(IServiceCollection)],
                configure: config => config.PreferSharedTypes = true);
            var assembly = loader.LoadDefaultAssembly();
            var moduleTypes = assembly.GetExportedTypes()
                .Where(t => typeof(CrmModule).IsAssignableFrom(t) && !t.IsAbstract).ToList();
            if (moduleTypes.Count != 1)
            {
                entry.Fail($"{entry.Manifest.Assembly} must contain exactly one public CrmModule class, found {moduleTypes.Count}");
                return;
            }
            entry.Assembly = assembly;
            entry.Module = (CrmModule)Activator.CreateInstance(moduleTypes[0])!;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Loading module {Module}", entry.Id);
            entry.Fail($"cannot load {entry.Manifest.Assembly}: {e.GetBaseException().Message}");
        }
    }

    static void CheckDependencies(List<ModuleEntry> entries)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var entry in entries.Where(e => e.Status != ModuleStatus.Failed))
                foreach (var (id, range) in entry.Manifest!.Dependencies)
                {
                    var dependency = entries.FirstOrDefault(e => e.Manifest != null && e.Id == id && e.Status != ModuleStatus.Failed);
                    if (dependency == null)
                        entry.Fail($"depends on module \"{id}\" {range}, which is missing or failed");
                    else if (!VersionRange.Parse(range).Satisfies(NuGetVersion.Parse(dependency.Manifest!.Version)))
                        entry.Fail($"depends on module \"{id}\" {range}, found version {dependency.Manifest.Version}");
                    else continue;
                    changed = true;
                    break;
                }
        } while (changed);
    }

    /// <summary>Platform contracts a module may add to (several registrations are the point), but never replace.</summary>
    static readonly Type[] Contributions = [typeof(Crm.Sdk.Search.ISearchProvider), typeof(Crm.Sdk.Clients.ITimelineSource), typeof(Crm.Sdk.Clients.IHandoverParticipant), typeof(Crm.Sdk.Clients.IClientMergeParticipant), typeof(Crm.Sdk.Clients.IClientPurgeParticipant), typeof(Crm.Sdk.Data.IReportSummary), typeof(Crm.Sdk.Jobs.RecurringJobRegistration), typeof(Crm.Sdk.Events.IDomainEventHandler<>)];

    /// <summary>Framework services the host configures once; a module's registration of them is ignored.</summary>
    static readonly Type[] HostOwned =
    [
        typeof(DbContextOptions), typeof(Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider),
        typeof(Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider), typeof(Microsoft.Extensions.Localization.IStringLocalizerFactory),
        typeof(Microsoft.AspNetCore.Mvc.Razor.Compilation.IViewCompilerProvider), typeof(Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorChangeProvider),
    ];

    void Register(ModuleEntry entry, IServiceCollection services, IConfiguration configuration)
    {
        // Registrations go into a scratch collection first, so a module that throws half-way leaves nothing behind.
        var scratch = new ServiceCollection();
        try
        {
            var context = new ModuleContext(entry.Manifest!, entry.Directory, configuration.GetSection($"Modules:{entry.Id}"));
            entry.Module!.ConfigureServices(scratch, context);
            var contributions = new ModuleContributions();
            entry.Module.Contribute(contributions);
            entry.Contributions = contributions;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Starting module {Module}", entry.Id);
            entry.Fail($"its startup threw {e.GetType().Name}: {e.Message}");
            return;
        }
        if (entry.Contributions.Permissions.FirstOrDefault(p => !p.Name.StartsWith(entry.Id + ".", StringComparison.Ordinal)) is { } foreign)
        {
            entry.Fail($"permission \"{foreign.Name}\" must start with \"{entry.Id}.\"");
            return;
        }
        if (scratch.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) || d.ServiceType == typeof(IStartupFilter)) is { } background)
        {
            entry.Fail($"it registers {background.ImplementationType?.Name ?? background.ServiceType.Name} as a hosted service or startup filter, " +
                       "which would run while it is disabled; use a recurring job instead");
            return;
        }
        foreach (var descriptor in scratch.Where(d => !IsHostOwned(d.ServiceType, services))) services.Add(descriptor);
        entry.Registered = true;
    }

    /// <summary>The host's and sdk's contracts, and the framework services above, stay the host's.</summary>
    static bool IsHostOwned(Type serviceType, IServiceCollection hostServices)
    {
        var definition = serviceType.IsGenericType ? serviceType.GetGenericTypeDefinition() : serviceType;
        if (Contributions.Contains(definition)) return false;
        var platform = serviceType.Assembly == typeof(ModuleDiscovery).Assembly || serviceType.Assembly == typeof(CrmModule).Assembly;
        return (platform || HostOwned.Contains(serviceType)) && hostServices.Any(d => d.ServiceType == serviceType);
    }
}
