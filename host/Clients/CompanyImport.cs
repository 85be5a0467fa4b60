using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Imports companies from CSV or XLSX: columns mapped to fields, every row validated as the form would, duplicates
/// (same tax number in the file or already in the base) refused, and nothing added unless every row is valid.
/// </summary>
public sealed class CompanyImport(CompanyService companies, CustomFieldService customFields, IStringLocalizer<HostText> text)
    : ClientImport(customFields, text)
{
    public override ClientKind Kind => ClientKind.Company;
    public override IReadOnlyList<string> Fields { get; } = ["name", "legalName", "taxNumber", "industry", "territory", "phone", "email", "website", "address", "status", "tags"];
    protected override string LabelPrefix => "Company.";

    public override async Task<ImportResult> RunAsync(ImportTable table, IReadOnlyDictionary<string, int> mapping, bool commit, CancellationToken ct)
    {
        if (Refused(table, mapping, "name", "Import.NameNotMapped") is { } refused) return refused;
        var errors = new List<ImportRowError>();
        string? Cell(string[] row, string field) => ClientImport.Cell(mapping, row, field);
        var inputs = new List<CompanyInput>();
        var custom = await MappedCustomFieldsAsync(mapping, ct);
        var taxNumbers = table.Rows.Select(r => Cell(r, "taxNumber")).OfType<string>().ToList();
        var existing = await companies.ExistingTaxNumbersAsync(taxNumbers, ct);
        var seen = new HashSet<string>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var rowNumber = i + 2;
            var status = CompanyStatus.Prospect;
            if (Cell(row, "status") is { } statusText && !TryStatus(statusText, out status))
                errors.Add(new ImportRowError(rowNumber, "status", Text["Company.StatusUnknown"]));
            var input = new CompanyInput(Cell(row, "name"), Cell(row, "legalName"), Cell(row, "taxNumber"), Cell(row, "industry"),
                Cell(row, "territory"), Cell(row, "phone"), Cell(row, "email"), Cell(row, "website"), Cell(row, "address"), status,
                CustomFields: CustomCells(mapping, row, custom), Tags: TagService.Parse(Cell(row, "tags")));
            foreach (var (field, key) in await companies.ValidateAsync(input, 0, ct))
                errors.Add(new ImportRowError(rowNumber, field, Text[key]));
            if (input.TaxNumber is { } tax && (existing.Contains(tax) || !seen.Add(tax)))
                errors.Add(new ImportRowError(rowNumber, "taxNumber", Text["Import.Duplicate"]));
            inputs.Add(input);
        }
        if (errors.Count > 0 || !commit) return new ImportResult(table.Rows.Count, 0, errors);
        return new ImportResult(table.Rows.Count, await companies.AddAllAsync(inputs, ct), []);
    }

    bool TryStatus(string value, out CompanyStatus status)
    {
        foreach (var candidate in Enum.GetValues<CompanyStatus>())
            if (string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(value, Text["CompanyStatus." + candidate], StringComparison.OrdinalIgnoreCase) ||
                string.Equals(value, ImportFile.Label("CompanyStatus." + candidate, "ru"), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        status = CompanyStatus.Prospect;
        return false;
    }
}
