using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Writes the companies list as filtered, with custom fields as extra columns, streaming from one query within the
/// user's scope: an export never shows more than the list does.
/// </summary>
public sealed class CompanyExport(CoreDbContext db, CompanyService companies, CustomFieldService fields, CustomFieldValues values,
    TagService tags, IStringLocalizer<HostText> text)
{
    public async Task WriteAsync(CompanyFilter filter, ExportFormat format, Stream output, CancellationToken ct)
    {
        var filtered = companies.Filtered(filter);
        var custom = await fields.ForAsync(ClientKind.Company, ct);
        var customValues = await values.ForRecordsAsync(ClientKind.Company, filtered.Select(c => c.Id), ct);
        var tagged = await tags.ForRecordsAsync(ClientKind.Company, filtered.Select(c => c.Id), ct);
        var statuses = Enum.GetValues<CompanyStatus>().ToDictionary(s => s, s => text["CompanyStatus." + s].Value);
        string[] headers =
        [
            text["Company.Name"], text["Company.LegalName"], text["Company.TaxNumber"], text["Company.Industry"], text["Company.Territory"],
            text["Company.Phone"], text["Company.Email"], text["Company.Website"], text["Company.Address"], text["Company.Status"], text["Company.Owner"],
            text["Company.Tags"], .. custom.Select(f => f.Label),
        ];
        var rows = filtered.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new
        {
            c.Id, c.Name, c.LegalName, c.TaxNumber, c.Industry, c.Territory, c.Phone, c.Email, c.Website, c.Address, c.Status,
            Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        }).AsAsyncEnumerable().Select(r => new object?[]
        {
            r.Name, r.LegalName, r.TaxNumber, r.Industry, r.Territory, r.Phone, r.Email, r.Website, r.Address, statuses[r.Status], r.Owner,
            TagService.Join(tagged.GetValueOrDefault(r.Id) ?? []),
        }.Concat(custom.Select(f => TableExport.Cell(values, f, customValues.GetValueOrDefault(r.Id)))).ToArray());
        await TableExport.WriteAsync(headers, rows, format, output, ct);
    }
}
