using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Companies that are likely one and the same, and why (same tax number, phone, email, or name).</summary>
public sealed record DuplicateGroup(string Reason, IReadOnlyList<CompanyRow> Companies);

/// <summary>What a merge did: the record kept, and how many linked records moved to it.</summary>
public sealed record MergeReport(int KeptId, int Moved);

/// <summary>
/// Finds likely duplicate companies among those the user may edit, and merges two of them field by field: the kept
/// company takes the chosen values, everything linked to the other (contacts, history, tasks, subsidiaries, modules'
/// records) moves to it, and the other goes to the recycle bin.
/// </summary>
public sealed class CompanyDuplicates(CoreDbContext db, CurrentUser user, IEnumerable<IClientMergeParticipant> participants, ModuleCatalog catalog)
{
    public static readonly string[] MergeableFields =
        ["name", "legalName", "taxNumber", "industry", "territory", "phone", "email", "website", "address", "status", "ownerId"];

    IQueryable<Company> Editable => db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc == null)
        .WithinScope(user, CorePermissions.EditClients, c => c.OwnerId);

    public async Task<List<DuplicateGroup>> FindAsync(CancellationToken ct)
    {
        var groups = new List<DuplicateGroup>();
        async Task Add(string reason, IQueryable<string?> keys, Func<string, IQueryable<Company>> members)
        {
            var found = await keys.Where(k => k != null && k != "").GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key!).Take(100).ToListAsync(ct);
            foreach (var key in found)
                groups.Add(new DuplicateGroup(reason, await members(key).OrderBy(c => c.Id)
                    .Select(c => new CompanyRow(c.Id, c.Name, c.TaxNumber, c.Industry, c.Territory, c.Status, c.OwnerId, "")).ToListAsync(ct)));
        }
        await Add("taxNumber", Editable.Select(c => c.TaxNumber), key => Editable.Where(c => c.TaxNumber == key));
        await Add("phone", Editable.Select(c => c.PhoneKey), key => Editable.Where(c => c.PhoneKey == key));
        await Add("email", Editable.Select(c => c.Email), key => Editable.Where(c => c.Email == key));
        await Add("name", Editable.Select(c => (string?)c.NameKey), key => Editable.Where(c => c.NameKey == key));
        // One pair found by several reasons is shown once, under the strongest.
        return groups.DistinctBy(g => string.Join(",", g.Companies.Select(c => c.Id))).ToList();
    }

    /// <summary>Merges <paramref name="mergeId"/> into <paramref name="keepId"/>; the fields in <paramref name="takeFromMerged"/> take the merged company's values.</summary>
    public async Task<MergeReport?> MergeAsync(int keepId, int mergeId, IReadOnlyCollection<string> takeFromMerged, CancellationToken ct)
    {
        if (keepId == mergeId) return null;
        var editable = db.Companies.Where(c => c.DeletedAtUtc == null).WithinScope(user, CorePermissions.EditClients, c => c.OwnerId);
        var keep = await editable.FirstOrDefaultAsync(c => c.Id == keepId, ct);
        var merge = await editable.FirstOrDefaultAsync(c => c.Id == mergeId, ct);
        if (keep == null || merge == null) return null;

        var moved = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var field in takeFromMerged.Intersect(MergeableFields)) Take(field, keep, merge);
            keep.NameKey = CompanyNames.Key(keep.Name);
            keep.PhoneKey = PhoneNumbers.Key(keep.Phone);
            keep.Version++;
            merge.DeletedAtUtc = DateTime.UtcNow;
            merge.Version++;
            if (keep.ParentId == mergeId) keep.ParentId = merge.ParentId == keepId ? null : merge.ParentId;

            var keptContacts = await db.ContactCompanies.Where(l => l.CompanyId == keepId).Select(l => l.ContactId).ToListAsync(ct);
            var links = await db.ContactCompanies.Where(l => l.CompanyId == mergeId).ToListAsync(ct);
            db.ContactCompanies.RemoveRange(links);
            await db.SaveChangesAsync(ct);
            foreach (var link in links.Where(l => !keptContacts.Contains(l.ContactId)))
                db.ContactCompanies.Add(new ContactCompany { ContactId = link.ContactId, CompanyId = keepId, Role = link.Role, Influence = link.Influence });
            moved += links.Count;
            moved += await db.Activities.Where(a => a.CompanyId == mergeId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, keepId), ct);
            moved += await db.Tasks.Where(t => t.CompanyId == mergeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompanyId, keepId), ct);
            moved += await db.Companies.Where(c => c.ParentId == mergeId && c.Id != keepId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, keepId), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var from = new ClientRef(ClientKind.Company, mergeId);
        var into = new ClientRef(ClientKind.Company, keepId);
        foreach (var participant in participants.Where(p => catalog.HasData(p.GetType())))
            moved += await participant.MergeAsync(from, into, ct);
        return new MergeReport(keepId, moved);
    }

    static void Take(string field, Company keep, Company merge)
    {
        switch (field)
        {
            case "name": keep.Name = merge.Name; break;
            case "legalName": keep.LegalName = merge.LegalName; break;
            case "taxNumber": keep.TaxNumber = merge.TaxNumber; break;
            case "industry": keep.Industry = merge.Industry; break;
            case "territory": keep.Territory = merge.Territory; break;
            case "phone": keep.Phone = merge.Phone; break;
            case "email": keep.Email = merge.Email; break;
            case "website": keep.Website = merge.Website; break;
            case "address": keep.Address = merge.Address; break;
            case "status": keep.Status = merge.Status; keep.LossReason = merge.LossReason; break;
            case "ownerId": keep.OwnerId = merge.OwnerId; break;
        }
    }
}
