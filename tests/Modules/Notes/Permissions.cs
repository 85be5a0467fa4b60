using Crm.Sdk.Security;

namespace Crm.TestModules.Notes;

public static class Permissions
{
    public const string View = "notes.view";
    public const string Edit = "notes.edit";

    public static readonly PermissionDefinition[] All =
    [
        new(View, "Permission.View", CrmRoles.SalesManager, CrmRoles.HeadOfSales),
        new(Edit, "Permission.Edit", CrmRoles.SalesManager, CrmRoles.HeadOfSales),
    ];
}
