using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>A new name for a tag.</summary>
public sealed record TagRename(string? Name);

/// <summary>
/// The tag list over /api/v1/tags: anyone who views clients reads it (tags are put on records through the companies and
/// contacts APIs); renaming or removing a tag everywhere is an administrator's.
/// </summary>
public static class TagsApi
{
    public static void Map(RouteGroupBuilder tags)
    {
        tags.RequirePermission(CorePermissions.ViewClients);
        tags.MapGet("/", async (TagService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));
        tags.MapPut("/{id:int}", async (int id, TagRename input, TagService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
                await service.RenameAsync(id, input.Name, ct) switch
                {
                    (false, _) => Results.NotFound(),
                    (_, { } error) => ApiProblems.Field("name", text[error]),
                    _ => Results.NoContent(),
                })
            .RequirePermission(CorePermissions.ManageTags);
        tags.MapDelete("/{id:int}", async (int id, TagService service, CancellationToken ct) =>
                await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.ManageTags);
    }
}
