using Crm.Host.Modules;
using Crm.Host.Security;

namespace Crm.Host.Hosting;

/// <summary>A home page block as the page renders it.</summary>
public sealed record DashboardBlock(string Title, Type ViewComponent);

/// <summary>Modules' blocks on the home page and on client cards: those of enabled modules that the user holds the permission for.</summary>
public sealed class Dashboard(ModuleCatalog catalog, CurrentUser user, ModuleText text)
{
    public IReadOnlyList<DashboardBlock> Blocks() =>
        catalog.Contributed(c => c.DashboardWidgets)
            .Where(x => user.HasPermission(x.Item.Permission))
            .OrderBy(x => x.Item.Order)
            .Select(x => new DashboardBlock(text[x.Module, x.Item.TitleKey], x.Item.ViewComponent))
            .ToList();

    /// <summary>The card panels of enabled modules that the user holds the permission for.</summary>
    public IReadOnlyList<DashboardBlock> CardPanels() =>
        catalog.Contributed(c => c.CardPanels)
            .Where(x => user.HasPermission(x.Item.Permission))
            .OrderBy(x => x.Item.Order)
            .Select(x => new DashboardBlock(text[x.Module, x.Item.TitleKey], x.Item.ViewComponent))
            .ToList();
}
