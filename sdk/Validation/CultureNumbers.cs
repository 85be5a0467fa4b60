using System.Globalization;

namespace Crm.Sdk.Validation;

/// <summary>
/// Numbers as people type them in their culture, read strictly. .NET's own parsing takes a group separator anywhere, so
/// in English "1250,50" (a price typed the Russian way) would silently become 125050; here a group separator counts only
/// where it groups digits as the culture does, and anything else is refused, so the form can say so. Accepted besides the
/// culture's own format: a plain or narrow no-break space where the culture groups with a space (Russian, Polish, French
/// type "1 250,50"), and a point as the decimal separator where the culture uses neither the point nor groups with it
/// ("1250.50" in Russian).
/// </summary>
public static class CultureNumbers
{
    static readonly string[] Spaces = [" ", "\u00A0", "\u202F"];

    public static bool TryParse(string? text, IFormatProvider? provider, out decimal value)
    {
        value = 0;
        var format = NumberFormatInfo.GetInstance(provider);
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return false;

        var negative = false;
        foreach (var sign in new[] { format.NegativeSign, "-", "\u2212" })
            if (s.StartsWith(sign, StringComparison.Ordinal)) { negative = true; s = s[sign.Length..]; break; }
        if (!negative && (s.StartsWith(format.PositiveSign, StringComparison.Ordinal) || s.StartsWith('+'))) s = s[1..];

        var groups = GroupSeparators(format);
        var decimals = new List<string> { format.NumberDecimalSeparator };
        if (format.NumberDecimalSeparator != "." && !groups.Contains(".")) decimals.Add(".");
        var (whole, fraction) = SplitDecimal(s, decimals);
        if (whole == null) return false;
        if (fraction != null && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))) return false;
        var digits = Ungroup(whole, groups, format.NumberGroupSizes);
        if (digits == null || (digits.Length == 0 && fraction == null)) return false;

        var invariant = (negative ? "-" : "") + (digits.Length == 0 ? "0" : digits) + (fraction == null ? "" : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    static HashSet<string> GroupSeparators(NumberFormatInfo format)
    {
        var separators = new HashSet<string>(StringComparer.Ordinal);
        if (format.NumberGroupSeparator.Length > 0) separators.Add(format.NumberGroupSeparator);
        if (format.NumberGroupSeparator.Trim().Length == 0) separators.UnionWith(Spaces);
        return separators;
    }

    /// <summary>The digits before and after the one decimal separator; null before it when there are two.</summary>
    static (string? Whole, string? Fraction) SplitDecimal(string s, List<string> separators)
    {
        (int At, string Separator)? found = null;
        foreach (var separator in separators)
        {
            var at = s.IndexOf(separator, StringComparison.Ordinal);
            if (at < 0) continue;
            if (found != null || s.IndexOf(separator, at + separator.Length, StringComparison.Ordinal) >= 0) return (null, null);
            found = (at, separator);
        }
        return found is { } f ? (s[..f.At], s[(f.At + f.Separator.Length)..]) : (s, null);
    }

    /// <summary>The digits of the whole part with its group separators taken out, or null when they do not group as the
    /// culture groups (three digits, or the culture's sizes, counted from the right).</summary>
    static string? Ungroup(string whole, HashSet<string> separators, int[] sizes)
    {
        var parts = new List<string> { whole };
        foreach (var separator in separators)
            parts = parts.SelectMany(p => p.Split(separator)).ToList();
        if (parts.Any(p => !p.All(char.IsAsciiDigit))) return null;
        if (parts.Count == 1) return parts[0];
        for (var i = parts.Count - 1; i >= 1; i--)
        {
            var fromRight = parts.Count - 1 - i;
            var size = sizes.Length == 0 ? 3 : sizes[Math.Min(fromRight, sizes.Length - 1)];
            if (size <= 0 || parts[i].Length != size) return null;
        }
        return parts[0].Length is >= 1 and <= 3 ? string.Concat(parts) : null;
    }
}
