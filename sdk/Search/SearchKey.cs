using System.Linq.Expressions;
using System.Text;

namespace Crm.Sdk.Search;

/// <summary>
/// Search keys: text reduced to lower case, ё as е, letters and digits with single spaces between words, stored in an
/// indexed column next to the text it is made from. Searching a key by prefix (<see cref="WhereStartsWith{T}"/>) is
/// case-insensitive the same way on SQLite and MariaDB and uses the column's index on both, which LIKE on the original
/// text does not (SQLite's LIKE ignores ASCII case only and cannot use a BINARY index; MariaDB's collation decides case).
/// </summary>
public static class SearchKey
{
    /// <summary>The key of a text; empty when it holds no letters or digits; cut at <paramref name="maxLength"/>.</summary>
    public static string Of(string? text, int maxLength = 300)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                key.Append(c is 'ё' or 'Ё' ? 'е' : char.ToLowerInvariant(c));
            else if (key.Length > 0 && key[^1] != ' ')
                key.Append(' ');
        }
        if (key.Length > 0 && key[^1] == ' ') key.Length--;
        return key.Length > maxLength ? key.ToString(0, maxLength).TrimEnd() : key.ToString();
    }

    /// <summary>
    /// Rows whose key starts with <paramref name="prefix"/> (itself a key, see <see cref="Of"/>), as a range on the key
    /// column that an index on it serves on SQLite and MariaDB alike. Order by the key and take a page to stop early.
    /// </summary>
    public static IQueryable<T> WhereStartsWith<T>(this IQueryable<T> query, Expression<Func<T, string?>> key, string prefix)
    {
        // The range [prefix, prefix + U+FFFF) holds the keys that start with prefix in SQLite's BINARY order (all but a
        // letter outside the Basic Multilingual Plane right after the prefix); under MariaDB's collation it may hold a
        // little more, which the StartsWith (LIKE 'prefix%') then removes. U+FFFF rather than U+10FFFF because a
        // four-byte character cannot be compared with a utf8mb3 column.
        var range = new Range(prefix, prefix + '\uffff');
        Expression<Func<string?, bool>> inRange = k => string.Compare(k, range.Low) >= 0 && string.Compare(k, range.High) < 0 && k!.StartsWith(range.Low);
        var body = new Substitute(inRange.Parameters[0], key.Body).Visit(inRange.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, key.Parameters));
    }

    sealed record Range(string Low, string High);

    sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
