namespace Crm.Sales.Documents;

/// <summary>The last number given to a kind of document in a year; incremented in the issuing transaction.</summary>
[Crm.Sdk.Auditing.NotAudited] // a counter, not business data
public sealed class DocumentCounter
{
    public DocumentKind Kind { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
