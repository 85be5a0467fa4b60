using System.Globalization;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Modules;
using Crm.Sdk.Modules;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Settings;

/// <summary>Reads and saves modules' settings, validating each value against its declared type.</summary>
public sealed class ModuleSettings(CoreDbContext db, ModuleCatalog catalog, ICurrentUser user) : IModuleSettings
{
    public async Task<string?> GetAsync(string moduleId, string key, CancellationToken cancellationToken)
    {
        var declared = Declared(moduleId).FirstOrDefault(s => s.Key == key)
            ?? throw new ArgumentException($"Module \"{moduleId}\" declares no setting \"{key}\"", nameof(key));
        var saved = await db.Settings.AsNoTracking().FirstOrDefaultAsync(v => v.ModuleId == moduleId && v.Key == key, cancellationToken);
        return saved?.Value ?? declared.Default;
    }

    public IReadOnlyList<ModuleSetting> Declared(string moduleId) =>
        catalog.Find(moduleId) is { IsEnabled: true } entry ? entry.Contributions.Settings : [];

    public async Task<Dictionary<string, string?>> CurrentAsync(string moduleId, CancellationToken cancellationToken)
    {
        var saved = await db.Settings.AsNoTracking().Where(v => v.ModuleId == moduleId)
            .ToDictionaryAsync(v => v.Key, v => v.Value, cancellationToken);
        return Declared(moduleId).ToDictionary(s => s.Key, s => saved.GetValueOrDefault(s.Key) ?? s.Default);
    }

    /// <summary>The keys whose values do not fit their type; nothing is saved unless all fit.</summary>
    public async Task<List<string>> SaveAsync(string moduleId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var declared = Declared(moduleId);
        var invalid = declared.Where(s => values.TryGetValue(s.Key, out var v) && !Fits(s.Type, v)).Select(s => s.Key).ToList();
        if (invalid.Count > 0) return invalid;
        foreach (var setting in declared.Where(s => values.ContainsKey(s.Key)))
        {
            var row = await db.Settings.FirstOrDefaultAsync(v => v.ModuleId == moduleId && v.Key == setting.Key, cancellationToken);
            if (row == null) db.Settings.Add(row = new SettingValue { ModuleId = moduleId, Key = setting.Key });
            row.Value = Normalize(setting.Type, values[setting.Key]);
            row.ChangedBy = user.Name;
            row.ChangedAtUtc = DateTime.UtcNow;
        }
        await db.SaveChangesAsync(cancellationToken);
        return invalid;
    }

    /// <summary>Numbers are typed in the user's culture ("1 234,5" in Russian) and stored invariant.</summary>
    static bool Fits(SettingType type, string? value) => type switch
    {
        SettingType.Number => string.IsNullOrWhiteSpace(value) || CultureNumbers.TryParse(value, CultureInfo.CurrentCulture, out _),
        SettingType.YesNo => value is null or "" or "true" or "false",
        _ => value == null || value.Length <= 4000,
    };

    static string? Normalize(SettingType type, string? value) => type switch
    {
        _ when string.IsNullOrWhiteSpace(value) => null,
        SettingType.Number => CultureNumbers.TryParse(value, CultureInfo.CurrentCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null,
        _ => value,
    };
}
