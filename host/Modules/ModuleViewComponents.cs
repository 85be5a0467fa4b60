using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Primitives;

namespace Crm.Host.Modules;

/// <summary>
/// The view components of the current application parts. MVC builds its list once; this one rebuilds it after every
/// enable or disable, so a module enabled at run time can show its dashboard widgets.
/// </summary>
public sealed class ModuleViewComponents(ApplicationPartManager manager, ModuleParts parts, ModuleActionDescriptorChangeProvider changes)
    : IViewComponentDescriptorCollectionProvider
{
    readonly Lock _gate = new();
    readonly Descriptors _descriptors = new(manager, parts);
    int _version;
    (IChangeToken Token, ViewComponentDescriptorCollection Collection)? _current;

    public ViewComponentDescriptorCollection ViewComponents
    {
        get
        {
            lock (_gate)
            {
                if (_current is { } current && !current.Token.HasChanged) return current.Collection;
                var token = changes.GetChangeToken();
                _current = (token, new ViewComponentDescriptorCollection(_descriptors.GetViewComponents(), ++_version));
                return _current.Value.Collection;
            }
        }
    }

    /// <summary>MVC's own descriptor builder, reading the parts under the lock that guards enable and disable.</summary>
    sealed class Descriptors(ApplicationPartManager manager, ModuleParts parts) : DefaultViewComponentDescriptorProvider(manager)
    {
        protected override IEnumerable<TypeInfo> GetCandidateTypes() => parts.Populate<ViewComponentFeature>().ViewComponents;
    }
}
