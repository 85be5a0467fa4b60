using Crm.Sales.Reports;
using Crm.Sdk.Reports;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>Manager effectiveness: won deals, win rate, average deal, cycle, activities, plan against fact, reward.</summary>
public sealed class ManagersModel(ManagerReport report, ReportContext context) : ReportPage(context)
{
    readonly ReportContext _context = context;

    public override string ApiPath => "managers";

    protected override async Task BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var figures = await report.BuildAsync(period, await _context.CurrencyAsync(null, ct), ct);
        Table = ReportTables.Managers(figures, _context.Text);
        Bars = figures.Managers.Select(m => new ChartBar(m.Name, m.WonAmount, ReportFormat.Show(m.WonAmount))).ToList();
    }
}
