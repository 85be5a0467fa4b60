using Crm.Host.Modules;
using Crm.Host.Security;

namespace Crm.Host.Hosting;

/// <summary>A menu entry as the shell shows it.</summary>
public sealed record NavigationItem(string Text, string Url);

/// <summary>The main menu: enabled modules' items the user may open, then the host's admin items.</summary>
public sealed class Navigation(ModuleCatalog catalog, CurrentUser user, ModuleText text)
{
    public IReadOnlyList<NavigationItem> Items()
    {
        return catalog.Contributed(c => c.MenuItems)
            .Where(x => user.HasPermission(x.Item.Permission))
            .OrderBy(x => x.Item.Order)
            .Select(x => new NavigationItem(text[x.Module, x.Item.TextKey], x.Item.Url))
            .ToList();
    }
}
