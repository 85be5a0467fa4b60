using System.Text.RegularExpressions;
using Crm.Host.Data;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>What an administrator types to define a custom field; <see cref="Options"/> one choice per line.</summary>
public sealed record CustomFieldInput(ClientKind Kind, string? Key, string? Label, CustomFieldType Type, string? Options = null,
    bool Required = false, int SortOrder = 0);

/// <summary>
/// The custom fields defined for companies and contacts: the administrator's list and changes, and the definitions every
/// form, filter, import and export reads (loaded once per request).
/// </summary>
public sealed partial class CustomFieldService(CoreDbContext db)
{
    readonly Dictionary<ClientKind, IReadOnlyList<CustomField>> _loaded = new();

    /// <summary>The fields of companies or contacts in form order.</summary>
    public async Task<IReadOnlyList<CustomField>> ForAsync(ClientKind kind, CancellationToken ct)
    {
        if (_loaded.TryGetValue(kind, out var fields)) return fields;
        return _loaded[kind] = await db.CustomFields.AsNoTracking().Where(f => f.Kind == kind)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);
    }

    public async Task<List<CustomField>> AllAsync(CancellationToken ct) =>
        await db.CustomFields.AsNoTracking().OrderBy(f => f.Kind).ThenBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);

    public Task<CustomField?> FindAsync(int id, CancellationToken ct) => db.CustomFields.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);

    public async Task<ClientSaveResult> CreateAsync(CustomFieldInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return new ClientSaveResult(null, null, errors.All);
        var field = new CustomField { Kind = input.Kind, Key = input.Key!.Trim(), Type = input.Type };
        Apply(field, input);
        db.CustomFields.Add(field);
        await db.SaveChangesAsync(ct);
        _loaded.Clear();
        return new ClientSaveResult(field.Id, 1, new Dictionary<string, string>());
    }

    /// <summary>Changes the label, choices, required flag and order; the key, the type and what it belongs to stay.</summary>
    public async Task<ClientSaveResult> UpdateAsync(int id, CustomFieldInput input, CancellationToken ct)
    {
        var field = await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (field == null) return new ClientSaveResult(null, null, new Dictionary<string, string>(), NotFound: true);
        var errors = await ValidateAsync(input with { Kind = field.Kind, Key = field.Key, Type = field.Type }, field, ct);
        if (errors.Count > 0) return new ClientSaveResult(null, null, errors.All);
        Apply(field, input);
        await db.SaveChangesAsync(ct);
        _loaded.Clear();
        return new ClientSaveResult(field.Id, 1, new Dictionary<string, string>());
    }

    /// <summary>Removes the field and every value it holds.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var field = await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (field == null) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CustomValues.Where(v => v.FieldId == id).ExecuteDeleteAsync(ct);
        db.CustomFields.Remove(field);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        _loaded.Clear();
        return true;
    }

    static void Apply(CustomField field, CustomFieldInput input)
    {
        field.Label = input.Label!.Trim();
        field.Options = field.Type == CustomFieldType.Choice
            ? string.Join('\n', Options(input.Options).Distinct(StringComparer.OrdinalIgnoreCase))
            : null;
        field.Required = input.Required;
        field.SortOrder = input.SortOrder;
    }

    static IEnumerable<string> Options(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    async Task<FieldErrors> ValidateAsync(CustomFieldInput input, CustomField? existing, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("key", input.Key).Required("label", input.Label).MaxLength("label", input.Label, 200);
        if (!Enum.IsDefined(input.Kind)) errors.Add("kind", "CustomField.KindUnknown");
        if (!Enum.IsDefined(input.Type)) errors.Add("type", "CustomField.TypeUnknown");
        if (existing == null && FieldErrors.Clean(input.Key) is { } key)
        {
            if (!KeyPattern().IsMatch(key)) errors.Add("key", "CustomField.KeyInvalid");
            else if (await db.CustomFields.AnyAsync(f => f.Kind == input.Kind && f.Key == key, ct)) errors.Add("key", "CustomField.KeyTaken");
        }
        if (input.Type == CustomFieldType.Choice)
        {
            var options = Options(input.Options).ToList();
            if (options.Count == 0) errors.Add("options", "CustomField.OptionsRequired");
            else if (options.Any(o => o.Length > 200) || (input.Options?.Length ?? 0) > 4000) errors.Add("options", "Client.TooLong");
        }
        return errors;
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}
