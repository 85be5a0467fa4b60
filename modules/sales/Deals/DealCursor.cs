using System.Globalization;

namespace Crm.Sales.Deals;

/// <summary>Where the next page of a deal list starts: the sort key and id of the last row shown ("{ticks or cents}.{id}").</summary>
public sealed record DealCursor(DateTime At, decimal Amount, int Id)
{
    public static DealCursor? Parse(string? text)
    {
        var parts = text?.Split('.');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var at = key is >= 0 and <= 3155378975999999999 ? new DateTime(key, DateTimeKind.Utc) : DateTime.MinValue;
        return new DealCursor(at, key / 100m, id);
    }

    public static string After(Deal last, DealSort sort) => sort switch
    {
        DealSort.Amount => $"{(long)(last.Amount * 100)}.{last.Id}",
        DealSort.Created => $"{last.CreatedAtUtc.Ticks}.{last.Id}",
        _ => $"{last.UpdatedAtUtc.Ticks}.{last.Id}",
    };
}
