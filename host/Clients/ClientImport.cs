using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// An import of companies or contacts: which fields a column can feed (the built-in ones, then custom fields), guessing
/// them from English or Russian headers, and reading a row's cells; <see cref="RunAsync"/> checks every row and adds all
/// or none.
/// </summary>
public abstract class ClientImport(CustomFieldService customFields, IStringLocalizer<HostText> text)
{
    public abstract ClientKind Kind { get; }

    /// <summary>The built-in fields a column can be mapped to, by their API names.</summary>
    public abstract IReadOnlyList<string> Fields { get; }

    /// <summary>Where the texts of the fields' labels start ("Company.", "Contact.").</summary>
    protected abstract string LabelPrefix { get; }

    protected IStringLocalizer<HostText> Text => text;

    /// <summary>Checks every row; with <paramref name="commit"/> and no errors, adds them all in one transaction.</summary>
    public abstract Task<ImportResult> RunAsync(ImportTable table, IReadOnlyDictionary<string, int> mapping, bool commit, CancellationToken ct);

    string LabelKey(string field) => LabelPrefix + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>The fields a column can be mapped to, with their labels in the user's language: the built-in ones, then custom ones.</summary>
    public async Task<IReadOnlyList<(string Field, string Label)>> FieldsAsync(CancellationToken ct) =>
        [
            .. Fields.Select(f => (f, text[LabelKey(f)].Value)),
            .. (await customFields.ForAsync(Kind, ct)).Select(f => (CustomFieldValues.Prefix + f.Key, f.Label)),
        ];

    /// <summary>Maps each field to the column whose header is the field's name or its label in English or Russian (custom fields: key or label).</summary>
    public async Task<Dictionary<string, int>> GuessMappingAsync(IReadOnlyList<string> headers, CancellationToken ct) =>
        ImportFile.GuessMapping(headers, (await FieldsAsync(ct)).Select(f => (f.Field,
            f.Field.StartsWith(CustomFieldValues.Prefix, StringComparison.Ordinal)
                ? new[] { f.Field[CustomFieldValues.Prefix.Length..], f.Label }
                : [f.Field, f.Label, ImportFile.Label(LabelKey(f.Field), "en"), ImportFile.Label(LabelKey(f.Field), "ru")])));

    /// <summary>An error for the whole file (too many rows, the required column not mapped), or null to check the rows.</summary>
    protected ImportResult? Refused(ImportTable table, IReadOnlyDictionary<string, int> mapping, string requiredField, string requiredKey) =>
        table.Rows.Count > ImportFile.MaxRows
            ? new ImportResult(table.Rows.Count, 0, [new ImportRowError(0, "file", text["Import.TooManyRows", ImportFile.MaxRows])])
            : !mapping.ContainsKey(requiredField)
                ? new ImportResult(table.Rows.Count, 0, [new ImportRowError(0, requiredField, text[requiredKey])])
                : null;

    /// <summary>A row's cell for a field, trimmed; null when the field is not mapped or the cell is empty.</summary>
    protected static string? Cell(IReadOnlyDictionary<string, int> mapping, string[] row, string field) =>
        mapping.TryGetValue(field, out var i) && i < row.Length ? FieldErrors.Clean(row[i]) : null;

    /// <summary>The custom fields that have a column.</summary>
    protected async Task<List<CustomField>> MappedCustomFieldsAsync(IReadOnlyDictionary<string, int> mapping, CancellationToken ct) =>
        (await customFields.ForAsync(Kind, ct)).Where(f => mapping.ContainsKey(CustomFieldValues.Prefix + f.Key)).ToList();

    protected static IReadOnlyDictionary<string, object?> CustomCells(IReadOnlyDictionary<string, int> mapping, string[] row, List<CustomField> mapped) =>
        mapped.ToDictionary(f => f.Key, f => (object?)Cell(mapping, row, CustomFieldValues.Prefix + f.Key));
}
