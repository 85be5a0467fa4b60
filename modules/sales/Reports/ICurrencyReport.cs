namespace Crm.Sales.Reports;

/// <summary>A report over a period whose amounts are shown in one currency: the managers, forecast, losses, ABC and
/// new-against-repeat reports, which the API and pages call the same way.</summary>
public interface ICurrencyReport<TFigures> where TFigures : class
{
    Task<TFigures> BuildAsync(ReportPeriod period, string currency, CancellationToken ct);
}
