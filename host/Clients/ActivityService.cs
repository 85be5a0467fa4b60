using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>A call, meeting, email or note to log; with <see cref="PlannedAtUtc"/> and not <see cref="Done"/>, it is planned.</summary>
public sealed record ActivityInput(ActivityKind Kind, string? Subject, string? Body = null, string? Outcome = null,
    int? CompanyId = null, int? ContactId = null, DateTime? PlannedAtUtc = null, bool Done = true);

/// <summary>A file attached to an activity, as timelines and the API show it.</summary>
public sealed record AttachmentRow(int Id, int ActivityId, string FileName, long SizeBytes)
{
    public string Url => $"/api/v1/attachments/{Id}";
}

/// <summary>A deleted activity as the recycle bin shows it.</summary>
public sealed record DeletedActivityRow(int Id, ActivityKind Kind, string Subject, int? CompanyId, int? ContactId, DateTime DeletedAtUtc, int Files);

/// <summary>
/// Logs interactions with clients the user may edit, with their files; the employee is the current user. An activity
/// belongs to the scope of its client: whoever may see the company or the contact sees it and may download its files.
/// </summary>
public sealed class ActivityService(CoreDbContext db, CurrentUser user, CompanyService companies, ContactService contacts, CompanyClock clock,
    AttachmentFiles files)
{
    public Task<ClientSaveResult> LogAsync(ActivityInput input, CancellationToken ct) => LogAsync(input, [], ct);

    public async Task<ClientSaveResult> LogAsync(ActivityInput input, IReadOnlyList<IFormFile> uploads, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("subject", input.Subject, "Activity.SubjectRequired").MaxLength("subject", input.Subject, 300)
            .MaxLength("body", input.Body, 4000).MaxLength("outcome", input.Outcome, 1000);
        if (!Enum.IsDefined(input.Kind)) errors.Add("kind", "Activity.KindUnknown");
        if (input.CompanyId == null && input.ContactId == null) errors.Add("companyId", "Activity.ClientRequired");
        if (input.CompanyId is { } companyId && !await companies.CanEditAsync(companyId, ct)) errors.Add("companyId", "Company.ParentUnknown");
        if (input.ContactId is { } contactId && await contacts.FindAsync(contactId, ct) == null) errors.Add("contactId", "Activity.ContactUnknown");
        if (!input.Done && input.PlannedAtUtc == null) errors.Add("plannedAtUtc", "Activity.PlannedAtRequired");
        var refused = await CheckFilesAsync(uploads, ct);
        if (errors.Count > 0 || refused != null)
            return new ClientSaveResult(null, null, errors.All, Refused: refused);

        var activity = new Activity
        {
            Kind = input.Kind, Subject = input.Subject!.Trim(), Body = FieldErrors.Clean(input.Body), Outcome = FieldErrors.Clean(input.Outcome),
            CompanyId = input.CompanyId, ContactId = input.ContactId, OwnerId = user.Id!,
            PlannedAtUtc = input.PlannedAtUtc?.ToUniversalTime(), DoneAtUtc = input.Done ? clock.UtcNow : null, CreatedAtUtc = clock.UtcNow,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Activities.Add(activity);
            await db.SaveChangesAsync(ct);
            await StoreAsync(activity.Id, uploads, ct);
            // The company's last contact derives from the activity: it commits with it, or neither does.
            if (activity is { DoneAtUtc: { } done, CompanyId: { } company })
                await db.Companies.Where(c => c.Id == company && (c.LastContactAtUtc == null || c.LastContactAtUtc < done))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAtUtc, done), ct); // a derived date, not an edit: not audited
            await transaction.CommitAsync(ct);
        }
        return new ClientSaveResult(activity.Id, 1, new Dictionary<string, string>());
    }

    /// <summary>Adds files to an activity the user may edit; null when there is no such activity for them.</summary>
    public async Task<(IReadOnlyList<AttachmentRow> Added, FileRefusal? Refused)?> AttachAsync(int activityId, IReadOnlyList<IFormFile> uploads,
        CancellationToken ct)
    {
        if (!await Reachable(CorePermissions.EditClients).AnyAsync(a => a.Id == activityId && a.DeletedAtUtc == null, ct)) return null;
        if (uploads.Count == 0) return ([], new FileRefusal("Attachment.Required", ""));
        if (await CheckFilesAsync(uploads, ct) is { } refused) return ([], refused);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = await StoreAsync(activityId, uploads, ct);
        await transaction.CommitAsync(ct);
        return (added, null);
    }

    /// <summary>The files of these activities, by activity.</summary>
    public async Task<ILookup<int, AttachmentRow>> AttachmentsAsync(IReadOnlyCollection<int> activityIds, CancellationToken ct) =>
        (await db.ActivityAttachments.AsNoTracking().Where(f => activityIds.Contains(f.ActivityId)).OrderBy(f => f.Id)
            .Select(f => new AttachmentRow(f.Id, f.ActivityId, f.FileName, f.SizeBytes)).ToListAsync(ct))
        .ToLookup(f => f.ActivityId);

    /// <summary>A file to download, if its activity is not in the recycle bin and its client is within the user's scope.</summary>
    public Task<ActivityAttachment?> FindAttachmentAsync(int id, CancellationToken ct) =>
        db.ActivityAttachments.AsNoTracking()
            .Where(f => f.Id == id && Reachable(CorePermissions.ViewClients).Any(a => a.Id == f.ActivityId && a.DeletedAtUtc == null))
            .FirstOrDefaultAsync(ct);

    /// <summary>Moves an activity (with its files) to the recycle bin; false if the user may not edit it.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var activity = await Reachable(CorePermissions.EditClients).FirstOrDefaultAsync(a => a.Id == id && a.DeletedAtUtc == null, ct);
        if (activity == null) return false;
        activity.DeletedAtUtc = clock.UtcNow;
        return await SaveUnlessChangedMeanwhileAsync(ct);
    }

    /// <summary>Brings an activity and its files back from the recycle bin.</summary>
    public async Task<bool> RestoreAsync(int id, CancellationToken ct)
    {
        var activity = await Reachable(CorePermissions.EditClients).FirstOrDefaultAsync(a => a.Id == id && a.DeletedAtUtc != null, ct);
        if (activity == null) return false;
        activity.DeletedAtUtc = null;
        return await SaveUnlessChangedMeanwhileAsync(ct);
    }

    /// <summary>False when someone deleted or restored the activity since it was read (its counted fields are concurrency tokens).</summary>
    async Task<bool> SaveUnlessChangedMeanwhileAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes an activity in the recycle bin for good, with its files; false if there is no such activity the user may
    /// edit. The files go only once the rows are gone, so a failure never leaves a record without its file.
    /// </summary>
    public async Task<bool> PurgeAsync(int id, CancellationToken ct)
    {
        if (!await Reachable(CorePermissions.EditClients).AnyAsync(a => a.Id == id && a.DeletedAtUtc != null, ct)) return false;
        List<string> storedNames;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            storedNames = await db.ActivityAttachments.Where(f => f.ActivityId == id).Select(f => f.StoredName).ToListAsync(ct);
            await db.ActivityAttachments.Where(f => f.ActivityId == id).ExecuteDeleteAsync(ct);
            // An activity in the recycle bin counts in no month; counted anyway, so the months stay right whatever this deletes.
            if (await ActivityMonths.DeleteAsync(db, db.Activities.Where(a => a.Id == id && a.DeletedAtUtc != null), ct) == 0)
                return false; // restored meanwhile
            await transaction.CommitAsync(ct);
        }
        DeleteFiles(storedNames);
        return true;
    }

    /// <summary>Removes one file from an activity the user may edit (not one in the recycle bin); false if there is no such file for them.</summary>
    public async Task<bool> RemoveAttachmentAsync(int id, CancellationToken ct)
    {
        var reachable = Reachable(CorePermissions.EditClients).Where(a => a.DeletedAtUtc == null);
        var file = await db.ActivityAttachments.AsNoTracking().Where(f => f.Id == id && reachable.Any(a => a.Id == f.ActivityId))
            .Select(f => f.StoredName).FirstOrDefaultAsync(ct);
        if (file == null || await db.ActivityAttachments.Where(f => f.Id == id).ExecuteDeleteAsync(ct) == 0) return false;
        DeleteFiles([file]);
        return true;
    }

    /// <summary>An activity in the recycle bin of a client the user may edit, for the page that asks before deleting it for good.</summary>
    public Task<DeletedActivityRow?> FindDeletedAsync(int id, CancellationToken ct) =>
        Reachable(CorePermissions.EditClients).AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc != null)
            .Select(a => new DeletedActivityRow(a.Id, a.Kind, a.Subject, a.CompanyId, a.ContactId, a.DeletedAtUtc!.Value,
                db.ActivityAttachments.Count(f => f.ActivityId == a.Id)))
            .FirstOrDefaultAsync(ct);

    /// <summary>Deleted activities of clients the user may edit, newest deletion first.</summary>
    public Task<List<DeletedActivityRow>> DeletedAsync(CancellationToken ct) =>
        Reachable(CorePermissions.EditClients).AsNoTracking().Where(a => a.DeletedAtUtc != null)
            .OrderByDescending(a => a.DeletedAtUtc).Take(CompanyService.MaxPageSize)
            .Select(a => new DeletedActivityRow(a.Id, a.Kind, a.Subject, a.CompanyId, a.ContactId, a.DeletedAtUtc!.Value,
                db.ActivityAttachments.Count(f => f.ActivityId == a.Id)))
            .ToListAsync(ct);

    /// <summary>The user's planned meetings and calls from now until the end of tomorrow.</summary>
    public Task<List<Activity>> UpcomingAsync(CancellationToken ct)
    {
        var (_, endOfToday) = clock.Today();
        var until = endOfToday.AddDays(1);
        var now = clock.UtcNow.AddHours(-1);
        return db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == user.Id && a.DeletedAtUtc == null && a.DoneAtUtc == null && a.PlannedAtUtc >= now && a.PlannedAtUtc < until)
            .OrderBy(a => a.PlannedAtUtc).ToListAsync(ct);
    }

    /// <summary>Activities (deleted ones too) whose company or contact is within the user's scope for the permission.</summary>
    IQueryable<Activity> Reachable(string permission)
    {
        var visibleCompanies = db.Companies.Where(c => c.DeletedAtUtc == null).WithinScope(user, permission, c => c.OwnerId);
        var visibleContacts = db.Contacts.Where(c => c.DeletedAtUtc == null).WithinScope(user, permission, c => c.OwnerId);
        return db.Activities.Where(a => visibleCompanies.Any(c => c.Id == a.CompanyId) || visibleContacts.Any(c => c.Id == a.ContactId));
    }

    /// <summary>Deletes the files of rows already deleted; one that cannot be deleted now is left to <see cref="AttachmentSweep"/>.</summary>
    void DeleteFiles(IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames) files.Delete(name);
    }

    async Task<FileRefusal?> CheckFilesAsync(IReadOnlyList<IFormFile> uploads, CancellationToken ct)
    {
        foreach (var upload in uploads)
            if (await files.CheckAsync(upload, ct) is { } refusal) return new FileRefusal(refusal.Key, refusal.Argument);
        return null;
    }

    async Task<List<AttachmentRow>> StoreAsync(int activityId, IReadOnlyList<IFormFile> uploads, CancellationToken ct)
    {
        var stored = new List<ActivityAttachment>();
        try
        {
            foreach (var upload in uploads)
            {
                var name = Path.GetFileName(upload.FileName);
                stored.Add(new ActivityAttachment
                {
                    ActivityId = activityId, FileName = name.Length > 255 ? name[^255..] : name, StoredName = await files.StoreAsync(upload, ct),
                    SizeBytes = upload.Length, UploadedById = user.Id!, CreatedAtUtc = clock.UtcNow,
                });
            }
            db.ActivityAttachments.AddRange(stored);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var file in stored) files.Delete(file.StoredName);
            throw;
        }
        return stored.Select(f => new AttachmentRow(f.Id, f.ActivityId, f.FileName, f.SizeBytes)).ToList();
    }
}

/// <summary>Why an uploaded file was refused: a text key and its argument (the file's name or the size limit in MB).</summary>
public sealed record FileRefusal(string Key, object Argument);
