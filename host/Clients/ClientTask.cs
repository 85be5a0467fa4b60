namespace Crm.Host.Clients;

public enum TaskPriority { Low = 0, Normal = 1, High = 2 }

/// <summary>
/// Something an employee must do by a deadline, usually for a client, so that nobody forgets to call back; a reminder
/// arrives as a notification at <see cref="RemindAtUtc"/>.
/// </summary>
public sealed class ClientTask
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Notes { get; set; }
    public string AssigneeId { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime DueAtUtc { get; set; }
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;
    public int? CompanyId { get; set; }
    public int? ContactId { get; set; }
    public DateTime? RemindAtUtc { get; set; }
    public DateTime? RemindedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The module whose record the task is about (with <see cref="LinkRecordId"/>), set by modules' automation.</summary>
    public string? LinkModuleId { get; set; }
    public string? LinkRecordId { get; set; }
    public string? LinkTitle { get; set; }
    public string? LinkUrl { get; set; }
}
