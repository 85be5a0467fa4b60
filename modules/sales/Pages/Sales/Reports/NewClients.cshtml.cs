using Crm.Sales.Reports;
using Crm.Sdk.Reports;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>Won revenue from new clients (their first won deal) against repeat clients, by month.</summary>
public sealed class NewClientsModel(ClientRevenueReport report, ReportContext context) : ReportPage(context)
{
    readonly ReportContext _context = context;

    public override string ApiPath => "new-vs-repeat";

    protected override async Task BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var figures = await report.BuildAsync(period, await _context.CurrencyAsync(null, ct), ct);
        Table = ReportTables.ClientRevenue(figures, _context.Text);
        Bars = figures.Months.SelectMany(m => new[] { new ChartBar($"{m.Month:yyyy-MM} +", m.NewRevenue, ReportFormat.Show(m.NewRevenue)), new ChartBar($"{m.Month:yyyy-MM} ↻", m.RepeatRevenue, ReportFormat.Show(m.RepeatRevenue)) }).ToList();
    }
}
