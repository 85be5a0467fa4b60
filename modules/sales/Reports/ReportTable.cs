namespace Crm.Sales.Reports;

/// <summary>A report as rows: what its page shows as a table and its CSV/XLSX export writes, in the user's language.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
