using Microsoft.EntityFrameworkCore;

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
    /// <summary>
    /// When the deal last entered this same stage before this visit, or null on its first entry: the funnel counts a deal
    /// once per stage and period from the index alone (a visit counts when this is null or before the period).
    /// </summary>
    public DateTime? PreviousEntryAtUtc { get; set; }
    /// <summary>How long the deal stayed, set when it leaves: times in stage are summed from the index, not from dates.</summary>
    public long? SecondsInStage { get; set; }
    /// <summary>
    /// The deal's owner, kept in step with it (<see cref="DealService"/>, handover), so that reports in a team's or a
    /// manager's scope read their visits from an index by owner.
    /// </summary>
    public string OwnerId { get; set; } = "";
    /// <summary>Who moved the deal into the stage.</summary>
    public string ByUserId { get; set; } = "";

    /// <summary>Gives the visits of the deals in <paramref name="owners"/> (deal id → new owner) to their deals' new owners.</summary>
    public static async Task FollowOwnersAsync(IQueryable<StageVisit> visits, IReadOnlyDictionary<int, string> owners, CancellationToken ct)
    {
        foreach (var group in owners.GroupBy(o => o.Value, o => o.Key))
            foreach (var chunk in group.Chunk(500))
                await visits.Where(v => chunk.Contains(v.DealId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.OwnerId, group.Key), ct);
    }

    /// <summary>Closes the visit at <paramref name="nowUtc"/>.</summary>
    public static void Leave(StageVisit visit, DateTime nowUtc)
    {
        visit.LeftAtUtc = nowUtc;
        visit.SecondsInStage = (long)Math.Round((nowUtc - visit.EnteredAtUtc).TotalSeconds);
    }
}
