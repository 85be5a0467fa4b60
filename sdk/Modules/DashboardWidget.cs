namespace Crm.Sdk.Modules;

/// <summary>
/// A block on the home page: <paramref name="ViewComponent"/> is a view component class of the module, rendered for
/// users who hold <paramref name="Permission"/> while the module is enabled. Lower <paramref name="Order"/> shows first.
/// </summary>
public sealed record DashboardWidget(string TitleKey, Type ViewComponent, string Permission, int Order = 100);
