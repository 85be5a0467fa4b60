namespace Crm.Sales.Documents;

/// <summary>Which document was issued for a deal.</summary>
public enum DocumentKind { Quote = 0, Order = 1, Contract = 2 }

/// <summary>
/// A commercial offer, order or contract issued for a deal: numbered per kind, rendered from the module's template
/// (or the administrator's override) and kept as it was issued; issuing it again adds a new version.
/// </summary>
[Crm.Sdk.Auditing.NotAudited] // an issued document never changes; issuing is audited by its own row
public sealed class DealDocument
{
    public int Id { get; set; }
    public int DealId { get; set; }
    public DocumentKind Kind { get; set; }
    public string Number { get; set; } = "";
    public int VersionNo { get; set; }
    public string Html { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
