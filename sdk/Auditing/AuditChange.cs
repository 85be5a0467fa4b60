namespace Crm.Sdk.Auditing;

/// <summary>One field of one record that changed: values are invariant-culture text.</summary>
public sealed record AuditChange(string Entity, string EntityId, AuditAction Action, string Field, string? OldValue, string? NewValue);

/// <summary>What happened to the record.</summary>
public enum AuditAction { Insert, Update, Delete }

/// <summary>An audit row as read back: the change with who made it and when (UTC).</summary>
public sealed record AuditRecord(long Id, DateTime AtUtc, string? UserId, string UserName, string Entity, string EntityId,
    AuditAction Action, string Field, string? OldValue, string? NewValue);

/// <summary>
/// Marks an entity whose changes are not business data (caches, counters), or a property whose value must never be
/// copied into the audit (secrets, hashes); neither is audited.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
