using Crm.Host.Data;
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
public sealed class CompanyDuplicates(CoreDbContext db, CurrentUser user, ClientMerge merging)
{
    /// <summary>The fields a merge can take from the duplicate, and the properties each brings (a status its loss reason).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MergeableFields = ClientMerge.Fields<Company>(
        "name", "legalName", "taxNumber", "industry", "territory", "phone", "email", "website", "address", "ownerId")
        .Append(new("status", [nameof(Company.Status), nameof(Company.LossReason)])).ToDictionary();

    IQueryable<Company> Editable => db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc == null)
        .WithinScope(user, CorePermissions.EditClients, c => c.OwnerId);

    public async Task<List<DuplicateGroup>> FindAsync(CancellationToken ct) =>
        (await ClientMerge.GroupsAsync(Editable,
            [("taxNumber", c => c.TaxNumber), ("phone", c => c.PhoneKey), ("email", c => c.Email), ("name", c => c.NameKey)],
            c => c.Id, c => new CompanyRow(c.Id, c.Name, c.TaxNumber, c.Industry, c.Territory, c.Status, c.OwnerId, ""), r => r.Id, ct))
        .Select(g => new DuplicateGroup(g.Reason, g.Rows)).ToList();

    /// <summary>Merges <paramref name="mergeId"/> into <paramref name="keepId"/>; the fields in <paramref name="takeFromMerged"/> take the merged company's values.</summary>
    public async Task<MergeReport?> MergeAsync(int keepId, int mergeId, IReadOnlyCollection<string> takeFromMerged, CancellationToken ct)
    {
        if (keepId == mergeId) return null;
        var editable = db.Companies.Where(c => c.DeletedAtUtc == null).WithinScope(user, CorePermissions.EditClients, c => c.OwnerId);
        var keep = await editable.FirstOrDefaultAsync(c => c.Id == keepId, ct);
        var merge = await editable.FirstOrDefaultAsync(c => c.Id == mergeId, ct);
        if (keep == null || merge == null) return null;

        return await merging.MergeAsync(new ClientRef(ClientKind.Company, mergeId), new ClientRef(ClientKind.Company, keepId), async token =>
        {
            ClientMerge.Take(keep, merge, takeFromMerged, MergeableFields);
            keep.NameKey = CompanyNames.Key(keep.Name);
            keep.PhoneKey = PhoneNumbers.Key(keep.Phone);
            keep.Version++;
            merge.DeletedAtUtc = DateTime.UtcNow;
            merge.Version++;
            if (keep.ParentId == mergeId) keep.ParentId = merge.ParentId == keepId ? null : merge.ParentId;
            await db.SaveChangesAsync(token);
            return await db.Companies.Where(c => c.ParentId == mergeId && c.Id != keepId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, keepId), token);
        }, ct);
    }
}
