using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>What deleting a client for good would take with it, for the confirmation page; <see cref="Refusals"/> are modules' objections.</summary>
public sealed record PurgePreview(ClientRef Client, string Name, int Activities, int Tasks, int Files, IReadOnlyList<string> Refusals);

/// <summary>How a purge ended: done, no such record for the user, not in the recycle bin, or refused by modules.</summary>
public enum PurgeOutcome { Purged, NotFound, NotInRecycleBin, Refused }

public sealed record PurgeResult(PurgeOutcome Outcome, IReadOnlyList<string> Refusals)
{
    public static readonly PurgeResult NotFound = new(PurgeOutcome.NotFound, []);
    public static readonly PurgeResult NotInRecycleBin = new(PurgeOutcome.NotInRecycleBin, []);
}

/// <summary>
/// Deletes a company or contact in the recycle bin for good, for holders of <see cref="CorePermissions.PurgeClients"/>
/// within their scope. Nothing may refer to it afterwards: calls, meetings, notes and tasks only about it go (with their
/// files), those also about another client stay with that client; its places at companies, tags, custom field values and
/// a company's hold on its subsidiaries go; every module removes or detaches its records through
/// <see cref="IClientPurgeParticipant"/>. The audit keeps the record's history and a row per field of its deletion: the
/// trace that it existed and who purged it.
/// </summary>
public sealed class ClientPurge(CoreDbContext db, CurrentUser user, IEnumerable<IClientPurgeParticipant> participants, ModuleCatalog catalog,
    AttachmentFiles files)
{
    /// <summary>What purging would delete; null when the user cannot purge such a record (absent, outside the scope, or not in the recycle bin).</summary>
    public async Task<PurgePreview?> PreviewAsync(ClientRef client, CancellationToken ct)
    {
        var name = client.Kind == ClientKind.Company
            ? await Companies().Where(c => c.Id == client.Id && c.DeletedAtUtc != null).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : await Contacts().Where(c => c.Id == client.Id && c.DeletedAtUtc != null)
                .Select(c => c.LastName == "" ? c.FirstName : c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct);
        if (name == null) return null;
        var activities = OnlyAbout(db.Activities, client);
        return new PurgePreview(client, name, await activities.CountAsync(ct), await OnlyAbout(db.Tasks, client).CountAsync(ct),
            await db.ActivityAttachments.CountAsync(f => activities.Any(a => a.Id == f.ActivityId), ct), await RefusalsAsync(client, ct));
    }

    public async Task<PurgeResult> PurgeAsync(ClientRef client, CancellationToken ct)
    {
        var deletedAt = client.Kind == ClientKind.Company
            ? await Companies().Where(c => c.Id == client.Id).Select(c => new { c.DeletedAtUtc }).FirstOrDefaultAsync(ct)
            : await Contacts().Where(c => c.Id == client.Id).Select(c => new { c.DeletedAtUtc }).FirstOrDefaultAsync(ct);
        if (deletedAt == null) return PurgeResult.NotFound;
        if (deletedAt.DeletedAtUtc == null) return PurgeResult.NotInRecycleBin;
        if (await RefusalsAsync(client, ct) is { Count: > 0 } refusals) return new PurgeResult(PurgeOutcome.Refused, refusals);

        // Modules keep their own tables and connections, so they cannot share the host's transaction; they go first; a
        // failure after them leaves the client in the recycle bin (with fewer module records) for another try, never
        // module records that point at a client that is gone.
        foreach (var participant in Participants()) await participant.PurgeAsync(client, ct);

        List<string> storedNames;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var activities = OnlyAbout(db.Activities, client);
            storedNames = await db.ActivityAttachments.Where(f => activities.Any(a => a.Id == f.ActivityId)).Select(f => f.StoredName).ToListAsync(ct);
            await db.ActivityAttachments.Where(f => activities.Any(a => a.Id == f.ActivityId)).ExecuteDeleteAsync(ct);
            // Activities stay out of the recycle bin when their client goes into it, so most of these still count in their months.
            await ActivityMonths.DeleteAsync(db, activities, ct);
            await OnlyAbout(db.Tasks, client).ExecuteDeleteAsync(ct);
            if (client.Kind == ClientKind.Company)
            {
                await db.Activities.Where(a => a.CompanyId == client.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, (int?)null), ct);
                await db.Tasks.Where(t => t.CompanyId == client.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompanyId, (int?)null), ct);
                await db.ContactCompanies.Where(l => l.CompanyId == client.Id).ExecuteDeleteAsync(ct);
                // Subsidiaries stay, outside any holding; through the tracker, so their history shows why.
                foreach (var subsidiary in await db.Companies.Where(c => c.ParentId == client.Id).ToListAsync(ct))
                {
                    subsidiary.ParentId = null;
                    subsidiary.Version++;
                }
            }
            else
            {
                await db.Activities.Where(a => a.ContactId == client.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContactId, (int?)null), ct);
                await db.Tasks.Where(t => t.ContactId == client.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ContactId, (int?)null), ct);
                await db.ContactCompanies.Where(l => l.ContactId == client.Id).ExecuteDeleteAsync(ct);
            }
            await db.ClientTags.Where(t => t.Kind == client.Kind && t.RecordId == client.Id).ExecuteDeleteAsync(ct);
            var fields = db.CustomFields.Where(f => f.Kind == client.Kind).Select(f => f.Id);
            await db.CustomValues.Where(v => v.RecordId == client.Id && fields.Contains(v.FieldId)).ExecuteDeleteAsync(ct);

            // The record itself through the tracker, so that the audit writes its deletion. A restore since the check
            // leaves nothing to delete here, or raised the version so that the delete matches no row: the transaction then
            // rolls back whatever went above.
            object? record = client.Kind == ClientKind.Company
                ? await db.Companies.FirstOrDefaultAsync(c => c.Id == client.Id && c.DeletedAtUtc != null, ct)
                : await db.Contacts.FirstOrDefaultAsync(c => c.Id == client.Id && c.DeletedAtUtc != null, ct);
            if (record == null) return PurgeResult.NotInRecycleBin;
            db.Remove(record);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return PurgeResult.NotInRecycleBin; // restored meanwhile: the transaction rolls back
            }
            await transaction.CommitAsync(ct);
        }
        // The files go only once their rows are gone; one that cannot be deleted now is left to AttachmentSweep.
        foreach (var name in storedNames) files.Delete(name);
        return new PurgeResult(PurgeOutcome.Purged, []);
    }

    async Task<IReadOnlyList<string>> RefusalsAsync(ClientRef client, CancellationToken ct)
    {
        var refusals = new List<string>();
        foreach (var participant in Participants())
            if (await participant.RefusalAsync(client, ct) is { Length: > 0 } refusal) refusals.Add(refusal);
        return refusals;
    }

    // A disabled module takes part too: its data is kept, so it must not keep pointing at the client.
    IEnumerable<IClientPurgeParticipant> Participants() => participants.Where(p => catalog.HasData(p.GetType()));

    IQueryable<Company> Companies() =>
        db.Companies.WithinScope(user, CorePermissions.EditClients, c => c.OwnerId).WithinScope(user, CorePermissions.PurgeClients, c => c.OwnerId);

    IQueryable<Contact> Contacts() =>
        db.Contacts.WithinScope(user, CorePermissions.EditClients, c => c.OwnerId).WithinScope(user, CorePermissions.PurgeClients, c => c.OwnerId);

    /// <summary>Activities about the client and no other client: these go with it.</summary>
    static IQueryable<Activity> OnlyAbout(IQueryable<Activity> activities, ClientRef client) =>
        client.Kind == ClientKind.Company
            ? activities.Where(a => a.CompanyId == client.Id && a.ContactId == null)
            : activities.Where(a => a.ContactId == client.Id && a.CompanyId == null);

    /// <summary>Tasks about the client and no other client: these go with it.</summary>
    static IQueryable<ClientTask> OnlyAbout(IQueryable<ClientTask> tasks, ClientRef client) =>
        client.Kind == ClientKind.Company
            ? tasks.Where(t => t.CompanyId == client.Id && t.ContactId == null)
            : tasks.Where(t => t.ContactId == client.Id && t.CompanyId == null);
}
