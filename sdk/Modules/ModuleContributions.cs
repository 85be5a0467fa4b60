using Crm.Sdk.Security;
using Crm.Sdk.Templates;

namespace Crm.Sdk.Modules;

/// <summary>Collects what a module adds to the shell; filled in <see cref="CrmModule.Contribute"/>.</summary>
public sealed class ModuleContributions
{
    /// <summary>Permissions the module checks; administrators grant them to roles.</summary>
    public List<PermissionDefinition> Permissions { get; } = [];
    /// <summary>Entries of the main navigation; each shows only to users holding its permission.</summary>
    public List<MenuItem> MenuItems { get; } = [];
    /// <summary>Document templates shipped in the module, overridable by administrators.</summary>
    public List<DocumentTemplate> Templates { get; } = [];
    /// <summary>Blocks on the home page, each a view component of the module.</summary>
    public List<DashboardWidget> DashboardWidgets { get; } = [];
    /// <summary>Blocks on client cards (the sales module shows a company's deals).</summary>
    public List<Clients.CardPanel> CardPanels { get; } = [];
    /// <summary>Settings an administrator edits on the module's settings page.</summary>
    public List<ModuleSetting> Settings { get; } = [];
    /// <summary>Lists whose filters users can save as views (see <see cref="Lists.ISavedViews"/>).</summary>
    public List<Lists.SavedViewList> SavedViewLists { get; } = [];

    /// <summary>Adds a permission.</summary>
    public ModuleContributions Permission(PermissionDefinition permission) { Permissions.Add(permission); return this; }
    /// <summary>Adds a menu item.</summary>
    public ModuleContributions Menu(MenuItem item) { MenuItems.Add(item); return this; }
    /// <summary>Adds a document template.</summary>
    public ModuleContributions Template(DocumentTemplate template) { Templates.Add(template); return this; }
    /// <summary>Adds a home page widget.</summary>
    public ModuleContributions Widget(DashboardWidget widget) { DashboardWidgets.Add(widget); return this; }
    /// <summary>Adds a panel to client cards.</summary>
    public ModuleContributions Panel(Clients.CardPanel panel) { CardPanels.Add(panel); return this; }
    /// <summary>Adds a setting.</summary>
    public ModuleContributions Setting(ModuleSetting setting) { Settings.Add(setting); return this; }
    /// <summary>Declares a list whose filters users can save as views.</summary>
    public ModuleContributions SavedViewList(Lists.SavedViewList list) { SavedViewLists.Add(list); return this; }
}

/// <summary>
/// A navigation entry. <paramref name="TextKey"/> is looked up in the module's localization;
/// <paramref name="Permission"/> hides the entry from users without it.
/// </summary>
public sealed record MenuItem(string TextKey, string Url, string Permission, int Order = 100);
