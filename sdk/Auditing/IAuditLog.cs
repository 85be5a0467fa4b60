namespace Crm.Sdk.Auditing;

/// <summary>Reads the change history of a record, newest first.</summary>
public interface IAuditLog
{
    /// <summary>The history of one record, by table name and key as text.</summary>
    Task<IReadOnlyList<AuditRecord>> ForRecordAsync(string entity, string entityId, CancellationToken cancellationToken);
}
