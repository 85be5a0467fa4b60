namespace Crm.Sdk.Reports;

/// <summary>The file formats a table is exported to.</summary>
public enum TableFormat { Csv, Xlsx }

/// <summary>
/// Writes tables (a report, a filtered list) to CSV or XLSX the way the whole installation does: CSV in the user's list
/// separator with a BOM so that Excel reads Cyrillic, formulas neutralized; XLSX with the headers as the first row.
/// Numbers and dates stay numbers and dates in XLSX.
/// </summary>
public interface ITableExport
{
    /// <summary>Writes <paramref name="headers"/> and then each row (values in the headers' order) to <paramref name="output"/>.</summary>
    Task WriteAsync(IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, TableFormat format, Stream output,
        CancellationToken cancellationToken);
}
