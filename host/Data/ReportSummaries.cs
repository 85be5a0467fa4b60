using Crm.Host.Modules;
using Crm.Sdk.Data;

namespace Crm.Host.Data;

/// <summary>
/// Counts every report summary (<see cref="IReportSummary"/>) of the host and of the modules whose tables exist again from
/// scratch: after a bulk load that wrote source rows directly (the bench's generator), or in a test that checks them.
/// </summary>
public sealed class ReportSummaries(IEnumerable<IReportSummary> summaries, ModuleCatalog catalog, ILogger<ReportSummaries> logger)
{
    public async Task<IReadOnlyList<string>> RebuildAllAsync(CancellationToken ct)
    {
        var rebuilt = new List<string>();
        foreach (var summary in summaries.Where(s => catalog.HasData(s.GetType())))
        {
            await summary.RebuildAsync(ct);
            logger.LogInformation("Report summary {Summary} counted again", summary.Name);
            rebuilt.Add(summary.Name);
        }
        return rebuilt;
    }
}
