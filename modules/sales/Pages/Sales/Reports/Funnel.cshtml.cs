using Crm.Sales.Pipelines;
using Crm.Sales.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>The funnel of a pipeline for a period: entries, conversion, drop-off, time in stage against the norm, stalled deals.</summary>
public sealed class FunnelModel(FunnelReport report, PipelineService pipelines, ReportContext context) : ReportPage(context)
{
    readonly ReportContext _context = context;

    [BindProperty(SupportsGet = true)] public int? PipelineId { get; set; }

    public List<PipelineView> Pipelines { get; private set; } = [];
    public Funnel? Funnel { get; private set; }
    public override string ApiPath => "funnel";
    protected override IEnumerable<(string Name, string? Value)> Filters => [("pipelineId", PipelineId?.ToString())];

    protected override async Task BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        Pipelines = await pipelines.ListAsync(false, ct);
        Funnel = await report.BuildAsync(PipelineId, period, ct);
        if (Funnel == null) return;
        PipelineId = Funnel.PipelineId;
        Table = ReportTables.Funnel(Funnel, _context.Text);
    }
}
