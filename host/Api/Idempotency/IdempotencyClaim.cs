namespace Crm.Host.Api.Idempotency;

/// <summary>
/// What a request sent with an Idempotency-Key carries (as a request feature) until its change commits:
/// <see cref="IdempotencyCommits"/> writes the key in the first transaction that commits.
/// </summary>
public sealed class IdempotencyClaim(string id, string request)
{
    public string Id { get; } = id;
    public string Request { get; } = request;
    /// <summary>The key's row went into a transaction that is committing now.</summary>
    public bool Pending { get; set; }
    /// <summary>The key's row committed with the change: the answer is stored with it once the response is ready.</summary>
    public bool Written { get; set; }
    /// <summary>Another request with the same key committed first: this one's change rolled back.</summary>
    public bool Conflict { get; set; }
}
