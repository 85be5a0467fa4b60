using Crm.Sdk.Security;

namespace Crm.Sales;

/// <summary>What the sales module lets roles do. Deal permissions carry the role's record scope (own / team / all).</summary>
public static class Permissions
{
    public const string ViewDeals = "sales.deals.view";
    public const string EditDeals = "sales.deals.edit";
    public const string ManagePipelines = "sales.pipelines.manage";
    public const string ViewProducts = "sales.products.view";
    public const string ManageProducts = "sales.products.manage";
    public const string ManageDiscounts = "sales.discounts.manage";
    public const string ApproveDiscounts = "sales.discounts.approve";
    public const string ManagePlans = "sales.plans.manage";
    public const string ViewReports = "sales.reports.view";

    public static readonly PermissionDefinition[] All =
    [
        new(ViewDeals, "Permission.ViewDeals", CrmRoles.SalesManager, CrmRoles.HeadOfSales, CrmRoles.Accountant),
        new(EditDeals, "Permission.EditDeals", CrmRoles.SalesManager, CrmRoles.HeadOfSales),
        new(ManagePipelines, "Permission.ManagePipelines"),
        new(ViewProducts, "Permission.ViewProducts", CrmRoles.SalesManager, CrmRoles.HeadOfSales, CrmRoles.Accountant, CrmRoles.Marketer),
        new(ManageProducts, "Permission.ManageProducts"),
        new(ManageDiscounts, "Permission.ManageDiscounts"),
        new(ApproveDiscounts, "Permission.ApproveDiscounts", CrmRoles.HeadOfSales),
        new(ManagePlans, "Permission.ManagePlans", CrmRoles.HeadOfSales),
        new(ViewReports, "Permission.ViewReports", CrmRoles.HeadOfSales),
    ];
}
