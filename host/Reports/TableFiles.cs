using Crm.Host.Clients;
using Crm.Sdk.Reports;

namespace Crm.Host.Reports;

/// <summary>Modules' exports (<see cref="ITableExport"/>) written by the same <see cref="TableExport"/> as the host's own lists.</summary>
public sealed class TableFiles : ITableExport
{
    public Task WriteAsync(IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, TableFormat format, Stream output,
        CancellationToken cancellationToken) =>
        TableExport.WriteAsync(headers, rows.Select(row => row as object?[] ?? row.ToArray()),
            format == TableFormat.Csv ? ExportFormat.Csv : ExportFormat.Xlsx, output, cancellationToken);
}
