using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>A contact as the list shows it.</summary>
public sealed record ContactRow(int Id, string FirstName, string LastName, string? Position, string? Phone, string? Email, string OwnerId);

/// <summary>A contact's place at a company, as sent and shown.</summary>
public sealed record ContactPlace(int CompanyId, DecisionRole Role = DecisionRole.Other, int Influence = 50, string? CompanyName = null);

public sealed record ContactFilter(string? Search = null, int? CompanyId = null, string? AfterLastName = null, string? AfterFirstName = null,
    int? AfterId = null, int Limit = 50, IReadOnlyList<CustomFieldCondition>? Custom = null, IReadOnlyList<string>? Tags = null);

public sealed record ContactPage(IReadOnlyList<ContactRow> Rows, string? NextLastName, string? NextFirstName, int? NextId);

public sealed record ContactInput(
    string? FirstName, string? LastName = null, string? Position = null, string? Phone = null, string? Email = null,
    string? Messenger = null, DateOnly? Birthday = null, string? Notes = null, bool MarketingConsent = false, string? ConsentSource = null,
    IReadOnlyList<ContactPlace>? Companies = null, string? OwnerId = null, int? Version = null,
    IReadOnlyDictionary<string, object?>? CustomFields = null, IReadOnlyList<string>? Tags = null);

/// <summary>A person on a company's card.</summary>
public sealed record ContactAtCompany(int Id, string Name, string? Position, string? Phone, DecisionRole Role, int Influence);

/// <summary>A contact with the companies (within the user's scope) where they work.</summary>
public sealed record ContactDetails(Contact Contact, IReadOnlyList<ContactPlace> Companies);

/// <summary>Contacts within the current user's record scope, listed by last and first name with keyset paging.</summary>
public sealed class ContactService(CoreDbContext db, CurrentUser user, CompanyService companies, CustomFieldValues customValues, TagService tags)
{
    IQueryable<Contact> Visible(string permission) =>
        db.Contacts.Where(c => c.DeletedAtUtc == null).WithinScope(user, permission, c => c.OwnerId);

    /// <summary>The contacts the list shows for a filter (before paging), within the user's scope; exports use the same.</summary>
    public IQueryable<Contact> Filtered(ContactFilter filter)
    {
        var query = Visible(CorePermissions.ViewClients).AsNoTracking();
        if (filter.CompanyId is { } companyId) query = query.Where(c => db.ContactCompanies.Any(l => l.ContactId == c.Id && l.CompanyId == companyId));
        if (FieldErrors.Clean(filter.Search) is { } search)
        {
            var phone = PhoneNumbers.Key(search);
            var email = search.ToLowerInvariant();
            query = query.Where(c => c.LastName.StartsWith(search) || c.FirstName.StartsWith(search) || c.Email == email ||
                                     (phone != null && c.PhoneKey == phone));
        }
        foreach (var tag in filter.Tags ?? [])
        {
            var tagged = tags.Tagged(ClientKind.Contact, tag);
            query = query.Where(c => tagged.Contains(c.Id));
        }
        return query.WhereCustom(db, filter.Custom, c => c.Id);
    }

    public async Task<ContactPage> ListAsync(ContactFilter filter, CancellationToken ct)
    {
        var limit = Math.Clamp(filter.Limit, 1, CompanyService.MaxPageSize);
        var query = Filtered(filter);
        if (filter is { AfterLastName: { } afterLast, AfterFirstName: { } afterFirst, AfterId: { } afterId })
            query = query.Where(c => c.LastName.CompareTo(afterLast) > 0 ||
                                     (c.LastName == afterLast && (c.FirstName.CompareTo(afterFirst) > 0 || (c.FirstName == afterFirst && c.Id > afterId))));
        var rows = await query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).Take(limit + 1)
            .Select(c => new ContactRow(c.Id, c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.OwnerId)).ToListAsync(ct);
        if (rows.Count <= limit) return new ContactPage(rows, null, null, null);
        rows.RemoveAt(limit);
        return new ContactPage(rows, rows[^1].LastName, rows[^1].FirstName, rows[^1].Id);
    }

    public async Task<ContactDetails?> FindAsync(int id, CancellationToken ct)
    {
        var contact = await Visible(CorePermissions.ViewClients).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact == null) return null;
        var places = await (from l in db.ContactCompanies
                            join co in db.Companies.Where(c => c.DeletedAtUtc == null).WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId)
                                on l.CompanyId equals co.Id
                            where l.ContactId == id
                            orderby co.Name
                            select new ContactPlace(co.Id, l.Role, l.Influence, co.Name)).AsNoTracking().ToListAsync(ct);
        return new ContactDetails(contact, places);
    }

    /// <summary>The people at a company that the user may see, decision makers first.</summary>
    public async Task<List<ContactAtCompany>> AtCompanyAsync(int companyId, CancellationToken ct) =>
        await (from l in db.ContactCompanies
               join c in Visible(CorePermissions.ViewClients) on l.ContactId equals c.Id
               where l.CompanyId == companyId
               orderby l.Role, l.Influence descending, c.LastName
               select new ContactAtCompany(c.Id, c.FirstName + " " + c.LastName, c.Position, c.Phone, l.Role, l.Influence))
            .AsNoTracking().ToListAsync(ct);

    public Task<ClientSaveResult> CreateAsync(ContactInput input, CancellationToken ct) =>
        SaveAsync(new Contact { OwnerId = user.Id!, CreatedAtUtc = DateTime.UtcNow }, input, isNew: true, ct);

    public async Task<ClientSaveResult> UpdateAsync(int id, ContactInput input, CancellationToken ct)
    {
        var contact = await Visible(CorePermissions.EditClients).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact == null) return new ClientSaveResult(null, null, new Dictionary<string, string>(), NotFound: true);
        // Without the version it was read at, a change could overwrite someone else's unseen: the caller must send it.
        if (input.Version == null) return new ClientSaveResult(null, null, new Dictionary<string, string> { ["version"] = "Client.VersionRequired" });
        if (input.Version != contact.Version) return new ClientSaveResult(id, contact.Version, new Dictionary<string, string>(), Conflict: true);
        return await SaveAsync(contact, input, isNew: false, ct);
    }

    /// <summary>Whether the user may change the contact.</summary>
    public Task<bool> CanEditAsync(int id, CancellationToken ct) => Visible(CorePermissions.EditClients).AnyAsync(c => c.Id == id, ct);

    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var contact = await Visible(CorePermissions.EditClients).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact == null) return false;
        contact.DeletedAtUtc = DateTime.UtcNow;
        contact.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The user's deleted contacts, newest deletion first, for the recycle bin.</summary>
    public Task<List<ContactRow>> DeletedAsync(CancellationToken ct) =>
        db.Contacts.AsNoTracking().Where(c => c.DeletedAtUtc != null)
            .WithinScope(user, CorePermissions.EditClients, c => c.OwnerId)
            .OrderByDescending(c => c.DeletedAtUtc).Take(CompanyService.MaxPageSize)
            .Select(c => new ContactRow(c.Id, c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.OwnerId))
            .ToListAsync(ct);

    /// <summary>Takes a contact out of the recycle bin; false if there is no such deleted contact in the user's scope.</summary>
    public async Task<bool> RestoreAsync(int id, CancellationToken ct)
    {
        var contact = await db.Contacts.Where(c => c.DeletedAtUtc != null && c.Id == id)
            .WithinScope(user, CorePermissions.EditClients, c => c.OwnerId).FirstOrDefaultAsync(ct);
        if (contact == null) return false;
        contact.DeletedAtUtc = null;
        contact.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    static readonly string[] ImportColumns =
    [
        "Id", "FirstName", "LastName", "NameKey", "FirstNameKey", "LastNameKey", "Position", "Phone", "PhoneKey", "Email", "Messenger", "Birthday", "Notes", "MarketingConsent",
        "OwnerId", "CreatedAtUtc", "UpdatedAtUtc", "Version",
    ];

    /// <summary>
    /// Adds many valid contacts (an import), owned by the current user, in one transaction: all or none. Rows go in
    /// with multi-row inserts, and the audit gets one "Imported" row per contact, so that 100k contacts take seconds.
    /// </summary>
    public async Task<int> AddAllAsync(IReadOnlyList<ContactInput> inputs, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Ids are given here so that values and audit rows can refer to them; the block keeps parallel imports apart.
        await using var ids = await IdBlock.TakeAsync(db, "core_contacts", ct);
        var firstId = ids.First;
        await BulkInsert.RunAsync(db, "core_contacts", ImportColumns, inputs.Select((c, i) =>
        {
            var names = new Contact { FirstName = c.FirstName!.Trim(), LastName = FieldErrors.Clean(c.LastName) ?? "" };
            ContactNames.SetKeys(names);
            return new object?[]
            {
                firstId + i, names.FirstName, names.LastName, names.NameKey, names.FirstNameKey, names.LastNameKey,
                FieldErrors.Clean(c.Position), FieldErrors.Clean(c.Phone),
                PhoneNumbers.Key(c.Phone), FieldErrors.Clean(c.Email)?.ToLowerInvariant(), FieldErrors.Clean(c.Messenger), c.Birthday,
                FieldErrors.Clean(c.Notes), false, user.Id!, now, now, 1,
            };
        }), ct);
        var values = await customValues.ParseAllAsync(ClientKind.Contact, inputs.Select((c, i) => (firstId + i, c.CustomFields)), ct);
        await BulkInsert.RunAsync(db, "core_custom_values", ["FieldId", "RecordId", "Text", "Number", "Date"],
            values.Select(v => new object?[] { v.FieldId, v.RecordId, v.Text, v.Number, v.Date }), ct);
        await tags.AddAllAsync(ClientKind.Contact, inputs.Select((c, i) => (firstId + i, c.Tags)).ToList(), ct);
        await BulkInsert.RunAsync(db, "core_audit", ["AtUtc", "UserId", "UserName", "Entity", "EntityId", "Action", "Field", "OldValue", "NewValue"],
            inputs.Select((c, i) => new object?[]
            {
                now, user.Id, user.Name, "core_contacts", (firstId + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (int)Crm.Sdk.Auditing.AuditAction.Insert, "Imported", null,
                FieldErrors.Clean(c.LastName) is { } last ? $"{c.FirstName!.Trim()} {last}" : c.FirstName!.Trim(),
            }), ct);
        await transaction.CommitAsync(ct);
        return inputs.Count;
    }

    /// <summary>Which of these emails (lower case) and phone keys already belong to a contact (anyone's: a duplicate is a duplicate).</summary>
    public async Task<(HashSet<string> Emails, HashSet<string> PhoneKeys)> ExistingAsync(IEnumerable<string> emails, IEnumerable<string> phoneKeys,
        CancellationToken ct)
    {
        // Deleted contacts are left out here, not in SQL: with "DeletedAtUtc IS NULL" in the query SQLite's planner walks an
        // index that starts with DeletedAtUtc past every contact instead of looking each value up in IX_core_contacts_Email or
        // _PhoneKey (a whole-table read per chunk: 313 rows/s at 200k contacts, bench/RESULTS.md).
        var foundEmails = new HashSet<string>();
        foreach (var chunk in emails.Distinct().Chunk(500))
            foundEmails.UnionWith((await db.Contacts.Where(c => chunk.Contains(c.Email!)).Select(c => new { c.Email, c.DeletedAtUtc }).ToListAsync(ct))
                .Where(c => c.DeletedAtUtc == null).Select(c => c.Email!));
        var foundPhones = new HashSet<string>();
        foreach (var chunk in phoneKeys.Distinct().Chunk(500))
            foundPhones.UnionWith((await db.Contacts.Where(c => chunk.Contains(c.PhoneKey!)).Select(c => new { c.PhoneKey, c.DeletedAtUtc }).ToListAsync(ct))
                .Where(c => c.DeletedAtUtc == null).Select(c => c.PhoneKey!));
        return (foundEmails, foundPhones);
    }

    async Task<ClientSaveResult> SaveAsync(Contact contact, ContactInput input, bool isNew, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, isNew, ct);
        if (errors.Count > 0) return new ClientSaveResult(null, null, errors);

        contact.FirstName = input.FirstName!.Trim();
        contact.LastName = FieldErrors.Clean(input.LastName) ?? "";
        ContactNames.SetKeys(contact);
        contact.Position = FieldErrors.Clean(input.Position);
        contact.Phone = FieldErrors.Clean(input.Phone);
        contact.PhoneKey = PhoneNumbers.Key(input.Phone);
        contact.Email = FieldErrors.Clean(input.Email)?.ToLowerInvariant();
        contact.Messenger = FieldErrors.Clean(input.Messenger);
        contact.Birthday = input.Birthday;
        contact.Notes = FieldErrors.Clean(input.Notes);
        if (input.MarketingConsent && !contact.MarketingConsent) contact.ConsentAtUtc = DateTime.UtcNow;
        if (!input.MarketingConsent) contact.ConsentAtUtc = null;
        contact.MarketingConsent = input.MarketingConsent;
        contact.ConsentSource = input.MarketingConsent ? FieldErrors.Clean(input.ConsentSource) : null;
        if (FieldErrors.Clean(input.OwnerId) is { } owner) contact.OwnerId = owner;
        contact.UpdatedAtUtc = DateTime.UtcNow;
        contact.Version++;
        if (isNew) db.Contacts.Add(contact);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await customValues.SaveAsync(ClientKind.Contact, contact.Id, input.CustomFields, ct);
            await tags.SaveAsync(ClientKind.Contact, contact.Id, input.Tags, ct);
            if (input.Companies != null)
            {
                // Places at companies the user cannot see are kept as they are: nobody removes what they cannot see.
                var visible = await companies.VisibleIdsAsync(input.Companies.Select(p => p.CompanyId).Concat(
                    await db.ContactCompanies.Where(l => l.ContactId == contact.Id).Select(l => l.CompanyId).ToListAsync(ct)), ct);
                db.ContactCompanies.RemoveRange(await db.ContactCompanies
                    .Where(l => l.ContactId == contact.Id && visible.Contains(l.CompanyId)).ToListAsync(ct));
                await db.SaveChangesAsync(ct);
                foreach (var place in input.Companies.DistinctBy(p => p.CompanyId))
                    db.ContactCompanies.Add(new ContactCompany { ContactId = contact.Id, CompanyId = place.CompanyId, Role = place.Role, Influence = place.Influence });
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClientSaveResult(contact.Id, null, new Dictionary<string, string>(), Conflict: true);
        }
        return new ClientSaveResult(contact.Id, contact.Version, new Dictionary<string, string>());
    }

    /// <summary>Field errors as text keys; imports check each row with it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(ContactInput input, bool isNew, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("firstName", input.FirstName, "Contact.FirstNameRequired").MaxLength("firstName", input.FirstName, 100)
            .MaxLength("lastName", input.LastName, 100).MaxLength("position", input.Position, 200)
            .MaxLength("phone", input.Phone, 64).MaxLength("messenger", input.Messenger, 200)
            .MaxLength("notes", input.Notes, 4000).MaxLength("consentSource", input.ConsentSource, 200)
            .Email("email", input.Email);
        if (FieldErrors.Clean(input.Phone) is { } phone && PhoneNumbers.Key(phone) == null) errors.Add("phone", "Contact.PhoneInvalid");
        if (input.Birthday is { } birthday && (birthday > DateOnly.FromDateTime(DateTime.UtcNow) || birthday.Year < 1900))
            errors.Add("birthday", "Contact.BirthdayInvalid");
        if (input.MarketingConsent && FieldErrors.Clean(input.ConsentSource) == null) errors.Add("consentSource", "Contact.ConsentSourceRequired");
        if (FieldErrors.Clean(input.OwnerId) is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.IsActive, ct))
            errors.Add("ownerId", "Client.OwnerUnknown");
        if (input.Companies is { } places)
        {
            // JSON may hold a null inside the list ("companies":[null]): a place without a company is as invalid as a bad role.
            if (places.Any(p => p is null || p.Influence is < 0 or > 100 || !Enum.IsDefined(p.Role))) errors.Add("companies", "Contact.PlaceInvalid");
            var ids = places.OfType<ContactPlace>().Select(p => p.CompanyId).Distinct().ToList();
            if ((await companies.VisibleIdsAsync(ids, ct)).Count != ids.Count) errors.Add("companies", "Company.ParentUnknown");
        }
        await customValues.Validate(ClientKind.Contact, input.CustomFields, isNew, errors, ct);
        TagService.Validate(input.Tags, errors);
        return errors.All;
    }
}
