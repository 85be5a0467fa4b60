using System.Text;
using Crm.Host.Localization;
using global::CsvHelper;
using MiniExcelLibs;

namespace Crm.Host.Clients;

/// <summary>A file as read: its header and its rows of text.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows);

/// <summary>One problem in one row of a file ("row 17: email: this is not an email address"); rows count from 2 under the header.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>What an import found or did: how many rows it added (none unless every row is valid) and each row's errors.</summary>
public sealed record ImportResult(int Rows, int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// What every client import shares: the files it takes (CSV or XLSX, size and row limits), reading them into text rows,
/// guessing which column holds which field from its header, and the failed rows as a file to fix.
/// </summary>
public static class ImportFile
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>The file's header and rows, or null when it cannot be read as its type (empty, corrupt, not a spreadsheet).</summary>
    public static async Task<ImportTable?> TryReadAsync(Stream file, string fileName, CancellationToken ct)
    {
        try
        {
            return await ReadAsync(file, fileName, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The readers fail on a broken upload with whatever their parser meets first (a bad zip, bad XML, a null
            // part), so any failure here is the file's, and the person who chose it needs to hear so, not a server error.
            return null;
        }
    }

    static async Task<ImportTable> ReadAsync(Stream file, string fileName, CancellationToken ct)
    {
        if (Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var sheet = buffer.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
            if (sheet.Count == 0) return new ImportTable([], []);
            var columns = sheet[0].Keys.ToList();
            return new ImportTable(
                columns.Select(c => Convert.ToString(sheet[0][c]) ?? "").ToList(),
                sheet.Skip(1).Select(r => columns.Select(c => Convert.ToString(r[c], System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList());
        }
        await using var reader = CsvReader.Create(new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true),
            new CsvReaderOptions { HasHeader = true }, false);
        await reader.ReadHeaderAsync(ct);
        var headers = reader.Headers.ToList();
        var rows = new List<string[]>();
        while (rows.Count <= MaxRows && await reader.ReadAsync(ct))
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        return new ImportTable(headers, rows);
    }

    /// <summary>Maps each field to the first column whose header is one of the field's names (ignoring case).</summary>
    public static Dictionary<string, int> GuessMapping(IReadOnlyList<string> headers, IEnumerable<(string Field, string[] Names)> fields)
    {
        var mapping = new Dictionary<string, int>();
        foreach (var (field, names) in fields)
        {
            var index = headers.ToList().FindIndex(h => names.Any(n => string.Equals(h.Trim(), n, StringComparison.OrdinalIgnoreCase)));
            if (index >= 0) mapping[field] = index;
        }
        return mapping;
    }

    /// <summary>A text in one language, whatever the user's: headers may be in English or Russian.</summary>
    public static string Label(string key, string culture) =>
        JsonStringLocalizerFactory.Texts(typeof(HostText).Assembly, culture).GetValueOrDefault(key, key);

    /// <summary>The rows that failed, as CSV with their errors in a last column, for the user to fix and import again.</summary>
    public static byte[] ErrorFile(ImportTable table, IReadOnlyList<ImportRowError> errors)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = ',', Injection = CsvInjection.Escape }, true))
        {
            csv.WriteRecord([.. table.Headers, "Error"]);
            foreach (var group in errors.Where(e => e.Row >= 2).GroupBy(e => e.Row).OrderBy(g => g.Key))
                csv.WriteRecord([.. table.Rows[group.Key - 2], string.Join("; ", group.Select(e => $"{e.Field}: {e.Message}"))]);
        }
        return buffer.ToArray();
    }
}
