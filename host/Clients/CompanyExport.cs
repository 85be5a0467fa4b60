using System.Globalization;
using System.Text;
using Crm.Host.Data;
using Crm.Host.Localization;
using global::CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Crm.Host.Clients;

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// Writes the companies list as filtered to CSV (in the user's list separator, with a BOM so Excel reads Cyrillic) or
/// XLSX, streaming from one query within the user's scope: an export never shows more than the list does.
/// </summary>
public sealed class CompanyExport(CoreDbContext db, CompanyService companies, IStringLocalizer<HostText> text)
{
    public async Task WriteAsync(CompanyFilter filter, ExportFormat format, Stream output, CancellationToken ct)
    {
        var rows = companies.Filtered(filter).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new
        {
            c.Name, c.LegalName, c.TaxNumber, c.Industry, c.Territory, c.Phone, c.Email, c.Website, c.Address, c.Status,
            Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        });
        string[] headers =
        [
            text["Company.Name"], text["Company.LegalName"], text["Company.TaxNumber"], text["Company.Industry"], text["Company.Territory"],
            text["Company.Phone"], text["Company.Email"], text["Company.Website"], text["Company.Address"], text["Company.Status"], text["Company.Owner"],
        ];
        var statuses = Enum.GetValues<CompanyStatus>().ToDictionary(s => s, s => text["CompanyStatus." + s].Value);

        if (format == ExportFormat.Csv)
        {
            // The list separator of the user's culture (";" in Russian Excel); formulas are neutralized (CSV injection).
            await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await using var csv = CsvWriter.Create(text, new CsvWriterOptions
            {
                Separator = CultureInfo.CurrentCulture.TextInfo.ListSeparator.Trim() is { Length: 1 } separator ? separator[0] : ',',
                Injection = CsvInjection.Escape,
            }, true);
            await csv.WriteRecordAsync(headers, ct);
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
                await csv.WriteRecordAsync([r.Name, r.LegalName ?? "", r.TaxNumber ?? "", r.Industry ?? "", r.Territory ?? "", r.Phone ?? "",
                    r.Email ?? "", r.Website ?? "", r.Address ?? "", statuses[r.Status], r.Owner ?? ""], ct);
            await csv.FlushAsync(ct);
            return;
        }

        var sheet = new List<Dictionary<string, object?>>();
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            sheet.Add(new object?[] { r.Name, r.LegalName, r.TaxNumber, r.Industry, r.Territory, r.Phone, r.Email, r.Website, r.Address, statuses[r.Status], r.Owner }
                .Select((value, i) => (headers[i], value)).ToDictionary(x => x.Item1, x => x.value));
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheet, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }
}
