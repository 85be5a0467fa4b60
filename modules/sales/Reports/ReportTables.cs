using Microsoft.Extensions.Localization;

namespace Crm.Sales.Reports;

/// <summary>Each report as the table its page shows and its export writes.</summary>
public static class ReportTables
{
    public static ReportTable Funnel(Funnel f, IStringLocalizer t) => new(
        $"funnel-{f.Period.From:yyyyMMdd}-{f.Period.To:yyyyMMdd}",
        [t["Funnel.Stage"], t["Funnel.NormDays"], t["Funnel.Entered"], t["Funnel.Conversion"], t["Funnel.DropOff"], t["Funnel.AverageDays"],
            t["Funnel.MedianDays"], t["Funnel.Stalled"]],
        f.Stages.Select(s => (IReadOnlyList<object?>)[s.Name, s.NormDays, s.Entered, s.ConversionPercent, s.DropOff, s.AverageDays, s.MedianDays, s.Stalled])
            .ToList());
}
