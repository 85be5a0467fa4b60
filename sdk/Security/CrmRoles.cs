namespace Crm.Sdk.Security;

/// <summary>The built-in roles every installation starts with. Administrators may edit or add more.</summary>
public static class CrmRoles
{
    /// <summary>Holds every permission, sees all records.</summary>
    public const string Administrator = "Administrator";
    /// <summary>Leads the sales team, sees the team's records.</summary>
    public const string HeadOfSales = "HeadOfSales";
    /// <summary>Works their own clients.</summary>
    public const string SalesManager = "SalesManager";
    /// <summary>Runs segments, campaigns and mailings.</summary>
    public const string Marketer = "Marketer";
    /// <summary>Invoices, payments and debts.</summary>
    public const string Accountant = "Accountant";
    /// <summary>Tickets and after-sales work.</summary>
    public const string SupportAgent = "SupportAgent";

    /// <summary>All built-in roles with the record scope each starts with.</summary>
    public static readonly IReadOnlyList<(string Name, RecordScope Scope)> BuiltIn =
    [
        (Administrator, RecordScope.All),
        (HeadOfSales, RecordScope.Team),
        (SalesManager, RecordScope.Own),
        (Marketer, RecordScope.All),
        (Accountant, RecordScope.All),
        (SupportAgent, RecordScope.All),
    ];
}
