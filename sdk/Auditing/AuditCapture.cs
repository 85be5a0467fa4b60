using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Sdk.Auditing;

/// <summary>Reads what is about to change from the change tracker, before EF Core accepts the changes.</summary>
public static class AuditCapture
{
    /// <summary>
    /// A model annotation that keeps a property out of the audit, for properties a module cannot put
    /// <see cref="NotAuditedAttribute"/> on: <c>.Property(x => x.Secret).HasAnnotation(AuditCapture.NotAudited, true)</c>.
    /// </summary>
    public const string NotAudited = "Crm:NotAudited";

    static bool IsAudited(PropertyEntry p) =>
        p.Metadata.FindAnnotation(NotAudited)?.Value is not true &&
        p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: true) != true;

    /// <summary>One changed entity, completed after the save when database-generated keys are known.</summary>
    public sealed class PendingChange(EntityEntry entry, AuditAction action, List<(string Field, string? Old, string? New)> fields)
    {
        /// <summary>Builds the audit changes, reading the key now that the database has assigned it.</summary>
        public IEnumerable<AuditChange> Complete()
        {
            var table = entry.Metadata.GetTableName() ?? entry.Metadata.ShortName();
            var key = entry.Metadata.FindPrimaryKey();
            var id = key == null ? "" : string.Join("|", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
            return fields.Select(f => new AuditChange(table, id, action, f.Field, f.Old, f.New));
        }
    }

    /// <summary>Captures the added, modified and deleted entities that are not marked <see cref="NotAuditedAttribute"/>.</summary>
    public static List<PendingChange> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var result = new List<PendingChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Metadata.ClrType.IsDefined(typeof(NotAuditedAttribute), inherit: true)) continue;
            var fields = new List<(string, string?, string?)>();
            switch (entry.State)
            {
                case EntityState.Added:
                    foreach (var p in entry.Properties.Where(p => IsAudited(p) && p.CurrentValue != null))
                        fields.Add((p.Metadata.Name, null, Format(p.CurrentValue)));
                    result.Add(new PendingChange(entry, AuditAction.Insert, fields));
                    break;
                case EntityState.Modified:
                    foreach (var p in entry.Properties.Where(p => IsAudited(p) && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                        fields.Add((p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)));
                    if (fields.Count > 0) result.Add(new PendingChange(entry, AuditAction.Update, fields));
                    break;
                case EntityState.Deleted:
                    foreach (var p in entry.Properties.Where(IsAudited)) fields.Add((p.Metadata.Name, Format(p.OriginalValue), null));
                    result.Add(new PendingChange(entry, AuditAction.Delete, fields));
                    break;
            }
        }
        return result;
    }

    static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
