using System.Globalization;
using System.Text;
using global::CsvHelper;
using MiniExcelLibs;

namespace Crm.Host.Clients;

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// Writes a list export: CSV in the user's list separator with a BOM (so Excel reads Cyrillic) and formulas neutralized,
/// or XLSX with numbers kept as numbers. Rows stream from the caller's query.
/// </summary>
public static class TableExport
{
    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, ExportFormat format, Stream output,
        CancellationToken ct)
    {
        if (format == ExportFormat.Csv)
        {
            // The list separator of the user's culture (";" in Russian Excel); formulas are neutralized (CSV injection).
            await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await using var csv = CsvWriter.Create(text, new CsvWriterOptions
            {
                Separator = CultureInfo.CurrentCulture.TextInfo.ListSeparator.Trim() is { Length: 1 } separator ? separator[0] : ',',
                Injection = CsvInjection.Escape,
            }, true);
            await csv.WriteRecordAsync(headers.ToArray(), ct);
            await foreach (var row in rows.WithCancellation(ct))
                await csv.WriteRecordAsync(row.Select(Text).ToArray(), ct);
            await csv.FlushAsync(ct);
            return;
        }

        var sheet = new List<Dictionary<string, object?>>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var line = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++) line[headers[i]] = row[i];
            sheet.Add(line);
        }
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheet, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##########", CultureInfo.CurrentCulture),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The value of a custom field in an export cell: a number as a number, everything else as the user reads it.</summary>
    public static object? Cell(CustomFieldValues values, CustomField field, Dictionary<int, CustomValue>? record) =>
        record?.GetValueOrDefault(field.Id) is not { } value ? null
        : field.Type == CustomFieldType.Number ? value.Number
        : values.Display(field, value);
}
