using Crm.Sales.Reports;
using Crm.Sdk.Reports;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>The open pipeline weighted by stage probability, by expected close month.</summary>
public sealed class ForecastModel(ForecastReport report, ReportContext context) : ReportPage(context)
{
    readonly ReportContext _context = context;

    public override string ApiPath => "forecast";

    protected override async Task BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var figures = await report.BuildAsync(period, await _context.CurrencyAsync(null, ct), ct);
        Table = ReportTables.Forecast(figures, _context.Text);
        Bars = figures.Months.Select(m => new ChartBar(m.Month?.ToString("yyyy-MM") ?? "—", m.Weighted, ReportFormat.Show(m.Weighted))).ToList();
    }
}
