using Crm.Sdk.Clients;

namespace Crm.Sdk.Events;

/// <summary>A deal was opened (published by the sales module).</summary>
public sealed record DealCreated(int DealId, string Title, string OwnerId, ClientRef? Client, decimal Amount, string Currency) : IDomainEvent;

/// <summary>A deal moved from one stage to another, open or closed (published by the sales module).</summary>
public sealed record DealStageChanged(int DealId, int FromStageId, int ToStageId, string ToStageName, string ByUserId) : IDomainEvent;

/// <summary>A deal was won: the accounting module invoices it (published by the sales module).</summary>
public sealed record DealWon(int DealId, string Title, string OwnerId, ClientRef? Client, decimal Amount, string Currency, DateTime WonAtUtc) : IDomainEvent;

/// <summary>A deal was lost, and why (published by the sales module).</summary>
public sealed record DealLost(int DealId, string Title, string OwnerId, ClientRef? Client, decimal Amount, string Currency, string Reason) : IDomainEvent;
