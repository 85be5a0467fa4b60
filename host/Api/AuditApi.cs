using Crm.Host.Security;
using Crm.Sdk.Auditing;
using Crm.Sdk.Security;

namespace Crm.Host.Api;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/{entity}/{id}", async (string entity, string id, IAuditLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.ForRecordAsync(entity, id, ct)))
            .RequirePermission(CorePermissions.ViewAudit);
}
