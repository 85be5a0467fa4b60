using System.ComponentModel.DataAnnotations;

namespace Crm.Host.Clients;

/// <summary>
/// Collects field errors as text keys ("Client.Required") for the client base's forms and API, which show them in the
/// user's language. Field names are the API's (camelCase).
/// </summary>
public sealed class FieldErrors
{
    readonly Dictionary<string, string> _errors = new();

    public IReadOnlyDictionary<string, string> All => _errors;
    public int Count => _errors.Count;

    public FieldErrors Add(string field, string key)
    {
        _errors.TryAdd(field, key);
        return this;
    }

    public FieldErrors Required(string field, string? value, string key = "Client.Required") =>
        string.IsNullOrWhiteSpace(value) ? Add(field, key) : this;

    public FieldErrors MaxLength(string field, string? value, int max) => value?.Trim().Length > max ? Add(field, "Client.TooLong") : this;

    public FieldErrors Email(string field, string? value) =>
        Clean(value) is { } email && (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)) ? Add(field, "Client.EmailInvalid") : this;

    /// <summary>Trimmed text, or null for nothing but spaces.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
