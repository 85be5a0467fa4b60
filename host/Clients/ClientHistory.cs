using System.Globalization;
using Crm.Host.Data;
using Crm.Sdk.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>One change of a client record as its card shows it, and whether it can still be reverted.</summary>
public sealed record HistoryRow(AuditRecord Change, bool CanRevert);

/// <summary>What reverting a change came to: saved (the new version), or refused with a text key, field errors or a conflict.</summary>
public sealed record RevertResult(int? Version, string? RefusedKey = null, IReadOnlyDictionary<string, string>? Errors = null,
    bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Version != null;
}

/// <summary>
/// The change history of companies and contacts from the platform audit, with user names instead of ids and without
/// technical fields, and reverting one change: the field goes back to its old value through the record's own service,
/// so the value is validated again, the revert is audited as a new change and a concurrent edit is refused.
/// </summary>
public sealed class ClientHistory(CoreDbContext db, IAuditLog audit, CompanyService companies, ContactService contacts)
{
    public const string CompanyTable = "core_companies";
    public const string ContactTable = "core_contacts";

    static readonly HashSet<string> CompanyFields =
    [
        nameof(Company.Name), nameof(Company.LegalName), nameof(Company.TaxNumber), nameof(Company.Industry), nameof(Company.Territory),
        nameof(Company.Phone), nameof(Company.Email), nameof(Company.Website), nameof(Company.Address), nameof(Company.Status),
        nameof(Company.LossReason), nameof(Company.OwnerId), nameof(Company.ParentId),
    ];

    static readonly HashSet<string> ContactFields =
    [
        nameof(Contact.FirstName), nameof(Contact.LastName), nameof(Contact.Position), nameof(Contact.Phone), nameof(Contact.Email),
        nameof(Contact.Messenger), nameof(Contact.Birthday), nameof(Contact.Notes), nameof(Contact.MarketingConsent),
        nameof(Contact.ConsentSource), nameof(Contact.OwnerId),
    ];

    /// <summary>Fields people did not type: not shown in the history.</summary>
    static readonly HashSet<string> Technical =
    [
        nameof(Company.Id), nameof(Company.Version), nameof(Company.CreatedAtUtc), nameof(Company.UpdatedAtUtc),
        nameof(Company.LastContactAtUtc), nameof(Contact.ConsentAtUtc),
    ];

    /// <summary>The history of a company or contact the caller has checked the user may see, newest first.</summary>
    public async Task<List<HistoryRow>> ForRecordAsync(string table, int id, CancellationToken ct)
    {
        var revertable = table == CompanyTable ? CompanyFields : ContactFields;
        var changes = (await audit.ForRecordAsync(table, id.ToString(CultureInfo.InvariantCulture), ct))
            .Where(h => !Technical.Contains(h.Field)).ToList();
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(string? userId) => userId == null ? null : names.GetValueOrDefault(userId, userId);
        var latest = new HashSet<string>();
        return changes.Select(h =>
            {
                var isLatest = latest.Add(h.Field); // newest first: the first row of a field is its latest change
                var row = h.Field == nameof(Company.OwnerId) ? h with { OldValue = Name(h.OldValue), NewValue = Name(h.NewValue) } : h;
                return new HistoryRow(row, isLatest && h.Action == AuditAction.Update && revertable.Contains(h.Field));
            })
            .ToList();
    }

    /// <summary>Sets the field of change <paramref name="changeId"/> back to its old value, unless it changed again since.</summary>
    public async Task<RevertResult> RevertAsync(string table, int id, long changeId, int? version, CancellationToken ct)
    {
        // The scope first: a record the user may not edit does not exist for them, whatever its history says.
        var canEdit = table == CompanyTable ? await companies.CanEditAsync(id, ct) : table == ContactTable && await contacts.CanEditAsync(id, ct);
        if (!canEdit) return new RevertResult(null, NotFound: true);
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        var change = await db.Audit.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == changeId && a.Entity == table && a.EntityId == entityId, ct);
        var fields = table == CompanyTable ? CompanyFields : table == ContactTable ? ContactFields : [];
        if (change == null || !fields.Contains(change.Field)) return new RevertResult(null, NotFound: true);
        if (change.Action != AuditAction.Update) return new RevertResult(null, "History.NotRevertable");
        if (await db.Audit.AnyAsync(a => a.Entity == table && a.EntityId == entityId && a.Field == change.Field && a.Id > changeId, ct))
            return new RevertResult(null, "History.ChangedSince");

        var result = table == CompanyTable
            ? await RevertCompanyAsync(id, change.Field, change.OldValue, change.NewValue, version, ct)
            : await RevertContactAsync(id, change.Field, change.OldValue, change.NewValue, version, ct);
        return result;
    }

    async Task<RevertResult> RevertCompanyAsync(int id, string field, string? old, string? expected, int? version, CancellationToken ct)
    {
        if (await companies.FindAsync(id, ct) is not { } c) return new RevertResult(null, NotFound: true);
        if (Current(c, field) != expected) return new RevertResult(null, "History.ChangedSince");
        var input = new CompanyInput(c.Name, c.LegalName, c.TaxNumber, c.Industry, c.Territory, c.Phone, c.Email, c.Website, c.Address,
            c.Status, c.LossReason, c.OwnerId, c.ParentId, version ?? c.Version);
        input = field switch
        {
            nameof(Company.Name) => input with { Name = old },
            nameof(Company.LegalName) => input with { LegalName = old },
            nameof(Company.TaxNumber) => input with { TaxNumber = old },
            nameof(Company.Industry) => input with { Industry = old },
            nameof(Company.Territory) => input with { Territory = old },
            nameof(Company.Phone) => input with { Phone = old },
            nameof(Company.Email) => input with { Email = old },
            nameof(Company.Website) => input with { Website = old },
            nameof(Company.Address) => input with { Address = old },
            nameof(Company.Status) => input with { Status = Enum.TryParse<CompanyStatus>(old, out var status) ? status : (CompanyStatus)(-1) },
            nameof(Company.LossReason) => input with { LossReason = old },
            nameof(Company.OwnerId) => input with { OwnerId = old ?? "" },
            _ => input with { ParentId = int.TryParse(old, CultureInfo.InvariantCulture, out var parent) ? parent : null },
        };
        return Outcome(await companies.UpdateAsync(id, input, ct));
    }

    async Task<RevertResult> RevertContactAsync(int id, string field, string? old, string? expected, int? version, CancellationToken ct)
    {
        if (await contacts.FindAsync(id, ct) is not { Contact: var c }) return new RevertResult(null, NotFound: true);
        if (Current(c, field) != expected) return new RevertResult(null, "History.ChangedSince");
        var input = new ContactInput(c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.Messenger, c.Birthday, c.Notes,
            c.MarketingConsent, c.ConsentSource, Companies: null, c.OwnerId, version ?? c.Version);
        input = field switch
        {
            nameof(Contact.FirstName) => input with { FirstName = old },
            nameof(Contact.LastName) => input with { LastName = old },
            nameof(Contact.Position) => input with { Position = old },
            nameof(Contact.Phone) => input with { Phone = old },
            nameof(Contact.Email) => input with { Email = old },
            nameof(Contact.Messenger) => input with { Messenger = old },
            nameof(Contact.Birthday) => input with { Birthday = old == null ? null : DateOnly.Parse(old, CultureInfo.InvariantCulture) },
            nameof(Contact.Notes) => input with { Notes = old },
            nameof(Contact.MarketingConsent) => input with { MarketingConsent = bool.TryParse(old, out var consent) && consent },
            nameof(Contact.ConsentSource) => input with { ConsentSource = old },
            _ => input with { OwnerId = old ?? "" },
        };
        return Outcome(await contacts.UpdateAsync(id, input, ct));
    }

    static RevertResult Outcome(ClientSaveResult saved) =>
        saved.NotFound ? new RevertResult(null, NotFound: true)
        : saved.Conflict ? new RevertResult(null, Conflict: true)
        : saved.Errors.Count > 0 ? new RevertResult(null, "History.NoLongerValid", saved.Errors)
        : new RevertResult(saved.Version);

    /// <summary>The field's value as the audit writes it, to see whether it is still what the change made it.</summary>
    static string? Current(object record, string field) =>
        record.GetType().GetProperty(field)?.GetValue(record) switch
        {
            null => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString(),
        };
}

/// <summary>What the history table on a card needs: the rows, the text prefix of field names, and whether the user may revert.</summary>
public sealed record HistoryView(IReadOnlyList<HistoryRow> Rows, string FieldPrefix, bool CanRevert, int Version);
