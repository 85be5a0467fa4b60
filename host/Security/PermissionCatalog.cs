using Crm.Host.Modules;
using Crm.Sdk.Security;

namespace Crm.Host.Security;

/// <summary>Every permission known to the server, and which module declares it; a disabled module's permissions grant nothing.</summary>
public sealed class PermissionCatalog(ModuleCatalog modules)
{
    /// <summary>The host's permissions and those of every loaded module, with the module (null for the host).</summary>
    public IEnumerable<(PermissionDefinition Permission, ModuleEntry? Module)> All =>
        CorePermissions.All.Select(p => (p, (ModuleEntry?)null))
            .Concat(modules.Contributed(c => c.Permissions, enabledOnly: false).Select(x => (x.Item, (ModuleEntry?)x.Module)));

    /// <summary>False when the permission belongs to a module that is not enabled (module permissions start with the module id).</summary>
    public bool IsActive(string permission)
    {
        var prefix = permission.Split('.')[0];
        return modules.Find(prefix) is not { Registered: true } owner || owner.IsEnabled;
    }
}
