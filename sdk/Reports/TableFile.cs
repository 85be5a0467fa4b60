using Microsoft.AspNetCore.Http;

namespace Crm.Sdk.Reports;

/// <summary>A table as a downloadable file from an API endpoint or page handler.</summary>
public static class TableFile
{
    /// <summary>The MIME type of a format.</summary>
    public static string ContentType(TableFormat format) =>
        format == TableFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Streams the table as <c>{name}.csv</c> or <c>{name}.xlsx</c>.</summary>
    public static IResult Result(ITableExport export, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows,
        TableFormat format, CancellationToken cancellationToken) =>
        Results.Stream(output => export.WriteAsync(headers, rows.ToAsyncEnumerable(), format, output, cancellationToken),
            ContentType(format), $"{name}.{format.ToString().ToLowerInvariant()}");
}
