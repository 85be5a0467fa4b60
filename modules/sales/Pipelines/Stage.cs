namespace Crm.Sales.Pipelines;

/// <summary>Whether a deal in a stage is still being worked on, or closed as won or lost.</summary>
public enum StageKind { Open = 0, Won = 1, Lost = 2 }

/// <summary>
/// One step of a pipeline: its place, the chance that a deal here is won (for the weighted forecast), and how many days
/// a deal should stay here before it counts as stalled.
/// </summary>
public sealed class Stage
{
    public int Id { get; set; }
    public int PipelineId { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>0–100: the share of deals in this stage that end up won.</summary>
    public int Probability { get; set; }
    /// <summary>Days a deal should stay in the stage; null for no norm (closed stages).</summary>
    public int? NormDays { get; set; }
    public StageKind Kind { get; set; }
    public bool IsArchived { get; set; }
}
