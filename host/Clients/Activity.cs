namespace Crm.Host.Clients;

/// <summary>How we were in touch with a client.</summary>
public enum ActivityKind { Call = 0, Meeting = 1, Email = 2, Note = 3 }

/// <summary>
/// A call, meeting, email or note with a client: planned (with <see cref="PlannedAtUtc"/>, not yet done) or done
/// (<see cref="DoneAtUtc"/>), by an employee, with a company and/or a contact, and how it went.
/// </summary>
public sealed class Activity
{
    public int Id { get; set; }
    public ActivityKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string? Body { get; set; }
    public string? Outcome { get; set; }
    public int? CompanyId { get; set; }
    public int? ContactId { get; set; }
    /// <summary>The employee who had (or will have) the conversation.</summary>
    public string OwnerId { get; set; } = "";
    public DateTime? PlannedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Set when the activity is in the recycle bin; its files stay on disk until then.</summary>
    public DateTime? DeletedAtUtc { get; set; }
}
