using Crm.Host.Security;

namespace Crm.Host.Api;

public sealed record MeResponse(string Id, string Name, bool IsAdministrator, IReadOnlyList<string> Permissions);

public static class MeApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", (CurrentUser user, PermissionCatalog permissions) =>
            TypedResults.Ok(new MeResponse(user.Id!, user.Name, user.IsAdministrator,
                permissions.All.Select(p => p.Permission.Name).Where(user.HasPermission).Order().ToList())))
            .WithTags("me");
}
