namespace Crm.Sales.Reports;

/// <summary>
/// Stage visits counted ahead of time: the visits entered in one UTC month into one stage by one owner's deals, so that a
/// funnel over a year sums a few thousand of these rows instead of half a million visits. Deals in the recycle bin are
/// left out. Kept by <see cref="VisitMonths"/>.
/// </summary>
[Crm.Sdk.Auditing.NotAudited] // figures of other rows, which are audited themselves
public sealed class VisitMonth
{
    /// <summary>The day that stands for "no earlier entry": every period starts after it.</summary>
    public static readonly DateOnly FirstEntry = new(1, 1, 1);

    public int PipelineId { get; set; }
    /// <summary>The month the visits were entered in, as 202503.</summary>
    public int Month { get; set; }
    public int StageId { get; set; }
    public string OwnerId { get; set; } = "";
    /// <summary>
    /// The UTC day the deal had last entered the stage before these visits, or <see cref="FirstEntry"/>: a period from day D
    /// counts a visit as a deal entering the stage when this is before D (as the visits' own previous entries do).
    /// </summary>
    public DateOnly PreviousEntryOn { get; set; }
    public int Visits { get; set; }
    /// <summary>How many of the visits have left the stage.</summary>
    public int Finished { get; set; }
    /// <summary>The time those spent in the stage, summed.</summary>
    public long Seconds { get; set; }
}
