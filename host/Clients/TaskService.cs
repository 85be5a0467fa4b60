using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

public sealed record TaskInput(string? Title, DateTime? DueAtUtc, string? AssigneeId = null, TaskPriority Priority = TaskPriority.Normal,
    string? Notes = null, int? CompanyId = null, int? ContactId = null, DateTime? RemindAtUtc = null);

/// <summary>A task as lists show it.</summary>
public sealed record TaskRow(int Id, string Title, DateTime DueAtUtc, TaskPriority Priority, string AssigneeId, int? CompanyId, string? CompanyName,
    string? LinkTitle = null, string? LinkUrl = null);

/// <summary>A manager's day: what is overdue, what is due today, which meetings are coming.</summary>
public sealed record MyDay(IReadOnlyList<TaskRow> Overdue, IReadOnlyList<TaskRow> Today, IReadOnlyList<Activity> Meetings);

/// <summary>Overdue open tasks of one employee, for the head's view.</summary>
public sealed record OverdueByManager(string AssigneeId, string Name, int Count, DateTime OldestDueAtUtc);

/// <summary>
/// Tasks for oneself or a colleague, usually about a client. A task is seen by its assignee and its author, and through
/// the record scope (own/team/all) of the assignee by heads and leadership.
/// </summary>
public sealed class TaskService(CoreDbContext db, CurrentUser user, CompanyService companies, ContactService contacts, ActivityService activities, CompanyClock clock)
{
    public async Task<ClientSaveResult> CreateAsync(TaskInput input, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("title", input.Title, "Task.TitleRequired").MaxLength("title", input.Title, 300).MaxLength("notes", input.Notes, 4000);
        if (input.DueAtUtc == null) errors.Add("dueAtUtc", "Task.DueRequired");
        if (!Enum.IsDefined(input.Priority)) errors.Add("priority", "Task.PriorityUnknown");
        var assignee = FieldErrors.Clean(input.AssigneeId) ?? user.Id!;
        if (!await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive, ct)) errors.Add("assigneeId", "Client.OwnerUnknown");
        if (input.CompanyId is { } companyId && !await companies.CanEditAsync(companyId, ct)) errors.Add("companyId", "Company.ParentUnknown");
        // An unknown or out-of-scope contact is the caller's mistake, not a foreign key failure at save.
        if (input.ContactId is { } contactId && !await contacts.CanEditAsync(contactId, ct)) errors.Add("contactId", "Activity.ContactUnknown");
        if (input.RemindAtUtc is { } remind && input.DueAtUtc is { } due && remind > due) errors.Add("remindAtUtc", "Task.RemindAfterDue");
        if (errors.Count > 0) return new ClientSaveResult(null, null, errors.All);

        var task = new ClientTask
        {
            Title = input.Title!.Trim(), Notes = FieldErrors.Clean(input.Notes), AssigneeId = assignee, CreatedById = user.Id!,
            DueAtUtc = input.DueAtUtc!.Value.ToUniversalTime(), Priority = input.Priority, CompanyId = input.CompanyId, ContactId = input.ContactId,
            RemindAtUtc = input.RemindAtUtc?.ToUniversalTime(), CreatedAtUtc = clock.UtcNow,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return new ClientSaveResult(task.Id, 1, new Dictionary<string, string>());
    }

    /// <summary>Marks a task done; only its assignee, its author, or someone whose scope covers the assignee may.</summary>
    public async Task<bool> CompleteAsync(int id, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id && t.DoneAtUtc == null, ct);
        if (task == null || !(task.CreatedById == user.Id || user.CanReach(CorePermissions.ViewClients, task.AssigneeId))) return false;
        task.DoneAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<MyDay> MyDayAsync(CancellationToken ct)
    {
        var (startOfToday, endOfToday) = clock.Today();
        var open = await Rows(db.Tasks.Where(t => t.AssigneeId == user.Id && t.DoneAtUtc == null && t.DueAtUtc < endOfToday)).ToListAsync(ct);
        return new MyDay(
            open.Where(t => t.DueAtUtc < startOfToday).ToList(),
            open.Where(t => t.DueAtUtc >= startOfToday).ToList(),
            await activities.UpcomingAsync(ct));
    }

    /// <summary>Overdue open tasks per employee within the head's scope, most overdue first.</summary>
    public async Task<List<OverdueByManager>> OverdueByManagerAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var groups = await db.Tasks.WithinScope(user, CorePermissions.ViewClients, t => t.AssigneeId)
            .Where(t => t.DoneAtUtc == null && t.DueAtUtc < now)
            .GroupBy(t => t.AssigneeId)
            .Select(g => new { AssigneeId = g.Key, Count = g.Count(), Oldest = g.Min(t => t.DueAtUtc) })
            .ToListAsync(ct);
        var ids = groups.Select(g => g.AssigneeId).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return groups.Select(g => new OverdueByManager(g.AssigneeId, names.GetValueOrDefault(g.AssigneeId, g.AssigneeId), g.Count, g.Oldest))
            .OrderByDescending(g => g.Count).ThenBy(g => g.OldestDueAtUtc).ToList();
    }

    IQueryable<TaskRow> Rows(IQueryable<ClientTask> tasks) =>
        tasks.OrderBy(t => t.DueAtUtc).Select(t => new TaskRow(t.Id, t.Title, t.DueAtUtc, t.Priority, t.AssigneeId, t.CompanyId,
            db.Companies.Where(c => c.Id == t.CompanyId).Select(c => c.Name).FirstOrDefault(), t.LinkTitle, t.LinkUrl));
}
