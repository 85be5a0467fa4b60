using System.Globalization;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Backups;

/// <summary>How often a backup is taken on its own (hours; 0 = never) and how many archives are kept.</summary>
public sealed record BackupPlan(int EveryHours, int Keep)
{
    public const int MaxHours = 24 * 30;
    public const int MaxKeep = 365;
    /// <summary>A fresh installation backs up daily and keeps a week.</summary>
    public static readonly BackupPlan Default = new(24, 7);
}

/// <summary>The administrator's backup plan, kept among the host's settings (module id "core").</summary>
public sealed class BackupSchedule(CoreDbContext db, ICurrentUser user)
{
    const string Module = "core";
    const string HoursKey = "backups.everyHours";
    const string KeepKey = "backups.keep";

    public async Task<BackupPlan> GetAsync(CancellationToken ct)
    {
        var saved = await db.Settings.AsNoTracking().Where(s => s.ModuleId == Module && (s.Key == HoursKey || s.Key == KeepKey))
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new BackupPlan(Number(saved.GetValueOrDefault(HoursKey)) ?? BackupPlan.Default.EveryHours,
            Number(saved.GetValueOrDefault(KeepKey)) ?? BackupPlan.Default.Keep);
    }

    /// <summary>Saves the plan; the fields out of range, by name, when it does not fit (nothing is saved then).</summary>
    public async Task<List<string>> SaveAsync(BackupPlan plan, CancellationToken ct)
    {
        var invalid = new List<string>();
        if (plan.EveryHours is < 0 or > BackupPlan.MaxHours) invalid.Add("everyHours");
        if (plan.Keep is < 1 or > BackupPlan.MaxKeep) invalid.Add("keep");
        if (invalid.Count > 0) return invalid;
        await SetAsync(HoursKey, plan.EveryHours, ct);
        await SetAsync(KeepKey, plan.Keep, ct);
        await db.SaveChangesAsync(ct);
        return invalid;
    }

    async Task SetAsync(string key, int value, CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.ModuleId == Module && s.Key == key, ct);
        if (row == null) db.Settings.Add(row = new SettingValue { ModuleId = Module, Key = key });
        row.Value = value.ToString(CultureInfo.InvariantCulture);
        row.ChangedBy = user.Name ?? "";
        row.ChangedAtUtc = DateTime.UtcNow;
    }

    static int? Number(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
