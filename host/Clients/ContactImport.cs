using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Imports contacts from CSV or XLSX: columns mapped to fields, every row validated as the form would, duplicates (the
/// same email or phone in any format, in the file or already in the base) refused, and nothing added unless every row
/// is valid. The base is asked about duplicates in batches and the rows go in with bulk inserts: no query per row.
/// </summary>
public sealed class ContactImport(ContactService contacts, CustomFieldService customFields, IStringLocalizer<HostText> text)
    : ClientImport(customFields, text)
{
    public override ClientKind Kind => ClientKind.Contact;
    public override IReadOnlyList<string> Fields { get; } = ["firstName", "lastName", "position", "phone", "email", "messenger", "birthday", "notes", "tags"];
    protected override string LabelPrefix => "Contact.";

    public override async Task<ImportResult> RunAsync(ImportTable table, IReadOnlyDictionary<string, int> mapping, bool commit, CancellationToken ct)
    {
        if (Refused(table, mapping, "firstName", "ContactImport.NameNotMapped") is { } refused) return refused;
        var errors = new List<ImportRowError>();
        string? Cell(string[] row, string field) => ClientImport.Cell(mapping, row, field);
        var custom = await MappedCustomFieldsAsync(mapping, ct);
        var emails = table.Rows.Select(r => Cell(r, "email")?.ToLowerInvariant()).ToList();
        var phones = table.Rows.Select(r => PhoneNumbers.Key(Cell(r, "phone"))).ToList();
        var (existingEmails, existingPhones) = await contacts.ExistingAsync(emails.OfType<string>(), phones.OfType<string>(), ct);
        var seenEmails = new HashSet<string>();
        var seenPhones = new HashSet<string>();
        var inputs = new List<ContactInput>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var rowNumber = i + 2;
            DateOnly? birthday = null;
            if (Cell(row, "birthday") is { } typed && (birthday = CustomFieldValues.ParseDate(typed)) == null)
                errors.Add(new ImportRowError(rowNumber, "birthday", Text["Contact.BirthdayInvalid"]));
            var input = new ContactInput(Cell(row, "firstName"), Cell(row, "lastName"), Cell(row, "position"), Cell(row, "phone"), Cell(row, "email"),
                Cell(row, "messenger"), birthday, Cell(row, "notes"), CustomFields: CustomCells(mapping, row, custom),
                Tags: TagService.Parse(Cell(row, "tags")));
            foreach (var (field, key) in await contacts.ValidateAsync(input, isNew: true, ct))
                errors.Add(new ImportRowError(rowNumber, field, Text[key]));
            if (emails[i] is { } email && (existingEmails.Contains(email) || !seenEmails.Add(email)))
                errors.Add(new ImportRowError(rowNumber, "email", Text["ContactImport.DuplicateEmail"]));
            if (phones[i] is { } phone && (existingPhones.Contains(phone) || !seenPhones.Add(phone)))
                errors.Add(new ImportRowError(rowNumber, "phone", Text["ContactImport.DuplicatePhone"]));
            inputs.Add(input);
        }
        if (errors.Count > 0 || !commit) return new ImportResult(table.Rows.Count, 0, errors);
        return new ImportResult(table.Rows.Count, await contacts.AddAllAsync(inputs, ct), []);
    }
}
