using Crm.Sdk.Security;

namespace Crm.Host.Security;

/// <summary>The permissions the host itself checks. Administrators hold every permission without a grant.</summary>
public static class CorePermissions
{
    public const string ManageModules = "core.modules.manage";
    public const string ManageUsers = "core.users.manage";
    public const string ManageTemplates = "core.templates.manage";
    public const string ManageBackups = "core.backups.manage";
    public const string ViewAudit = "core.audit.view";
    public const string ViewClients = "core.clients.view";
    public const string EditClients = "core.clients.edit";
    public const string PurgeClients = "core.clients.purge";
    public const string ManageCustomFields = "core.fields.manage";
    public const string ManageTags = "core.tags.manage";
    public const string ShareViews = Crm.Sdk.Lists.ISavedViews.SharePermission;

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(ManageModules, "Permission.ManageModules"),
        new(ManageUsers, "Permission.ManageUsers"),
        new(ManageTemplates, "Permission.ManageTemplates"),
        // A backup holds every record and the keys that sign sessions: administrators only unless granted on purpose.
        new(ManageBackups, "Permission.ManageBackups"),
        // The history of every record, whatever its scope: administrators only unless granted on purpose.
        new(ViewAudit, "Permission.ViewAudit"),
        new(ViewClients, "Permission.ViewClients",
            CrmRoles.HeadOfSales, CrmRoles.SalesManager, CrmRoles.Marketer, CrmRoles.Accountant, CrmRoles.SupportAgent),
        new(EditClients, "Permission.EditClients", CrmRoles.HeadOfSales, CrmRoles.SalesManager),
        // Deleting a company or contact for good takes its history, tasks, files and modules' records with it and cannot
        // be undone: administrators only unless granted on purpose.
        new(PurgeClients, "Permission.PurgeClients"),
        // Adding a field changes every company's or contact's form: administrators only unless granted on purpose.
        new(ManageCustomFields, "Permission.ManageCustomFields"),
        // Renaming or removing a tag changes it on every record: administrators only unless granted on purpose.
        new(ManageTags, "Permission.ManageTags"),
        // A shared view shows in everybody's dropdown: heads of sales and administrators.
        new(ShareViews, "Permission.ShareViews", CrmRoles.HeadOfSales),
    ];
}
