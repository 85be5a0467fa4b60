using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

public sealed record HandoverRequest(IReadOnlyList<string>? SuccessorIds);

public static class HandoverApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/users/{id}/handover", async (string id, HandoverRequest request, Handover handover, IStringLocalizer<HostText> text,
                CancellationToken ct) =>
            {
                var report = await handover.RunAsync(id, request.SuccessorIds ?? [], ct);
                return report.Succeeded
                    ? Results.Ok(report)
                    : ApiProblems.Fields(report.Errors.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value }));
            })
            .RequirePermission(CorePermissions.ManageUsers).WithTags("users");
}
