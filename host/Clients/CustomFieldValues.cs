using System.Globalization;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Sdk.Auditing;
using Crm.Sdk.Clients;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Custom field values of companies and contacts: read from what people type (the user's culture, then invariant) or
/// send (JSON numbers, booleans and ISO dates), validated, saved with the record in its transaction, audited on the
/// record as "customFields.key", and shown back.
/// </summary>
public sealed class CustomFieldValues(CoreDbContext db, CustomFieldService fields, IAuditWriter audit, IStringLocalizer<HostText> text)
{
    public const int MaxTextLength = 500;
    public const string Prefix = "customFields.";

    /// <summary>
    /// Field errors (as "customFields.key") for the values sent; <paramref name="isNew"/> makes every required field
    /// needed, otherwise only those sent are checked (a value not sent stays as it is).
    /// </summary>
    public async Task Validate(ClientKind kind, IReadOnlyDictionary<string, object?>? values, bool isNew, FieldErrors errors, CancellationToken ct)
    {
        var defined = await fields.ForAsync(kind, ct);
        foreach (var key in (values?.Keys ?? []).Where(k => defined.All(f => f.Key != k)))
            errors.Add(Prefix + key, "CustomField.Unknown");
        foreach (var field in defined)
        {
            var sent = values != null && values.TryGetValue(field.Key, out var raw) ? (true, raw) : (false, null);
            if (!sent.Item1 && !isNew) continue;
            var (value, error) = Parse(field, sent.Item2);
            if (error != null) errors.Add(Prefix + field.Key, error);
            else if (value == null && field.Required) errors.Add(Prefix + field.Key, "Client.Required");
        }
    }

    /// <summary>A value as stored, or the text key of what is wrong with it; nothing typed is (null, null).</summary>
    public (CustomValue? Value, string? Error) Parse(CustomField field, object? raw)
    {
        if (raw is JsonElement json)
            raw = json.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => json.GetString(),
                JsonValueKind.Number when field.Type == CustomFieldType.Number => json.GetDouble(),
                JsonValueKind.True or JsonValueKind.False when field.Type == CustomFieldType.YesNo => json.GetBoolean(),
                _ => json.GetRawText(),
            };
        if (raw is string s && string.IsNullOrWhiteSpace(s)) return (null, null);
        if (raw == null) return (null, null);
        var input = raw as string;
        switch (field.Type)
        {
            case CustomFieldType.Number:
                double? number = raw is double d ? d : ParseNumber(input!);
                return number is { } n && double.IsFinite(n)
                    ? (new CustomValue { FieldId = field.Id, Number = n, Text = n.ToString("R", CultureInfo.InvariantCulture) }, null)
                    : (null, "CustomField.NotANumber");
            case CustomFieldType.Date:
                return ParseDate(input!) is { } date
                    ? (new CustomValue { FieldId = field.Id, Date = date, Text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, null)
                    : (null, "CustomField.NotADate");
            case CustomFieldType.YesNo:
                bool? yes = raw is bool b ? b : ParseYesNo(input!);
                return yes is { } y ? (new CustomValue { FieldId = field.Id, Text = y ? "true" : "false" }, null) : (null, "CustomField.NotYesNo");
            case CustomFieldType.Choice:
                var option = field.OptionList.FirstOrDefault(o => string.Equals(o, input!.Trim(), StringComparison.OrdinalIgnoreCase));
                return option != null ? (new CustomValue { FieldId = field.Id, Text = option }, null) : (null, "CustomField.NotAnOption");
            default:
                var value = input!.Trim();
                return value.Length > MaxTextLength ? (null, "Client.TooLong") : (new CustomValue { FieldId = field.Id, Text = value }, null);
        }
    }

    public static double? ParseNumber(string input) =>
        CultureNumbers.TryParse(input, CultureInfo.CurrentCulture, out var n) ||
        CultureNumbers.TryParse(input, CultureInfo.InvariantCulture, out n) ? (double)n : null;

    public static DateOnly? ParseDate(string input) =>
        DateOnly.TryParseExact(input.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
        DateOnly.TryParse(input.Trim(), CultureInfo.CurrentCulture, DateTimeStyles.None, out date) ? date : null;

    bool? ParseYesNo(string input)
    {
        var value = input.Trim();
        if (value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) ||
            value.Equals("да", StringComparison.OrdinalIgnoreCase) || value.Equals(text["Yes"], StringComparison.OrdinalIgnoreCase)) return true;
        if (value is "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase) ||
            value.Equals("нет", StringComparison.OrdinalIgnoreCase) || value.Equals(text["No"], StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }

    /// <summary>
    /// Stores the values sent for one record (already validated) inside the caller's transaction, and audits each change
    /// on the record's own table; keys not sent keep their values.
    /// </summary>
    public async Task SaveAsync(ClientKind kind, int recordId, IReadOnlyDictionary<string, object?>? values, CancellationToken ct)
    {
        if (values == null || values.Count == 0) return;
        var defined = (await fields.ForAsync(kind, ct)).Where(f => values.ContainsKey(f.Key)).ToList();
        var ids = defined.Select(f => f.Id).ToList();
        var existing = await db.CustomValues.Where(v => v.RecordId == recordId && ids.Contains(v.FieldId)).ToDictionaryAsync(v => v.FieldId, ct);
        var changes = new List<AuditChange>();
        foreach (var field in defined)
        {
            var (value, _) = Parse(field, values[field.Key]);
            var old = existing.GetValueOrDefault(field.Id);
            var oldText = old?.Text;
            if (oldText == value?.Text) continue;
            if (old != null && value == null) db.CustomValues.Remove(old);
            else if (old == null) db.CustomValues.Add(value!.With(recordId));
            else { old.Text = value!.Text; old.Number = value.Number; old.Date = value.Date; }
            changes.Add(new AuditChange(Table(kind), recordId.ToString(CultureInfo.InvariantCulture), old == null ? AuditAction.Insert : AuditAction.Update,
                Prefix + field.Key, oldText, value?.Text));
        }
        if (changes.Count == 0) return;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(db, changes, ct);
    }

    /// <summary>The values of many new records (an import), parsed and validated already; records without values give none.</summary>
    public async Task<List<CustomValue>> ParseAllAsync(ClientKind kind, IEnumerable<(int RecordId, IReadOnlyDictionary<string, object?>? Values)> records,
        CancellationToken ct)
    {
        var defined = await fields.ForAsync(kind, ct);
        var parsed = new List<CustomValue>();
        foreach (var (recordId, values) in records)
            if (values != null)
                foreach (var field in defined)
                    if (values.TryGetValue(field.Key, out var raw) && Parse(field, raw).Value is { } value)
                        parsed.Add(value.With(recordId));
        return parsed;
    }

    /// <summary>Adds the values of many new records at once (an import), inside the caller's transaction, audited as inserts.</summary>
    public async Task AddAllAsync(ClientKind kind, IReadOnlyList<(int RecordId, IReadOnlyDictionary<string, object?>? Values)> records, CancellationToken ct)
    {
        var parsed = await ParseAllAsync(kind, records, ct);
        if (parsed.Count == 0) return;
        var keys = (await fields.ForAsync(kind, ct)).ToDictionary(f => f.Id, f => f.Key);
        db.CustomValues.AddRange(parsed);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(db, parsed.Select(v => new AuditChange(Table(kind), v.RecordId.ToString(CultureInfo.InvariantCulture),
            AuditAction.Insert, Prefix + keys[v.FieldId], null, v.Text)).ToList(), ct);
    }

    /// <summary>The custom field filters in a list's query string (see <see cref="CustomFieldFilter"/>).</summary>
    public async Task<(List<CustomFieldCondition> Conditions, Dictionary<string, string> Errors)> ConditionsAsync(ClientKind kind,
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query, CancellationToken ct) =>
        CustomFieldFilter.Read(await fields.ForAsync(kind, ct), query, this);

    static string Table(ClientKind kind) => kind == ClientKind.Company ? "core_companies" : "core_contacts";

    /// <summary>One record's values by key, typed for JSON: numbers, booleans, ISO dates and text.</summary>
    public async Task<Dictionary<string, object?>> ForRecordAsync(ClientKind kind, int recordId, CancellationToken ct)
    {
        var defined = await fields.ForAsync(kind, ct);
        var values = await StoredAsync(kind, recordId, ct);
        return defined.ToDictionary(f => f.Key, f => values.TryGetValue(f.Id, out var v) ? Json(f, v) : null);
    }

    /// <summary>One record's fields as its card shows them, in form order; empty values too, so the card lists every field.</summary>
    public async Task<List<(CustomField Field, string Value)>> ShownAsync(ClientKind kind, int recordId, CancellationToken ct)
    {
        var values = await StoredAsync(kind, recordId, ct);
        return (await fields.ForAsync(kind, ct)).Select(f => (f, Display(f, values.GetValueOrDefault(f.Id)))).ToList();
    }

    /// <summary>A record's history with custom fields named by their labels.</summary>
    public static List<HistoryRow> Labelled(List<HistoryRow> history, List<(CustomField Field, string Value)> shown)
    {
        var labels = shown.ToDictionary(f => Prefix + f.Field.Key, f => f.Field.Label);
        return history.Select(r => labels.TryGetValue(r.Change.Field, out var label) ? r with { Change = r.Change with { Field = label } } : r).ToList();
    }

    /// <summary>One record's values as a form holds them, by key.</summary>
    public async Task<Dictionary<string, string?>> FormValuesAsync(ClientKind kind, int recordId, CancellationToken ct)
    {
        var values = await StoredAsync(kind, recordId, ct);
        return (await fields.ForAsync(kind, ct)).ToDictionary(f => f.Key, f => (string?)FormValue(f, values.GetValueOrDefault(f.Id)));
    }

    async Task<Dictionary<int, CustomValue>> StoredAsync(ClientKind kind, int recordId, CancellationToken ct)
    {
        var ids = (await fields.ForAsync(kind, ct)).Select(f => f.Id).ToList();
        return await db.CustomValues.AsNoTracking().Where(v => v.RecordId == recordId && ids.Contains(v.FieldId)).ToDictionaryAsync(v => v.FieldId, ct);
    }

    /// <summary>The values of the records a query selects, by record and field, for exports and list pages.</summary>
    public async Task<Dictionary<int, Dictionary<int, CustomValue>>> ForRecordsAsync(ClientKind kind, IQueryable<int> recordIds, CancellationToken ct)
    {
        var ids = (await fields.ForAsync(kind, ct)).Select(f => f.Id).ToList();
        if (ids.Count == 0) return new();
        var rows = await db.CustomValues.AsNoTracking().Where(v => ids.Contains(v.FieldId) && recordIds.Contains(v.RecordId)).ToListAsync(ct);
        return rows.GroupBy(v => v.RecordId).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.FieldId));
    }

    public static object? Json(CustomField field, CustomValue value) => field.Type switch
    {
        CustomFieldType.Number => value.Number,
        CustomFieldType.YesNo => value.Text == "true",
        _ => value.Text,
    };

    /// <summary>A value as the user reads it: numbers and dates in their culture, yes and no in their language.</summary>
    public string Display(CustomField field, CustomValue? value) => value == null ? "" : field.Type switch
    {
        CustomFieldType.Number => value.Number?.ToString("#,0.##########", CultureInfo.CurrentCulture) ?? value.Text,
        CustomFieldType.Date => value.Date?.ToString("d", CultureInfo.CurrentCulture) ?? value.Text,
        CustomFieldType.YesNo => value.Text == "true" ? text["Yes"] : text["No"],
        _ => value.Text,
    };

    /// <summary>A value as a form field holds it: numbers in the user's culture without grouping, dates as ISO for date inputs.</summary>
    public static string FormValue(CustomField field, CustomValue? value) => value == null ? "" : field.Type switch
    {
        CustomFieldType.Number => value.Number?.ToString("0.##########", CultureInfo.CurrentCulture) ?? value.Text,
        _ => value.Text,
    };
}

static class CustomValueCopy
{
    public static CustomValue With(this CustomValue value, int recordId) =>
        new() { FieldId = value.FieldId, RecordId = recordId, Text = value.Text, Number = value.Number, Date = value.Date };
}
