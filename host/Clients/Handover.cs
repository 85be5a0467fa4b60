using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>What an employee's departure did: every record that moved, and to whom.</summary>
public sealed record HandoverReport(string FromUserId, IReadOnlyList<HandoverItem> Items, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// An employee leaves in one step: their companies are shared out among the successors, contacts and open tasks follow
/// their companies, every module hands over its records the same way, and the account is closed (no sign-in, no API
/// tokens). History keeps the leaver's name on what they did.
/// </summary>
public sealed class Handover(CoreDbContext db, IEnumerable<IHandoverParticipant> participants, ModuleCatalog catalog,
    UserAccessCache access, CompanyClock clock)
{
    public async Task<HandoverReport> RunAsync(string fromUserId, IReadOnlyList<string> successorIds, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var successors = successorIds.Distinct().Where(id => id != fromUserId).ToList();
        var leaver = await db.Users.FirstOrDefaultAsync(u => u.Id == fromUserId && u.IsActive, ct);
        if (leaver == null) errors.Add("fromUserId", "Handover.LeaverUnknown");
        if (successors.Count == 0 || await db.Users.CountAsync(u => successors.Contains(u.Id) && u.IsActive, ct) != successors.Count)
            errors.Add("successorIds", "Handover.SuccessorsRequired");
        if (errors.Count > 0) return new HandoverReport(fromUserId, [], errors.All);

        var items = new List<HandoverItem>();
        var plan = new Plan(fromUserId, successors[0]);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var companies = await db.Companies.Where(c => c.OwnerId == fromUserId).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct);
            for (var i = 0; i < companies.Count; i++)
            {
                var to = successors[i % successors.Count];
                companies[i].OwnerId = to;
                companies[i].Version++;
                plan.Companies[companies[i].Id] = to;
                items.Add(new HandoverItem("Company", companies[i].Name, to));
            }
            var contacts = await db.Contacts.Where(c => c.OwnerId == fromUserId).ToListAsync(ct);
            var places = await db.ContactCompanies.Where(l => contacts.Select(c => c.Id).Contains(l.ContactId)).ToListAsync(ct);
            foreach (var contact in contacts)
            {
                var company = places.Where(l => l.ContactId == contact.Id).Select(l => (int?)l.CompanyId).FirstOrDefault();
                contact.OwnerId = plan.SuccessorFor(company is { } id ? new ClientRef(ClientKind.Company, id) : null);
                contact.Version++;
                items.Add(new HandoverItem("Contact", contact.FullName, contact.OwnerId));
            }
            var tasks = await db.Tasks.Where(t => t.AssigneeId == fromUserId && t.DoneAtUtc == null).ToListAsync(ct);
            foreach (var task in tasks)
            {
                task.AssigneeId = plan.SuccessorFor(task.CompanyId is { } id ? new ClientRef(ClientKind.Company, id) : null);
                items.Add(new HandoverItem("Task", task.Title, task.AssigneeId));
            }

            leaver!.IsActive = false;
            leaver.LockoutEnd = DateTimeOffset.MaxValue;
            leaver.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.ApiTokens.Where(t => t.UserId == fromUserId && t.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, clock.UtcNow), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        access.Invalidate();

        // Modules keep their own tables and connections: each hands over its records after the clients have moved. A
        // disabled module takes part too (its data is kept, so it must not stay with someone who left); one never
        // installed has no tables.
        foreach (var participant in participants.Where(p => catalog.HasData(p.GetType())))
            items.AddRange(await participant.HandOverAsync(plan, ct));
        return new HandoverReport(fromUserId, items, new Dictionary<string, string>());
    }

    sealed class Plan(string fromUserId, string defaultSuccessorId) : IHandoverPlan
    {
        public Dictionary<int, string> Companies { get; } = new();
        public string FromUserId => fromUserId;
        public string DefaultSuccessorId => defaultSuccessorId;

        public string SuccessorFor(ClientRef? client) =>
            client is { Kind: ClientKind.Company } && Companies.TryGetValue(client.Id, out var to) ? to : defaultSuccessorId;
    }
}
