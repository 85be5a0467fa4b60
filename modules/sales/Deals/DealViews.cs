using Crm.Sales.Pipelines;

namespace Crm.Sales.Deals;

/// <summary>A deal as lists and the board show it.</summary>
public sealed record DealRow(int Id, string Title, int PipelineId, int StageId, string StageName, DealStatus Status, decimal Amount, string Currency,
    string OwnerId, string OwnerName, int? CompanyId, int? ContactId, string? ClientName, DateOnly? ExpectedCloseOn, DateTime UpdatedAtUtc,
    DateTime StageEnteredAtUtc, int Version, bool Stalled);

/// <summary>One page of a deal list and the cursor of the next page (null on the last).</summary>
public sealed record DealPage(IReadOnlyList<DealRow> Rows, string? Next);

/// <summary>A column of the kanban board: the stage, how many deals and how much money it holds, and its newest cards.</summary>
public sealed record BoardColumn(StageView Stage, int Count, decimal Total, IReadOnlyList<DealRow> Cards);

/// <summary>A pipeline's board within the user's scope.</summary>
public sealed record Board(PipelineView Pipeline, IReadOnlyList<BoardColumn> Columns, string Currency);

/// <summary>A stay of a deal in a stage, for the card's history.</summary>
public sealed record StageVisitView(string StageName, DateTime EnteredAtUtc, DateTime? LeftAtUtc, string ByName);

/// <summary>Everything the deal card shows.</summary>
public sealed record DealDetails(DealRow Deal, string PipelineName, string? Source, string? LossReason, string? LossNote, DateTime CreatedAtUtc,
    DateTime? ClosedAtUtc, IReadOnlyList<StageView> Stages, IReadOnlyList<StageVisitView> History);
