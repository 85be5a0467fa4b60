using System.Globalization;
using System.Text.Json;
using Crm.Host.Data;

namespace Crm.Host.Backups;

/// <summary>
/// How a column value is written into a backup and read back for another (or the same) database: numbers as JSON numbers,
/// text as strings, dates as invariant "yyyy-MM-dd HH:mm:ss.fffffff" strings, bytes as <c>{"b64": ...}</c>. On the way back
/// the target column's kind decides the .NET type, so a SQLite date (text) becomes a MariaDB DATETIME and back.
/// </summary>
public static class BackupValues
{
    const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF"; // what EF Core writes on SQLite, and what parses anywhere

    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case long or int or short or sbyte or byte or ushort or uint: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong big: json.WriteNumberValue(big); break;
            case decimal number: json.WriteNumberValue(number); break;
            case double real when double.IsFinite(real): json.WriteNumberValue(real); break;
            case float real when float.IsFinite(real): json.WriteNumberValue(real); break;
            case DateTime at: json.WriteStringValue(at.ToString(DateFormat, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset at: json.WriteStringValue(at.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)); break;
            case byte[] bytes:
                json.WriteStartObject();
                json.WriteBase64String("b64", bytes);
                json.WriteEndObject();
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The value to bind for a column of <paramref name="kind"/> on <paramref name="provider"/>.</summary>
    public static object? Read(JsonElement value, ColumnKind kind, DatabaseProvider provider) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => kind == ColumnKind.Integer ? 1L : true,
        JsonValueKind.False => kind == ColumnKind.Integer ? 0L : false,
        JsonValueKind.Number => kind switch
        {
            ColumnKind.Real => value.GetDouble(),
            ColumnKind.Decimal => value.GetDecimal(),
            ColumnKind.Text => value.GetRawText(),
            _ => value.TryGetInt64(out var whole) ? whole : value.GetDecimal(),
        },
        JsonValueKind.String => kind switch
        {
            ColumnKind.DateTime => Date(value.GetString()!, provider),
            ColumnKind.Integer when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => whole,
            ColumnKind.Decimal when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            ColumnKind.Real when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
            _ => value.GetString(),
        },
        JsonValueKind.Object when value.TryGetProperty("b64", out var bytes) => bytes.GetBytesFromBase64(),
        _ => throw new InvalidDataException($"A backup value of unexpected shape: {value.GetRawText()}"),
    };

    static object Date(string text, DatabaseProvider provider)
    {
        var at = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return provider == DatabaseProvider.Sqlite ? at.ToString(DateFormat, CultureInfo.InvariantCulture) : at;
    }
}
