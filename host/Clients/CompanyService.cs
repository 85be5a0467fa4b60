using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>A company as the list shows it.</summary>
public sealed record CompanyRow(int Id, string Name, string? TaxNumber, string? Industry, string? Territory, CompanyStatus Status,
    string OwnerId, string OwnerName);

/// <summary>What the list is filtered by, and where the page starts (after the last row of the previous page).</summary>
public sealed record CompanyFilter(CompanyStatus? Status = null, string? OwnerId = null, string? Search = null,
    string? AfterName = null, int? AfterId = null, int Limit = 50, string? Industry = null, string? Territory = null, int? NoContactDays = null,
    IReadOnlyList<CustomFieldCondition>? Custom = null, IReadOnlyList<string>? Tags = null)
{
    /// <summary>
    /// The longest "no contact for N days" a list can ask: a century covers every real client, and a larger N would move
    /// the cutoff before the first representable date.
    /// </summary>
    public const int MaxNoContactDays = 36_500;

    /// <summary>The filters that cannot be applied, as field errors (API names).</summary>
    public IReadOnlyDictionary<string, string> Errors() => NoContactDays is > MaxNoContactDays
        ? new Dictionary<string, string> { ["noContactDays"] = "Company.NoContactDaysTooMany" }
        : new Dictionary<string, string>();
}

/// <summary>One page of the list; <see cref="NextName"/> and <see cref="NextId"/> start the next page, null on the last.</summary>
public sealed record CompanyPage(IReadOnlyList<CompanyRow> Rows, string? NextName, int? NextId);

/// <summary>What a person types into the company form or sends to the API.</summary>
public sealed record CompanyInput(
    string? Name, string? LegalName = null, string? TaxNumber = null, string? Industry = null, string? Territory = null,
    string? Phone = null, string? Email = null, string? Website = null, string? Address = null,
    CompanyStatus Status = CompanyStatus.Prospect, string? LossReason = null, string? OwnerId = null, int? ParentId = null,
    int? Version = null, IReadOnlyDictionary<string, object?>? CustomFields = null, IReadOnlyList<string>? Tags = null);

/// <summary>The outcome of saving a client record: its id and version, field errors as text keys, a refused file, or a conflict.</summary>
public sealed record ClientSaveResult(int? Id, int? Version, IReadOnlyDictionary<string, string> Errors, bool NotFound = false, bool Conflict = false,
    FileRefusal? Refused = null)
{
    public bool Succeeded => Id != null && Errors.Count == 0 && !NotFound && !Conflict && Refused == null;
}

/// <summary>
/// Companies within the current user's record scope: every list, card and change goes through here, so the scope is
/// applied in the query itself. Lists page by keyset on (name, id), which stays fast on deep pages.
/// </summary>
public sealed class CompanyService(CoreDbContext db, CurrentUser user, CustomFieldValues customValues, TagService tags)
{
    public const int MaxPageSize = 200;

    IQueryable<Company> Visible(string permission) =>
        db.Companies.Where(c => c.DeletedAtUtc == null).WithinScope(user, permission, c => c.OwnerId);

    /// <summary>The companies the list shows for a filter (before paging), within the user's scope; exports use the same.</summary>
    public IQueryable<Company> Filtered(CompanyFilter filter)
    {
        var query = Visible(CorePermissions.ViewClients).AsNoTracking();
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (Clean(filter.OwnerId) is { } owner) query = query.Where(c => c.OwnerId == owner);
        if (Clean(filter.Industry) is { } industry) query = query.Where(c => c.Industry == industry);
        if (Clean(filter.Territory) is { } territory) query = query.Where(c => c.Territory == territory);
        if (Clean(filter.Search) is { } search) query = query.Where(c => c.Name.StartsWith(search) || c.TaxNumber == search);
        if (filter.NoContactDays is > 0 and <= CompanyFilter.MaxNoContactDays and var days)
        {
            var cutoff = DateTime.UtcNow.AddDays(-days);
            query = query.Where(c => c.LastContactAtUtc == null || c.LastContactAtUtc < cutoff);
        }
        foreach (var tag in filter.Tags ?? [])
        {
            var tagged = tags.Tagged(ClientKind.Company, tag);
            query = query.Where(c => tagged.Contains(c.Id));
        }
        return query.WhereCustom(db, filter.Custom, c => c.Id);
    }

    public async Task<CompanyPage> ListAsync(CompanyFilter filter, CancellationToken ct)
    {
        var limit = Math.Clamp(filter.Limit, 1, MaxPageSize);
        var query = Filtered(filter);
        if (filter.AfterName != null && filter.AfterId is { } afterId)
            query = query.Where(c => c.Name.CompareTo(filter.AfterName) > 0 || (c.Name == filter.AfterName && c.Id > afterId));
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(limit + 1)
            .Select(c => new CompanyRow(c.Id, c.Name, c.TaxNumber, c.Industry, c.Territory, c.Status, c.OwnerId,
                db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        if (rows.Count <= limit) return new CompanyPage(rows, null, null);
        rows.RemoveAt(limit);
        return new CompanyPage(rows, rows[^1].Name, rows[^1].Id);
    }

    public Task<Company?> FindAsync(int id, CancellationToken ct) =>
        Visible(CorePermissions.ViewClients).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<ClientSaveResult> CreateAsync(CompanyInput input, CancellationToken ct) =>
        SaveAsync(new Company { OwnerId = user.Id!, CreatedAtUtc = DateTime.UtcNow }, input, isNew: true, ct);

    public async Task<ClientSaveResult> UpdateAsync(int id, CompanyInput input, CancellationToken ct)
    {
        var company = await Visible(CorePermissions.EditClients).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (company == null) return new ClientSaveResult(null, null, new Dictionary<string, string>(), NotFound: true);
        // Without the version it was read at, a change could overwrite someone else's unseen: the caller must send it.
        if (input.Version == null) return new ClientSaveResult(null, null, new Dictionary<string, string> { ["version"] = "Client.VersionRequired" });
        if (input.Version != company.Version) return new ClientSaveResult(id, company.Version, new Dictionary<string, string>(), Conflict: true);
        return await SaveAsync(company, input, isNew: false, ct);
    }

    /// <summary>Moves the company to the recycle bin; false if the user cannot reach it.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var company = await Visible(CorePermissions.EditClients).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (company == null) return false;
        company.DeletedAtUtc = DateTime.UtcNow;
        company.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether the user may change the company (and so log calls and set tasks on it).</summary>
    public Task<bool> CanEditAsync(int id, CancellationToken ct) => Visible(CorePermissions.EditClients).AnyAsync(c => c.Id == id, ct);

    /// <summary>Which of these companies the user may see.</summary>
    public async Task<HashSet<int>> VisibleIdsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return (await Visible(CorePermissions.ViewClients).Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The user's deleted companies, newest deletion first, for the recycle bin.</summary>
    public Task<List<CompanyRow>> DeletedAsync(CancellationToken ct) =>
        db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc != null)
            .WithinScope(user, CorePermissions.EditClients, c => c.OwnerId)
            .OrderByDescending(c => c.DeletedAtUtc).Take(MaxPageSize)
            .Select(c => new CompanyRow(c.Id, c.Name, c.TaxNumber, c.Industry, c.Territory, c.Status, c.OwnerId, ""))
            .ToListAsync(ct);

    /// <summary>Takes a company out of the recycle bin; false if there is no such deleted company in the user's scope.</summary>
    public async Task<bool> RestoreAsync(int id, CancellationToken ct)
    {
        var company = await db.Companies.Where(c => c.DeletedAtUtc != null && c.Id == id)
            .WithinScope(user, CorePermissions.EditClients, c => c.OwnerId).FirstOrDefaultAsync(ct);
        if (company == null) return false;
        company.DeletedAtUtc = null;
        company.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The subsidiaries of a company that the user may see.</summary>
    public Task<List<CompanyRow>> SubsidiariesAsync(int id, CancellationToken ct) =>
        Visible(CorePermissions.ViewClients).AsNoTracking().Where(c => c.ParentId == id).OrderBy(c => c.Name)
            .Select(c => new CompanyRow(c.Id, c.Name, c.TaxNumber, c.Industry, c.Territory, c.Status, c.OwnerId, ""))
            .ToListAsync(ct);

    static readonly string[] ImportColumns =
    [
        "Id", "Name", "NameKey", "LegalName", "TaxNumber", "Industry", "Territory", "Phone", "PhoneKey", "Email", "Website", "Address",
        "Status", "OwnerId", "CreatedAtUtc", "UpdatedAtUtc", "Version",
    ];

    /// <summary>
    /// Adds many valid companies (an import), owned by the current user, in one transaction: all or none. Rows go in with
    /// multi-row inserts past the change tracker, and the audit gets one "Imported" row per company rather than one per
    /// field: it still says who brought each record in and when, and 100k companies take seconds instead of minutes
    /// (2.7k rows/s through SaveChanges, bench/RESULTS.md).
    /// </summary>
    public async Task<int> AddAllAsync(IReadOnlyList<CompanyInput> inputs, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Ids are given here so that values and audit rows can refer to them; the block keeps parallel imports apart.
        await using var ids = await IdBlock.TakeAsync(db, "core_companies", ct);
        var firstId = ids.First;
        await BulkInsert.RunAsync(db, "core_companies", ImportColumns, inputs.Select((c, i) => new object?[]
        {
            firstId + i, c.Name!.Trim(), CompanyNames.Key(c.Name!), Clean(c.LegalName), Clean(c.TaxNumber), Clean(c.Industry), Clean(c.Territory),
            Clean(c.Phone), PhoneNumbers.Key(c.Phone), Clean(c.Email)?.ToLowerInvariant(), Clean(c.Website), Clean(c.Address),
            (int)c.Status, user.Id!, now, now, 1,
        }), ct);
        await customValues.AddAllAsync(ClientKind.Company, inputs.Select((c, i) => (firstId + i, c.CustomFields)).ToList(), ct);
        await tags.AddAllAsync(ClientKind.Company, inputs.Select((c, i) => (firstId + i, c.Tags)).ToList(), ct);
        await BulkInsert.RunAsync(db, "core_audit", ["AtUtc", "UserId", "UserName", "Entity", "EntityId", "Action", "Field", "OldValue", "NewValue"],
            inputs.Select((c, i) => new object?[]
            {
                now, user.Id, user.Name, "core_companies", (firstId + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (int)Crm.Sdk.Auditing.AuditAction.Insert, "Imported", null, c.Name!.Trim(),
            }), ct);
        await transaction.CommitAsync(ct);
        return inputs.Count;
    }

    /// <summary>Which of these tax numbers already belong to a company (anyone's: a duplicate is a duplicate).</summary>
    public async Task<HashSet<string>> ExistingTaxNumbersAsync(IEnumerable<string> taxNumbers, CancellationToken ct)
    {
        var wanted = taxNumbers.Distinct().ToList();
        var found = new HashSet<string>();
        // Deleted companies are left out here, not in SQL, so that SQLite looks each number up in IX_core_companies_TaxNumber
        // instead of walking an index that starts with DeletedAtUtc (see ContactService.ExistingAsync).
        foreach (var chunk in wanted.Chunk(500))
            found.UnionWith((await db.Companies.Where(c => chunk.Contains(c.TaxNumber!)).Select(c => new { c.TaxNumber, c.DeletedAtUtc }).ToListAsync(ct))
                .Where(c => c.DeletedAtUtc == null).Select(c => c.TaxNumber!));
        return found;
    }

    async Task<ClientSaveResult> SaveAsync(Company company, CompanyInput input, bool isNew, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, company.Id, ct);
        if (errors.Count > 0) return new ClientSaveResult(null, null, errors);

        company.Name = input.Name!.Trim();
        company.NameKey = CompanyNames.Key(company.Name);
        company.PhoneKey = PhoneNumbers.Key(input.Phone);
        company.LegalName = Clean(input.LegalName);
        company.TaxNumber = Clean(input.TaxNumber);
        company.Industry = Clean(input.Industry);
        company.Territory = Clean(input.Territory);
        company.Phone = Clean(input.Phone);
        company.Email = Clean(input.Email)?.ToLowerInvariant();
        company.Website = Clean(input.Website);
        company.Address = Clean(input.Address);
        company.Status = input.Status;
        company.LossReason = input.Status is CompanyStatus.Lost or CompanyStatus.Inactive ? Clean(input.LossReason) : null;
        if (Clean(input.OwnerId) is { } owner) company.OwnerId = owner;
        company.ParentId = input.ParentId;
        company.UpdatedAtUtc = DateTime.UtcNow;
        company.Version++;
        if (isNew) db.Companies.Add(company);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await customValues.SaveAsync(ClientKind.Company, company.Id, input.CustomFields, ct);
            await tags.SaveAsync(ClientKind.Company, company.Id, input.Tags, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClientSaveResult(company.Id, null, new Dictionary<string, string>(), Conflict: true);
        }
        return new ClientSaveResult(company.Id, company.Version, new Dictionary<string, string>());
    }

    /// <summary>Field errors as text keys, which pages and the API show in the user's language.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(CompanyInput input, int id, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("name", input.Name, "Company.NameRequired").MaxLength("name", input.Name, 300)
            .MaxLength("legalName", input.LegalName, 300).MaxLength("taxNumber", input.TaxNumber, 32)
            .MaxLength("industry", input.Industry, 100).MaxLength("territory", input.Territory, 100)
            .MaxLength("phone", input.Phone, 64).MaxLength("website", input.Website, 300)
            .MaxLength("address", input.Address, 500).MaxLength("lossReason", input.LossReason, 300)
            .Email("email", input.Email);
        if (Clean(input.TaxNumber) is { } tax && !tax.All(char.IsAsciiDigit)) errors.Add("taxNumber", "Company.TaxNumberDigits");
        if (!Enum.IsDefined(input.Status)) errors.Add("status", "Company.StatusUnknown");
        if (input.Status == CompanyStatus.Lost && Clean(input.LossReason) == null) errors.Add("lossReason", "Company.LossReasonRequired");
        if (Clean(input.OwnerId) is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.IsActive, ct))
            errors.Add("ownerId", "Client.OwnerUnknown");
        if (input.ParentId is { } parent && (parent == id || await FindAsync(parent, ct) == null))
            errors.Add("parentId", "Company.ParentUnknown");
        await customValues.Validate(ClientKind.Company, input.CustomFields, isNew: id == 0, errors, ct);
        TagService.Validate(input.Tags, errors);
        return errors.All;
    }

    static string? Clean(string? value) => FieldErrors.Clean(value);
}
