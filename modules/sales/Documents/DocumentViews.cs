namespace Crm.Sales.Documents;

/// <summary>An issued document as the deal card and the API list it.</summary>
public sealed record DocumentRow(int Id, DocumentKind Kind, string Number, int VersionNo, string CreatedByName, DateTime CreatedAtUtc);

/// <summary>Which document to issue for a deal.</summary>
public sealed record IssueInput(DocumentKind Kind);
