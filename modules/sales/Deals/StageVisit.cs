namespace Crm.Sales.Deals;

/// <summary>A deal's stay in one stage: when it came in and when it left, for the funnel and time-in-stage figures.</summary>
[Crm.Sdk.Auditing.NotAudited] // history of its own; the deal's stage change is audited on the deal
public sealed class StageVisit
{
    public long Id { get; set; }
    public int DealId { get; set; }
    public int PipelineId { get; set; }
    public int StageId { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public DateTime? LeftAtUtc { get; set; }
    /// <summary>Who moved the deal into the stage.</summary>
    public string ByUserId { get; set; } = "";
}
