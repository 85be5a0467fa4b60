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

    public static ReportTable Managers(ManagerFigures f, IStringLocalizer t) => new(
        $"managers-{f.Period.From:yyyyMMdd}-{f.Period.To:yyyyMMdd}",
        [t["Managers.Manager"], t["Managers.Won"], t["Managers.WonAmount"], t["Managers.Lost"], t["Managers.WinRate"], t["Managers.AverageWon"],
            t["Managers.CycleDays"], t["Managers.Activities"], t["Managers.Plan"], t["Managers.PercentDone"], t["Managers.Reward"]],
        f.Managers.Select(m => (IReadOnlyList<object?>)[m.Name, m.Won, m.WonAmount, m.Lost, m.WinRatePercent, m.AverageWon, m.AverageCycleDays,
            m.Activities, m.Plan, m.PercentDone, m.Reward]).ToList());

    public static ReportTable Forecast(Forecast f, IStringLocalizer t) => new(
        $"forecast-{f.Period.From:yyyyMMdd}-{f.Period.To:yyyyMMdd}",
        [t["Forecast.Month"], t["Forecast.Deals"], t["Forecast.Amount"], t["Forecast.Weighted"]],
        f.Months.Select(m => (IReadOnlyList<object?>)[m.Month?.ToString("yyyy-MM") ?? t["Forecast.NoDate"], m.Deals, m.Amount, m.Weighted]).ToList());

    public static ReportTable Losses(LossFigures f, IStringLocalizer t) => new(
        $"losses-{f.Period.From:yyyyMMdd}-{f.Period.To:yyyyMMdd}",
        [t["Losses.By"], t["Losses.Name"], t["Losses.Deals"], t["Losses.Amount"]],
        f.ByReason.Select(r => (t["Losses.ByReason"].Value, r)).Concat(f.ByStage.Select(r => (t["Losses.ByStage"].Value, r)))
            .Concat(f.ByManager.Select(r => (t["Losses.ByManager"].Value, r)))
            .Select(x => (IReadOnlyList<object?>)[x.Item1, x.r.Name, x.r.Deals, x.r.Amount]).ToList());

    public static ReportTable Abc(AbcFigures f, IStringLocalizer t) => new(
        $"abc-{f.Period.From:yyyyMMdd}-{f.Period.To:yyyyMMdd}",
        [t["Abc.Of"], t["Abc.Name"], t["Abc.Revenue"], t["Abc.Share"], t["Abc.Cumulative"], t["Abc.Class"]],
        f.Clients.Select(r => (t["Abc.Clients"].Value, r)).Concat(f.Products.Select(r => (t["Abc.Products"].Value, r)))
            .Select(x => (IReadOnlyList<object?>)[x.Item1, x.r.Name, x.r.Revenue, x.r.SharePercent, x.r.CumulativePercent, x.r.Class]).ToList());

    public static ReportTable ClientRevenue(ClientRevenue f, IStringLocalizer t) => new(
        $"new-vs-repeat-{f.Period.From:yyyyMMdd}-{f.Period.To:yyyyMMdd}",
        [t["Clients.Month"], t["Clients.NewDeals"], t["Clients.NewRevenue"], t["Clients.RepeatDeals"], t["Clients.RepeatRevenue"]],
        f.Months.Select(m => (IReadOnlyList<object?>)[m.Month.ToString("yyyy-MM"), m.NewDeals, m.NewRevenue, m.RepeatDeals, m.RepeatRevenue]).ToList());
}
