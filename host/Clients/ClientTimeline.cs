using System.Runtime.CompilerServices;
using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Everything that happened with a client, newest first: the host's activities (with their files) and tasks, and the
/// entries of every enabled module's timeline source. The caller has already checked that the user may see the client.
/// </summary>
public sealed class ClientTimeline(CoreDbContext db, IEnumerable<ITimelineSource> sources, ModuleCatalog catalog, CompanyService companies,
    ActivityService activityService, IStringLocalizer<Localization.HostText> text)
{
    public const int Limit = 50;
    /// <summary>Which entries are the host's own activities (so a card can offer to delete them), by the entry object itself.</summary>
    readonly ConditionalWeakTable<TimelineEntry, StrongBox<int>> _activities = new();

    /// <summary>The activity an entry of this scope's timelines shows, or null for tasks and modules' entries.</summary>
    public int? ActivityOf(TimelineEntry entry) => _activities.TryGetValue(entry, out var id) ? id.Value : null;
    readonly ConditionalWeakTable<TimelineFile, StrongBox<int>> _attachments = new();

    /// <summary>The attachment a file of this scope's timelines shows, or null for modules' files.</summary>
    public int? AttachmentOf(TimelineFile file) => _attachments.TryGetValue(file, out var id) ? id.Value : null;
    /// <summary>How deep a holding's tree is followed when its subsidiaries' activity is shown together.</summary>
    const int HoldingDepth = 5;

    public Task<IReadOnlyList<TimelineEntry>> ForCompanyAsync(int companyId, CancellationToken ct) => ForCompanyAsync(companyId, false, ct);

    /// <summary>A company's timeline; with <paramref name="withSubsidiaries"/>, its subsidiaries' (within the user's scope) too, each entry naming its company.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ForCompanyAsync(int companyId, bool withSubsidiaries, CancellationToken ct)
    {
        var names = new Dictionary<int, string>();
        if (withSubsidiaries) names = await HoldingAsync(companyId, ct);
        var ids = names.Count > 0 ? names.Keys.Append(companyId).ToList() : [companyId];
        string Named(int? company, string title) => company is { } id && names.TryGetValue(id, out var name) ? $"{name}: {title}" : title;

        // The ids go into the SQL as constants: with a parameter list (json_each on SQLite) the planner cannot tell how few
        // they are and walks the DeletedAtUtc index over every activity instead (bench: card 85 ms -> see bench/RESULTS.md).
        var activities = await db.Activities.AsNoTracking().Where(a => a.DeletedAtUtc == null && a.CompanyId != null && EF.Constant(ids).Contains(a.CompanyId.Value))
            .OrderByDescending(a => a.CreatedAtUtc).Take(Limit).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CompanyId != null && EF.Constant(ids).Contains(t.CompanyId.Value))
            .OrderByDescending(t => t.CreatedAtUtc).Take(Limit).ToListAsync(ct);
        var entries = await EntriesAsync(activities, tasks, a => Named(a.CompanyId, a.Subject), t => Named(t.CompanyId, t.Title), ct);
        foreach (var id in ids)
            foreach (var entry in await ModuleEntriesAsync(new ClientRef(ClientKind.Company, id), ct))
                entries.Add(entry with { Title = Named(id, entry.Title) });
        return entries.OrderByDescending(e => e.AtUtc).Take(Limit).ToList();
    }

    /// <summary>A contact's own timeline: activities and tasks with that person and modules' entries about them.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ForContactAsync(int contactId, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().Where(a => a.DeletedAtUtc == null && a.ContactId == contactId)
            .OrderByDescending(a => a.CreatedAtUtc).Take(Limit).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ContactId == contactId)
            .OrderByDescending(t => t.CreatedAtUtc).Take(Limit).ToListAsync(ct);
        var entries = await EntriesAsync(activities, tasks, a => a.Subject, t => t.Title, ct);
        entries.AddRange(await ModuleEntriesAsync(new ClientRef(ClientKind.Contact, contactId), ct));
        return entries.OrderByDescending(e => e.AtUtc).Take(Limit).ToList();
    }

    TimelineFile FileOf(AttachmentRow row)
    {
        var file = new TimelineFile(row.FileName, row.Url, row.SizeBytes);
        _attachments.AddOrUpdate(file, new StrongBox<int>(row.Id));
        return file;
    }

    async Task<List<TimelineEntry>> EntriesAsync(List<Activity> activities, List<ClientTask> tasks, Func<Activity, string> activityTitle,
        Func<ClientTask, string> taskTitle, CancellationToken ct)
    {
        var files = await activityService.AttachmentsAsync(activities.Select(a => a.Id).ToList(), ct);
        return activities.Select(a =>
            {
                var entry = new TimelineEntry(a.DoneAtUtc ?? a.PlannedAtUtc ?? a.CreatedAtUtc, text["ActivityKind." + a.Kind], activityTitle(a), a.Outcome ?? a.Body)
                    { Files = files[a.Id].Select(FileOf).ToList() };
                _activities.AddOrUpdate(entry, new StrongBox<int>(a.Id));
                return entry;
            })
            .Concat(tasks.Select(t => new TimelineEntry(t.DoneAtUtc ?? t.CreatedAtUtc,
                text[t.DoneAtUtc == null ? "Timeline.TaskSet" : "Timeline.TaskDone"], taskTitle(t), null)))
            .ToList();
    }

    async Task<List<TimelineEntry>> ModuleEntriesAsync(ClientRef client, CancellationToken ct)
    {
        var entries = new List<TimelineEntry>();
        foreach (var source in sources.Where(s => catalog.IsActive(s.GetType())))
            entries.AddRange(await source.ForClientAsync(client, Limit, ct));
        return entries;
    }

    /// <summary>The subsidiaries below a company, at any depth, that the user may see: id to name.</summary>
    async Task<Dictionary<int, string>> HoldingAsync(int companyId, CancellationToken ct)
    {
        var found = new Dictionary<int, string>();
        var level = new List<int> { companyId };
        for (var depth = 0; depth < HoldingDepth && level.Count > 0 && found.Count < CompanyService.MaxPageSize; depth++)
        {
            var next = new List<int>();
            foreach (var parent in level)
                foreach (var child in await companies.SubsidiariesAsync(parent, ct))
                    if (child.Id != companyId && found.TryAdd(child.Id, child.Name)) next.Add(child.Id);
            level = next;
        }
        return found;
    }
}
