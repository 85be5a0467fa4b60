using Crm.Sales.Reports;
using Crm.Sdk.Reports;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>ABC analysis of clients and products by share of won revenue.</summary>
public sealed class AbcModel(AbcReport report, ReportContext context) : ReportPage(context)
{
    readonly ReportContext _context = context;

    public override string ApiPath => "abc";

    protected override async Task BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var figures = await report.BuildAsync(period, await _context.CurrencyAsync(null, ct), ct);
        Table = ReportTables.Abc(figures, _context.Text);
        Bars = figures.Clients.Take(30).Select(r => new ChartBar($"{r.Class} · {r.Name}", r.Revenue, ReportFormat.Show(r.Revenue))).ToList();
    }
}
