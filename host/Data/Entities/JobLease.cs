using Crm.Sdk.Auditing;

namespace Crm.Host.Data.Entities;

/// <summary>When a recurring job runs next and which node holds it, so that a job runs once across nodes.</summary>
[NotAudited]
public sealed class JobLease
{
    public string JobId { get; set; } = "";
    public DateTime NextRunAtUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LastRunAtUtc { get; set; }
    public string? LastError { get; set; }
}
