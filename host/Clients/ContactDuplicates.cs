using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Contacts that are likely one and the same person, and why (same phone, email, or name).</summary>
public sealed record ContactDuplicateGroup(string Reason, IReadOnlyList<ContactRow> Contacts);

/// <summary>
/// Finds likely duplicate contacts among those the user may edit, and merges two of them field by field: the kept contact
/// takes the chosen values, the other's places at companies, activities, tasks and modules' records move to it, and the
/// other goes to the recycle bin.
/// </summary>
public sealed class ContactDuplicates(CoreDbContext db, CurrentUser user, ClientMerge merging)
{
    /// <summary>The fields a merge can take from the duplicate, and the properties each brings (consent its date and source).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MergeableFields = ClientMerge.Fields<Contact>(
        "firstName", "lastName", "position", "phone", "email", "messenger", "birthday", "notes", "ownerId")
        .Append(new("marketingConsent", [nameof(Contact.MarketingConsent), nameof(Contact.ConsentAtUtc), nameof(Contact.ConsentSource)])).ToDictionary();

    IQueryable<Contact> Editable => db.Contacts.Where(c => c.DeletedAtUtc == null).WithinScope(user, CorePermissions.EditClients, c => c.OwnerId);

    public async Task<List<ContactDuplicateGroup>> FindAsync(CancellationToken ct) =>
        (await ClientMerge.GroupsAsync(Editable.AsNoTracking(),
            [("phone", c => c.PhoneKey), ("email", c => c.Email), ("name", c => c.NameKey)],
            c => c.Id, c => new ContactRow(c.Id, c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.OwnerId), r => r.Id, ct))
        .Select(g => new ContactDuplicateGroup(g.Reason, g.Rows)).ToList();

    /// <summary>Merges <paramref name="mergeId"/> into <paramref name="keepId"/>; the fields in <paramref name="takeFromMerged"/> take the merged contact's values.</summary>
    public async Task<MergeReport?> MergeAsync(int keepId, int mergeId, IReadOnlyCollection<string> takeFromMerged, CancellationToken ct)
    {
        if (keepId == mergeId) return null;
        var keep = await Editable.FirstOrDefaultAsync(c => c.Id == keepId, ct);
        var merge = await Editable.FirstOrDefaultAsync(c => c.Id == mergeId, ct);
        if (keep == null || merge == null) return null;

        return await merging.MergeAsync(new ClientRef(ClientKind.Contact, mergeId), new ClientRef(ClientKind.Contact, keepId), async token =>
        {
            ClientMerge.Take(keep, merge, takeFromMerged, MergeableFields);
            ContactNames.SetKeys(keep);
            keep.PhoneKey = PhoneNumbers.Key(keep.Phone);
            keep.UpdatedAtUtc = DateTime.UtcNow;
            keep.Version++;
            merge.DeletedAtUtc = DateTime.UtcNow;
            merge.Version++;
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
    }
}
