using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Crm.Sdk.Validation;

/// <summary>
/// Collects what is wrong with a form or an API request as text keys per field (API field names, camelCase), so that a
/// service validates once and the page shows the errors on its form and the API as a problem+json, both in the user's
/// language.
/// </summary>
public sealed class FieldErrors
{
    readonly Dictionary<string, string> _errors = new();

    /// <summary>Field name to text key; the first error of a field wins.</summary>
    public IReadOnlyDictionary<string, string> All => _errors;

    /// <summary>How many fields are wrong.</summary>
    public int Count => _errors.Count;

    /// <summary>Records an error for the field unless it already has one.</summary>
    public FieldErrors Add(string field, string textKey)
    {
        _errors.TryAdd(field, textKey);
        return this;
    }

    /// <summary>Adds <paramref name="textKey"/> when <paramref name="failed"/>.</summary>
    public FieldErrors If(bool failed, string field, string textKey) => failed ? Add(field, textKey) : this;

    /// <summary>Trimmed text, or null for nothing but spaces.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How a save ended: the record's id, or field errors, or a conflict with someone else's change, or not found.</summary>
public sealed record SaveResult(int? Id, IReadOnlyDictionary<string, string> Errors, bool Conflict = false, bool NotFound = false)
{
    /// <summary>A successful save of the record.</summary>
    public static SaveResult Saved(int id) => new(id, new Dictionary<string, string>());
    /// <summary>A save refused for the fields' errors.</summary>
    public static SaveResult Invalid(FieldErrors errors) => new(null, errors.All);
    /// <summary>A save refused because the record changed since it was read.</summary>
    public static SaveResult Changed() => new(null, new Dictionary<string, string>(), Conflict: true);
    /// <summary>The record does not exist or lies outside the user's scope.</summary>
    public static SaveResult Missing() => new(null, new Dictionary<string, string>(), NotFound: true);

    /// <summary>Whether the record was saved.</summary>
    public bool Succeeded => Id != null;
}

/// <summary>Shows field errors to people: on a page's form, or as the API's problem+json fields.</summary>
public static class FieldErrorsDisplay
{
    /// <summary>The errors in the user's language, for <c>ApiProblems.Fields</c>.</summary>
    public static Dictionary<string, string[]> Localized(this IReadOnlyDictionary<string, string> errors, IStringLocalizer text) =>
        errors.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value });

    /// <summary>Adds the errors to a form's model state under "{prefix}{Field}", as forms name their inputs (Input.Title).</summary>
    public static void AddTo(this IReadOnlyDictionary<string, string> errors, ModelStateDictionary modelState, IStringLocalizer text,
        string prefix = "Input.")
    {
        foreach (var (field, key) in errors)
            modelState.AddModelError(prefix.Length == 0 ? field : prefix + char.ToUpperInvariant(field[0]) + field[1..], text[key]);
    }
}
