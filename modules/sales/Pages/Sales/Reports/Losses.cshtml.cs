using Crm.Sales.Reports;
using Crm.Sdk.Reports;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>Lost deals by reason, by the stage lost at and by manager.</summary>
public sealed class LossesModel(LossReport report, ReportContext context) : ReportPage(context)
{
    readonly ReportContext _context = context;

    public override string ApiPath => "losses";

    protected override async Task BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var figures = await report.BuildAsync(period, await _context.CurrencyAsync(null, ct), ct);
        Table = ReportTables.Losses(figures, _context.Text);
        Bars = figures.ByReason.Select(r => new ChartBar(r.Name, r.Deals)).ToList();
    }
}
