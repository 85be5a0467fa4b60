using Crm.Sdk.Validation;

namespace Crm.Sales.Reports;

/// <summary>The days a report covers, both ends included; reports compare UTC times with [<see cref="FromUtc"/>, <see cref="ToUtc"/>).</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The first and last days a period may touch.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2999, 12, 31);

    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public DateTime ToUtc => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    /// <summary>The first days of the months the period touches.</summary>
    public DateOnly FirstMonth => new(From.Year, From.Month, 1);
    public DateOnly LastMonth => new(To.Year, To.Month, 1);

    /// <summary>The whole calendar months inside the period, as [first day of the first, first day after the last); empty when first ≥ end.</summary>
    public (DateOnly First, DateOnly End) WholeMonths() =>
        (From.Day == 1 ? FirstMonth : FirstMonth.AddMonths(1), To.AddDays(1).Day == 1 ? LastMonth.AddMonths(1) : LastMonth);

    /// <summary>The period asked for; the current calendar year when a bound is missing. A start after the end is refused.</summary>
    public static ReportPeriod? Parse(DateOnly? from, DateOnly? to, DateOnly today, FieldErrors errors)
    {
        // Reports step past their bounds (the day after the end, the next month, last year), which DateOnly cannot do at
        // its own ends: a date no sales report can mean is the caller's mistake, named before any arithmetic.
        if (from is { } start && (start < Earliest || start > Latest)) errors.Add("from", "Report.DateOutOfRange");
        if (to is { } end && (end < Earliest || end > Latest)) errors.Add("to", "Report.DateOutOfRange");
        if (errors.Count > 0) return null;
        var period = new ReportPeriod(from ?? new DateOnly((to ?? today).Year, 1, 1), to ?? new DateOnly((from ?? today).Year, 12, 31));
        if (period.From > period.To) errors.Add("to", "Report.PeriodReversed");
        else if (period.To.DayNumber - period.From.DayNumber > 366 * 10) errors.Add("from", "Report.PeriodTooLong");
        return errors.Count > 0 ? null : period;
    }
}
