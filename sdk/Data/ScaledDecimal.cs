using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Sdk.Data;

/// <summary>
/// Money and quantities kept as whole numbers of their smallest unit (kopecks, cents, thousandths) in a BIGINT column.
/// Both databases then sum, compare and sort them natively and exactly, where SQLite would otherwise keep a decimal as
/// text (slow to aggregate) or as a double (inexact). Pair it with <c>AsInt64()</c> in the migration.
/// </summary>
public static class ScaledDecimal
{
    /// <summary>Stores the decimal as an integer count of 10^-<paramref name="decimals"/> units, rounding half away from zero.</summary>
    public static PropertyBuilder<decimal> HasScaledInteger(this PropertyBuilder<decimal> property, int decimals)
    {
        var factor = Factor(decimals);
        return property.HasConversion(v => (long)Math.Round(v * factor, MidpointRounding.AwayFromZero), v => v / factor);
    }

    /// <summary>As <see cref="HasScaledInteger(PropertyBuilder{decimal}, int)"/> for an optional value.</summary>
    public static PropertyBuilder<decimal?> HasScaledInteger(this PropertyBuilder<decimal?> property, int decimals)
    {
        var factor = Factor(decimals);
        return property.HasConversion<long?>(v => v == null ? null : (long)Math.Round(v.Value * factor, MidpointRounding.AwayFromZero),
            v => v == null ? null : v.Value / factor);
    }

    static decimal Factor(int decimals) => decimals is >= 0 and <= 6
        ? (decimal)Math.Pow(10, decimals)
        : throw new ArgumentOutOfRangeException(nameof(decimals), "Between 0 and 6 decimal places.");
}
