using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>The client base as modules read it (<see cref="IClientDirectory"/>): names, scope checks, pickers and holdings.</summary>
public sealed class ClientDirectory(CoreDbContext db, ICurrentUser user) : IClientDirectory
{
    public async Task<IReadOnlyDictionary<ClientRef, ClientSummary>> DescribeAsync(IEnumerable<ClientRef> clients, CancellationToken ct)
    {
        var list = clients.Distinct().ToList();
        var companyIds = list.Where(c => c.Kind == ClientKind.Company).Select(c => c.Id).ToList();
        var contactIds = list.Where(c => c.Kind == ClientKind.Contact).Select(c => c.Id).ToList();
        var result = new Dictionary<ClientRef, ClientSummary>();
        // By primary key only, the recycle bin checked on the rows read: with "DeletedAtUtc IS NULL" in the query SQLite
        // walks an index of all live clients instead (50k companies read to name a page of deals).
        if (companyIds.Count > 0)
            Add(await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id))
                .Select(c => new Described(ClientKind.Company, c.Id, c.Name, c.OwnerId, c.DeletedAtUtc)).ToListAsync(ct));
        if (contactIds.Count > 0)
            Add(await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
                .Select(c => new Described(ClientKind.Contact, c.Id, c.FirstName + " " + c.LastName, c.OwnerId, c.DeletedAtUtc)).ToListAsync(ct));
        return result;

        void Add(List<Described> rows)
        {
            foreach (var row in rows.Where(r => r.DeletedAtUtc == null))
                result[new ClientRef(row.Kind, row.Id)] = new ClientSummary(new ClientRef(row.Kind, row.Id), row.Name, row.OwnerId);
        }
    }

    sealed record Described(ClientKind Kind, int Id, string Name, string OwnerId, DateTime? DeletedAtUtc);

    public async Task<ClientSummary?> FindVisibleAsync(ClientRef client, CancellationToken ct) => client.Kind switch
    {
        ClientKind.Company => await Companies(db.Companies.Where(c => c.Id == client.Id)
            .WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId)).FirstOrDefaultAsync(ct),
        _ => await Contacts(db.Contacts.Where(c => c.Id == client.Id)
            .WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId)).FirstOrDefaultAsync(ct),
    };

    public async Task<IReadOnlyList<ClientSummary>> LookupAsync(string term, int limit, CancellationToken ct)
    {
        term = term.Trim();
        if (term.Length == 0) return [];
        limit = Math.Clamp(limit, 1, 50);
        var companies = await Companies(db.Companies.Where(c => c.Name.StartsWith(term))
            .WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId).OrderBy(c => c.Name).Take(limit)).ToListAsync(ct);
        var contacts = await Contacts(db.Contacts.Where(c => c.LastName.StartsWith(term) || c.FirstName.StartsWith(term))
            .WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId).OrderBy(c => c.LastName).Take(limit)).ToListAsync(ct);
        return companies.Concat(contacts).Take(limit).ToList();
    }

    public async Task<IReadOnlyList<int>> HoldingOfAsync(int companyId, CancellationToken ct)
    {
        // Holdings are shallow (a few levels), so one query per level is cheaper than a recursive CTE that both databases accept.
        var all = new List<int> { companyId };
        var level = new List<int> { companyId };
        for (var depth = 0; depth < 10 && level.Count > 0; depth++)
        {
            var parents = level;
            level = await db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc == null && c.ParentId != null && parents.Contains(c.ParentId.Value))
                .Select(c => c.Id).ToListAsync(ct);
            level.RemoveAll(all.Contains);
            all.AddRange(level);
        }
        return all;
    }

    static IQueryable<ClientSummary> Companies(IQueryable<Company> query) => query.AsNoTracking()
        .Where(c => c.DeletedAtUtc == null).Select(c => new ClientSummary(new ClientRef(ClientKind.Company, c.Id), c.Name, c.OwnerId));

    static IQueryable<ClientSummary> Contacts(IQueryable<Contact> query) => query.AsNoTracking()
        .Where(c => c.DeletedAtUtc == null).Select(c => new ClientSummary(new ClientRef(ClientKind.Contact, c.Id), c.FirstName + " " + c.LastName, c.OwnerId));
}
