using Crm.Host.Localization;
using Crm.Host.Modules;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Hosting;

/// <summary>A module's UI text in the user's language (the host's own text when no module is given).</summary>
public sealed class ModuleText(IStringLocalizerFactory localizers)
{
    public string this[ModuleEntry? module, string key] => localizers.Create(module?.Module?.GetType() ?? typeof(HostText))[key];
}
