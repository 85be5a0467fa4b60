namespace Crm.Sales.Deals;

/// <summary>Whether a deal is being worked on, or closed as won or lost (follows the kind of its stage).</summary>
public enum DealStatus { Open = 0, Won = 1, Lost = 2 }

/// <summary>
/// A sale being made to a client: which pipeline stage it has reached, who owns it, how much it is worth and when it
/// should close. Its stage history is kept as <see cref="StageVisit"/> rows.
/// </summary>
public sealed class Deal
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The title as a search key (<c>SearchKey.Of</c>), kept with the title for finding deals by its start.</summary>
    public string TitleKey { get; set; } = "";
    public int PipelineId { get; set; }
    public int StageId { get; set; }
    public DealStatus Status { get; set; }
    public int? CompanyId { get; set; }
    public int? ContactId { get; set; }
    public string OwnerId { get; set; } = "";
    /// <summary>The deal's worth: the sum of its lines when it has lines, otherwise entered by hand.</summary>
    public decimal Amount { get; set; }
    /// <summary>ISO 4217 code, e.g. RUB, EUR.</summary>
    public string Currency { get; set; } = "";
    public DateOnly? ExpectedCloseOn { get; set; }
    /// <summary>The lead channel the deal came from (site, referral, exhibition, ...).</summary>
    public string? Source { get; set; }
    public int? LossReasonId { get; set; }
    public string? LossNote { get; set; }
    public DateTime StageEnteredAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>Seconds from creating the deal to closing it, set when it closes: the manager report sums sales cycles from an index.</summary>
    public long? CycleSeconds { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
    /// <summary>Optimistic concurrency: a save based on an older version is refused.</summary>
    public int Version { get; set; }
}
