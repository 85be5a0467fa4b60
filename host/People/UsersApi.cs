using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.Extensions.Localization;

namespace Crm.Host.People;

/// <summary>/api/v1/users: the staff list with filters, and editing, deactivating, reactivating and new passwords.</summary>
public static class UsersApi
{
    public static void Map(RouteGroupBuilder users)
    {
        users.RequirePermission(CorePermissions.ManageUsers);
        users.MapGet("/", async (string? search, string? role, int? teamId, string? state, UserAdministration service,
            IStringLocalizer<HostText> text, CancellationToken ct) =>
        {
            var filter = new UserFilter(search, role, teamId, state);
            return await service.CheckFilterAsync(filter, ct) is { } bad ? ApiProblems.Failed(bad, text) : Results.Ok(await service.ListAsync(filter, ct));
        });
        users.MapGet("/{id}", async (string id, UserAdministration service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } user ? Results.Ok(user) : Results.NotFound());
        users.MapPut("/{id}", async (string id, UserEdit input, UserAdministration service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            Answer(await service.UpdateAsync(id, input, ct), text));
        users.MapPost("/{id}/deactivate", async (string id, UserAdministration service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            Answer(await service.DeactivateAsync(id, ct), text));
        users.MapPost("/{id}/reactivate", async (string id, UserAdministration service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            Answer(await service.ReactivateAsync(id, ct), text));
        users.MapPost("/{id}/password", async (string id, NewPassword input, UserAdministration service, IStringLocalizer<HostText> text,
            CancellationToken ct) => Answer(await service.SetPasswordAsync(id, input, ct), text));
    }

    static IResult Answer(SaveResult saved, IStringLocalizer text) => saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text);
}
