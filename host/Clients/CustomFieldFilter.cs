using System.Linq.Expressions;
using Crm.Host.Data;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace Crm.Host.Clients;

/// <summary>
/// One list filter on a custom field: text contains <see cref="Text"/>; a choice or yes/no equals it; a number or a
/// date lies between <see cref="From"/> and <see cref="To"/> (both the same for "equals").
/// </summary>
public sealed record CustomFieldCondition(int FieldId, CustomFieldType Type, string? Text, double? From = null, double? To = null,
    DateOnly? FromDate = null, DateOnly? ToDate = null);

/// <summary>
/// Custom field filters in a list's query string: <c>cf.key=value</c> (contains for text, equals otherwise) and, for
/// numbers and dates, <c>cf.key.from</c> and <c>cf.key.to</c>; and how a query applies them (each one an indexed lookup
/// on the field's values).
/// </summary>
public static class CustomFieldFilter
{
    public const string Prefix = "cf.";

    /// <summary>The conditions in a query string, and errors (by parameter name, as text keys) for values that cannot be read.</summary>
    public static (List<CustomFieldCondition> Conditions, Dictionary<string, string> Errors) Read(IReadOnlyList<CustomField> fields,
        IEnumerable<KeyValuePair<string, StringValues>> query, CustomFieldValues values)
    {
        var conditions = new List<CustomFieldCondition>();
        var errors = new Dictionary<string, string>();
        var given = query.Where(p => p.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(p => p.Key[Prefix.Length..], p => p.Value.ToString().Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            var equals = given.GetValueOrDefault(field.Key);
            var from = given.GetValueOrDefault(field.Key + ".from");
            var to = given.GetValueOrDefault(field.Key + ".to");
            if (equals == null && from == null && to == null) continue;
            switch (field.Type)
            {
                case CustomFieldType.Number:
                {
                    double? low = from == null ? null : CustomFieldValues.ParseNumber(from), high = to == null ? null : CustomFieldValues.ParseNumber(to);
                    if (equals != null) low = high = CustomFieldValues.ParseNumber(equals);
                    if ((equals != null && low == null) || (from != null && low == null) || (to != null && high == null))
                        errors[Prefix + field.Key] = "CustomField.NotANumber";
                    else conditions.Add(new CustomFieldCondition(field.Id, field.Type, null, low, high));
                    break;
                }
                case CustomFieldType.Date:
                {
                    DateOnly? low = from == null ? null : CustomFieldValues.ParseDate(from), high = to == null ? null : CustomFieldValues.ParseDate(to);
                    if (equals != null) low = high = CustomFieldValues.ParseDate(equals);
                    if ((equals != null && low == null) || (from != null && low == null) || (to != null && high == null))
                        errors[Prefix + field.Key] = "CustomField.NotADate";
                    else conditions.Add(new CustomFieldCondition(field.Id, field.Type, null, FromDate: low, ToDate: high));
                    break;
                }
                case CustomFieldType.Text:
                    if (equals != null) conditions.Add(new CustomFieldCondition(field.Id, field.Type, equals));
                    break;
                default:
                    if (equals == null) break;
                    var (value, error) = values.Parse(field, equals);
                    if (error != null) errors[Prefix + field.Key] = error;
                    else conditions.Add(new CustomFieldCondition(field.Id, field.Type, value!.Text));
                    break;
            }
        }
        return (conditions, errors);
    }

    /// <summary>The custom field filters of a query string again, for next-page, export and saved-view links.</summary>
    public static IEnumerable<(string Key, string Value)> Given(IEnumerable<KeyValuePair<string, StringValues>> query) =>
        query.Where(p => p.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => (p.Key, p.Value.ToString().Trim()));

    /// <summary>Keeps the records whose values meet every condition.</summary>
    public static IQueryable<T> WhereCustom<T>(this IQueryable<T> query, CoreDbContext db, IReadOnlyList<CustomFieldCondition>? conditions,
        Expression<Func<T, int>> id)
    {
        foreach (var c in conditions ?? [])
        {
            var values = db.CustomValues.Where(v => v.FieldId == c.FieldId);
            // LIKE, not instr: case-insensitive on MariaDB, and on SQLite at least for Latin letters.
            if (c.Type == CustomFieldType.Text)
            {
                var pattern = "%" + c.Text!.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                values = values.Where(v => EF.Functions.Like(v.Text, pattern, "\\"));
            }
            else if (c.Type is not (CustomFieldType.Number or CustomFieldType.Date)) values = values.Where(v => v.Text == c.Text);
            if (c.From is { } low) values = values.Where(v => v.Number >= low);
            if (c.To is { } high) values = values.Where(v => v.Number <= high);
            if (c.FromDate is { } first) values = values.Where(v => v.Date >= first);
            if (c.ToDate is { } last) values = values.Where(v => v.Date <= last);
            var ids = values.Select(v => v.RecordId);
            var parameter = id.Parameters[0];
            var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], ids.Expression, id.Body);
            query = query.Where(Expression.Lambda<Func<T, bool>>(contains, parameter));
        }
        return query;
    }
}
