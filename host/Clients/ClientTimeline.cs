using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Modules;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Everything that happened with a client, newest first: the host's activities and tasks, and the entries of every
/// enabled module's timeline source. The caller has already checked that the user may see the client.
/// </summary>
public sealed class ClientTimeline(CoreDbContext db, IEnumerable<ITimelineSource> sources, ModuleCatalog catalog,
    IStringLocalizer<Localization.HostText> text)
{
    public const int Limit = 50;

    public async Task<IReadOnlyList<TimelineEntry>> ForCompanyAsync(int companyId, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().Where(a => a.CompanyId == companyId)
            .OrderByDescending(a => a.CreatedAtUtc).Take(Limit).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CompanyId == companyId)
            .OrderByDescending(t => t.CreatedAtUtc).Take(Limit).ToListAsync(ct);
        var entries = activities.Select(a => new TimelineEntry(a.DoneAtUtc ?? a.PlannedAtUtc ?? a.CreatedAtUtc,
                text["ActivityKind." + a.Kind], a.Subject, a.Outcome ?? a.Body))
            .Concat(tasks.Select(t => new TimelineEntry(t.DoneAtUtc ?? t.CreatedAtUtc,
                text[t.DoneAtUtc == null ? "Timeline.TaskSet" : "Timeline.TaskDone"], t.Title, null)))
            .ToList();
        var client = new ClientRef(ClientKind.Company, companyId);
        foreach (var source in sources.Where(s => catalog.IsActive(s.GetType())))
            entries.AddRange(await source.ForClientAsync(client, Limit, ct));
        return entries.OrderByDescending(e => e.AtUtc).Take(Limit).ToList();
    }
}
