namespace Crm.Sdk.Clients;

/// <summary>A module's record a task is about: which module, which record, its title and the page that shows it.</summary>
public sealed record RecordLink(string ModuleId, string RecordId, string Title, string Url);

/// <summary>A task a module asks the client base to set for an employee.</summary>
public sealed record ModuleTask(string Title, string AssigneeId, DateTime DueAtUtc, ClientRef? Client, RecordLink Record, string? Notes = null);

/// <summary>
/// Sets tasks in the client base for employees (they appear on "my day", with reminders), linked to a module's record,
/// so that automation such as "a deal is stalled" reaches a person.
/// </summary>
public interface IClientTasks
{
    /// <summary>Creates the task; returns its id.</summary>
    Task<int> CreateAsync(ModuleTask task, CancellationToken cancellationToken);

    /// <summary>Whether an open (not done) task linked to the record exists, so that a job does not set the same task twice.</summary>
    Task<bool> HasOpenTaskAsync(string moduleId, string recordId, CancellationToken cancellationToken);
}
