using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Writes the contacts list as filtered, with custom fields as extra columns, streaming from one query within the
/// user's scope: an export never shows more than the list does.
/// </summary>
public sealed class ContactExport(CoreDbContext db, ContactService contacts, CustomFieldService fields, CustomFieldValues values,
    TagService tags, IStringLocalizer<HostText> text)
{
    public async Task WriteAsync(ContactFilter filter, ExportFormat format, Stream output, CancellationToken ct)
    {
        var filtered = contacts.Filtered(filter);
        var custom = await fields.ForAsync(ClientKind.Contact, ct);
        var customValues = await values.ForRecordsAsync(ClientKind.Contact, filtered.Select(c => c.Id), ct);
        var tagged = await tags.ForRecordsAsync(ClientKind.Contact, filtered.Select(c => c.Id), ct);
        string[] headers =
        [
            text["Contact.FirstName"], text["Contact.LastName"], text["Contact.Position"], text["Contact.Phone"], text["Contact.Email"],
            text["Contact.Messenger"], text["Contact.Birthday"], text["Company.Owner"], text["Contact.Tags"], .. custom.Select(f => f.Label),
        ];
        var rows = filtered.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).Select(c => new
        {
            c.Id, c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.Messenger, c.Birthday,
            Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        }).AsAsyncEnumerable().Select(r => new object?[]
        {
            r.FirstName, r.LastName, r.Position, r.Phone, r.Email, r.Messenger, r.Birthday?.ToString("d", System.Globalization.CultureInfo.CurrentCulture), r.Owner,
            TagService.Join(tagged.GetValueOrDefault(r.Id) ?? []),
        }.Concat(custom.Select(f => TableExport.Cell(values, f, customValues.GetValueOrDefault(r.Id)))).ToArray());
        await TableExport.WriteAsync(headers, rows, format, output, ct);
    }
}
