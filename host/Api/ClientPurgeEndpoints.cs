using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>
/// POST /{id}/purge on the companies and contacts groups: deletes a record in the recycle bin for good. 204 when done,
/// 404 outside the caller's scope, 409 problem+json when the record is not in the recycle bin or a module still holds
/// records of it (the detail says which), 403 without <see cref="CorePermissions.PurgeClients"/>. Calling it is the
/// confirmation: the pages ask first.
/// </summary>
public static class ClientPurgeEndpoints
{
    public static void MapPurge(this RouteGroupBuilder group, ClientKind kind) =>
        group.MapPost("/{id:int}/purge", async (int id, ClientPurge purge, IStringLocalizer<HostText> text, CancellationToken ct) =>
                ToResult(await purge.PurgeAsync(new ClientRef(kind, id), ct), text))
            .RequirePermission(CorePermissions.PurgeClients);

    static IResult ToResult(PurgeResult result, IStringLocalizer text) => result.Outcome switch
    {
        PurgeOutcome.Purged => Results.NoContent(),
        PurgeOutcome.NotFound => Results.NotFound(),
        PurgeOutcome.NotInRecycleBin => Refused(text["Purge.NotInRecycleBin"]),
        _ => Refused(string.Join(" ", result.Refusals)),
    };

    static IResult Refused(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The record cannot be deleted for good");
}
