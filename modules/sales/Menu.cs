using Crm.Sdk.Modules;

namespace Crm.Sales;

/// <summary>The sales module's entries in the main navigation.</summary>
public static class Menu
{
    public static readonly MenuItem Board = new("Menu.Board", "/Sales/Board", Permissions.ViewDeals, Order: 20);
    public static readonly MenuItem Deals = new("Menu.Deals", "/Sales/Deals", Permissions.ViewDeals, Order: 21);
    public static readonly MenuItem Products = new("Menu.Products", "/Sales/Products", Permissions.ViewProducts, Order: 22);
    public static readonly MenuItem Reports = new("Menu.Reports", "/Sales/Reports", Permissions.ViewReports, Order: 23);
    public static readonly MenuItem Plans = new("Menu.Plans", "/Sales/Plans", Permissions.ManagePlans, Order: 24);
    public static readonly MenuItem Approvals = new("Menu.Approvals", "/Sales/Approvals", Permissions.ApproveDiscounts, Order: 25);
    public static readonly MenuItem Pipelines = new("Menu.Pipelines", "/Sales/Pipelines", Permissions.ManagePipelines, Order: 90);
    public static readonly MenuItem Discounts = new("Menu.Discounts", "/Sales/Discounts", Permissions.ManageDiscounts, Order: 91);
}
