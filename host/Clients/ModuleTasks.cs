using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Tasks that modules set for employees (<see cref="IClientTasks"/>), linked to the module's record.</summary>
public sealed class ModuleTasks(CoreDbContext db, CompanyClock clock) : IClientTasks
{
    public async Task<int> CreateAsync(ModuleTask task, CancellationToken ct)
    {
        var created = new ClientTask
        {
            Title = Trim(task.Title, 300), Notes = task.Notes, AssigneeId = task.AssigneeId, CreatedById = task.AssigneeId,
            DueAtUtc = task.DueAtUtc.ToUniversalTime(), Priority = TaskPriority.Normal,
            CompanyId = task.Client is { Kind: ClientKind.Company } company ? company.Id : null,
            ContactId = task.Client is { Kind: ClientKind.Contact } contact ? contact.Id : null,
            RemindAtUtc = task.DueAtUtc.ToUniversalTime(), CreatedAtUtc = clock.UtcNow,
            LinkModuleId = task.Record.ModuleId, LinkRecordId = task.Record.RecordId, LinkTitle = Trim(task.Record.Title, 300), LinkUrl = task.Record.Url,
        };
        db.Tasks.Add(created);
        await db.SaveChangesAsync(ct);
        return created.Id;
    }

    public Task<bool> HasOpenTaskAsync(string moduleId, string recordId, CancellationToken ct) =>
        db.Tasks.AnyAsync(t => t.LinkModuleId == moduleId && t.LinkRecordId == recordId && t.DoneAtUtc == null, ct);

    static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
