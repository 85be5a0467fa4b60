using Crm.Sdk.Auditing;

namespace Crm.Host.Data.Entities;

/// <summary>
/// A creating request sent with an Idempotency-Key: written in the transaction of its change (so it exists exactly when the
/// change was saved), then completed with the answer, which a retry with the same key gets again instead of a duplicate.
/// </summary>
[NotAudited]
public sealed class IdempotentRequest
{
    /// <summary>SHA-256 (hex) of the user id and the key the client sent: keys of different users never meet.</summary>
    public string Id { get; set; } = "";
    public string Request { get; set; } = "";
    public int? Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
