using Crm.Sdk.Modules;

namespace Crm.TestModules.Notes;

public static class Menu
{
    public static readonly MenuItem Notes = new("Menu.Notes", "/Notes", Permissions.View, Order: 50);
}
