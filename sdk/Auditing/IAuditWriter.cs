using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Auditing;

/// <summary>Writes audit rows on the saving context's own connection and transaction (implemented by the host).</summary>
public interface IAuditWriter
{
    /// <summary>Records the changes as made by the current user, now.</summary>
    Task WriteAsync(DbContext context, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken);
}
