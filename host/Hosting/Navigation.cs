using Crm.Host.Modules;
using Crm.Host.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Hosting;

/// <summary>A menu entry as the shell shows it.</summary>
public sealed record NavigationItem(string Text, string Url);

/// <summary>The main menu: enabled modules' items the user may open, then the host's admin items.</summary>
public sealed class Navigation(ModuleCatalog catalog, CurrentUser user, IStringLocalizerFactory localizers)
{
    public IReadOnlyList<NavigationItem> Items()
    {
        return catalog.Contributed(c => c.MenuItems)
            .Where(x => user.HasPermission(x.Item.Permission))
            .OrderBy(x => x.Item.Order)
            .Select(x => new NavigationItem(localizers.Create(x.Module.Module!.GetType())[x.Item.TextKey], x.Item.Url))
            .ToList();
    }
}
