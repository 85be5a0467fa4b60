namespace Crm.Sdk.Clients;

/// <summary>One record that changed hands when an employee left: what kind, which, and to whom.</summary>
public sealed record HandoverItem(string Kind, string Title, string ToUserId);

/// <summary>
/// Who takes over what when an employee leaves. Records about a client go to whoever now owns that client, so a
/// company's deals follow the company; records about no client go to the default successor.
/// </summary>
public interface IHandoverPlan
{
    /// <summary>The employee who is leaving.</summary>
    string FromUserId { get; }
    /// <summary>Takes over records that are about no client.</summary>
    string DefaultSuccessorId { get; }
    /// <summary>The new owner for a record about <paramref name="client"/> (the client's new owner), or the default successor.</summary>
    string SuccessorFor(ClientRef? client);
}

/// <summary>
/// A module's part in an employee's departure: move every record the leaver owns to its successor and say what moved.
/// Every module with owned records implements it, so nothing stays with someone who can no longer sign in.
/// Register it with <c>AddHandoverParticipant</c>.
/// </summary>
public interface IHandoverParticipant
{
    Task<IReadOnlyList<HandoverItem>> HandOverAsync(IHandoverPlan plan, CancellationToken cancellationToken);
}
