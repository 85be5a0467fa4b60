using System.Text;
using Crm.Host.Localization;
using global::CsvHelper;
using Crm.Sdk.Clients;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Crm.Host.Clients;

/// <summary>A file as read: its header and its rows of text.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows);

/// <summary>One problem in one row of a file ("row 17: email: this is not an email address"); rows count from 2 under the header.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>What an import found or did: how many rows it added (none unless every row is valid) and each row's errors.</summary>
public sealed record ImportResult(int Rows, int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Imports companies from CSV or XLSX: columns mapped to fields, every row validated as the form would, duplicates
/// (same tax number in the file or already in the base) refused, and nothing added unless every row is valid.
/// </summary>
public sealed class CompanyImport(CompanyService companies, CustomFieldService customFields, IStringLocalizer<HostText> text)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public static readonly string[] Fields = ["name", "legalName", "taxNumber", "industry", "territory", "phone", "email", "website", "address", "status"];

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    public static async Task<ImportTable> ReadAsync(Stream file, string fileName, CancellationToken ct)
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

    /// <summary>The fields a column can be mapped to, with their labels in the user's language: the built-in ones, then custom ones.</summary>
    public async Task<IReadOnlyList<(string Field, string Label)>> FieldsAsync(CancellationToken ct) =>
        [
            .. Fields.Select(f => (f, text[LabelKey(f)].Value)),
            .. (await customFields.ForAsync(ClientKind.Company, ct)).Select(f => (CustomFieldValues.Prefix + f.Key, f.Label)),
        ];

    static string LabelKey(string field) => "Company." + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>Maps each field to the column whose header is the field's name or its label in English or Russian.</summary>
    public async Task<Dictionary<string, int>> GuessMappingAsync(IReadOnlyList<string> headers, CancellationToken ct)
    {
        var mapping = new Dictionary<string, int>();
        foreach (var (field, label) in await FieldsAsync(ct))
        {
            var names = field.StartsWith(CustomFieldValues.Prefix, StringComparison.Ordinal)
                ? new[] { field[CustomFieldValues.Prefix.Length..], label }
                : [field, label, Label(LabelKey(field), "en"), Label(LabelKey(field), "ru")];
            var index = headers.ToList().FindIndex(h => names.Any(n => string.Equals(h.Trim(), n, StringComparison.OrdinalIgnoreCase)));
            if (index >= 0) mapping[field] = index;
        }
        return mapping;
    }

    static string Label(string key, string culture) =>
        JsonStringLocalizerFactory.Texts(typeof(HostText).Assembly, culture).GetValueOrDefault(key, key);

    /// <summary>Checks every row; with <paramref name="commit"/> and no errors, adds them all in one transaction.</summary>
    public async Task<ImportResult> RunAsync(ImportTable table, IReadOnlyDictionary<string, int> mapping, bool commit, CancellationToken ct)
    {
        var errors = new List<ImportRowError>();
        if (table.Rows.Count > MaxRows) return new ImportResult(table.Rows.Count, 0, [new ImportRowError(0, "file", text["Import.TooManyRows", MaxRows])]);
        if (!mapping.ContainsKey("name")) return new ImportResult(table.Rows.Count, 0, [new ImportRowError(0, "name", text["Import.NameNotMapped"])]);

        string? Cell(string[] row, string field) => mapping.TryGetValue(field, out var i) && i < row.Length ? FieldErrors.Clean(row[i]) : null;
        var inputs = new List<CompanyInput>();
        var custom = (await customFields.ForAsync(ClientKind.Company, ct)).Where(f => mapping.ContainsKey(CustomFieldValues.Prefix + f.Key)).ToList();
        var taxNumbers = table.Rows.Select(r => Cell(r, "taxNumber")).OfType<string>().ToList();
        var existing = await companies.ExistingTaxNumbersAsync(taxNumbers, ct);
        var seen = new HashSet<string>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var rowNumber = i + 2;
            var status = CompanyStatus.Prospect;
            if (Cell(row, "status") is { } statusText && !TryStatus(statusText, out status))
                errors.Add(new ImportRowError(rowNumber, "status", text["Company.StatusUnknown"]));
            var input = new CompanyInput(Cell(row, "name"), Cell(row, "legalName"), Cell(row, "taxNumber"), Cell(row, "industry"),
                Cell(row, "territory"), Cell(row, "phone"), Cell(row, "email"), Cell(row, "website"), Cell(row, "address"), status,
                CustomFields: custom.ToDictionary(f => f.Key, f => (object?)Cell(row, CustomFieldValues.Prefix + f.Key)));
            foreach (var (field, key) in await companies.ValidateAsync(input, 0, ct))
                errors.Add(new ImportRowError(rowNumber, field, text[key]));
            if (input.TaxNumber is { } tax && (existing.Contains(tax) || !seen.Add(tax)))
                errors.Add(new ImportRowError(rowNumber, "taxNumber", text["Import.Duplicate"]));
            inputs.Add(input);
        }
        if (errors.Count > 0 || !commit) return new ImportResult(table.Rows.Count, 0, errors);
        return new ImportResult(table.Rows.Count, await companies.AddAllAsync(inputs, ct), []);
    }

    bool TryStatus(string value, out CompanyStatus status)
    {
        foreach (var candidate in Enum.GetValues<CompanyStatus>())
            if (string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(value, text["CompanyStatus." + candidate], StringComparison.OrdinalIgnoreCase) ||
                string.Equals(value, Label("CompanyStatus." + candidate, "ru"), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        status = CompanyStatus.Prospect;
        return false;
    }

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
