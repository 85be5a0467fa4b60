namespace Crm.Sales.Deals;

/// <summary>What a person enters for a deal on its form or over the API; <see cref="Version"/> is the version they edited.</summary>
public sealed record DealInput(string? Title, int? PipelineId = null, int? StageId = null, int? CompanyId = null, int? ContactId = null,
    string? OwnerId = null, decimal? Amount = null, string? Currency = null, DateOnly? ExpectedCloseOn = null, string? Source = null,
    int? Version = null);

/// <summary>A move of a deal to another stage of its pipeline; losing needs a reason.</summary>
public sealed record MoveInput(int StageId, int? LossReasonId = null, string? LossNote = null, int? Version = null);

/// <summary>Which deals a list shows, how sorted, and where the page starts (the cursor of the previous page's last row).</summary>
public sealed record DealFilter(int? PipelineId = null, int? StageId = null, DealStatus? Status = null, string? OwnerId = null,
    int? CompanyId = null, int? ContactId = null, string? Search = null, DealSort Sort = DealSort.Updated, string? After = null, int Limit = 50);

/// <summary>How a deal list is sorted; each is backed by an index and pages by keyset.</summary>
public enum DealSort { Updated = 0, Amount = 1, Created = 2 }
