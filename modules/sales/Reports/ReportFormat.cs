using System.Globalization;

namespace Crm.Sales.Reports;

/// <summary>How report pages show a table's values: grouped numbers, at most two decimals, a dash for nothing.</summary>
public static class ReportFormat
{
    public static string Show(object? value) => value switch
    {
        null => "—",
        decimal number => number.ToString("#,0.##", CultureInfo.CurrentCulture),
        int number => number.ToString("#,0", CultureInfo.CurrentCulture),
        long number => number.ToString("#,0", CultureInfo.CurrentCulture),
        DateOnly date => date.ToString("d", CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };
}
