using Crm.Host.Data;
using Crm.Sdk.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Auditing;

public sealed class AuditLog(CoreDbContext db) : IAuditLog
{
    public async Task<IReadOnlyList<AuditRecord>> ForRecordAsync(string entity, string entityId, CancellationToken cancellationToken) =>
        await db.Audit.AsNoTracking()
            .Where(a => a.Entity == entity && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditRecord(a.Id, a.AtUtc, a.UserId, a.UserName, a.Entity, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
}
