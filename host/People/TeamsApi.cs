using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.People;

/// <summary>/api/v1/teams: teams with their heads and members, for whoever manages users.</summary>
public static class TeamsApi
{
    public static void Map(RouteGroupBuilder teams)
    {
        teams.RequirePermission(CorePermissions.ManageUsers);
        teams.MapGet("/", async (TeamService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));
        teams.MapGet("/{id:int}", async (int id, TeamService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } team ? Results.Ok(team) : Results.NotFound());
        teams.MapPost("/", async (TeamInput input, TeamService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            await service.CreateAsync(input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/teams/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text));
        teams.MapPut("/{id:int}", async (int id, TeamInput input, TeamService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            await service.UpdateAsync(id, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text));
        teams.MapDelete("/{id:int}", async (int id, TeamService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text));
    }
}
