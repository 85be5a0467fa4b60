using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Sdk.Security;

namespace Crm.Host.Api;

public sealed record ModuleResponse(
    string Id, string? Name, string? Version, string Status, string? Error, string? Description, string? Author, string? Kind,
    IReadOnlyDictionary<string, string> Dependencies);

public sealed record ModuleChangeResponse(bool Succeeded, string Message, IReadOnlyList<string> NeedsConfirmation);

public static class ModulesApi
{
    public static void Map(RouteGroupBuilder modules)
    {
        modules.RequirePermission(CorePermissions.ManageModules);
        modules.MapGet("/", (ModuleCatalog catalog) => TypedResults.Ok(catalog.All.Select(ToResponse).ToList()));
        modules.MapPost("/{id}/enable", async (string id, bool? withDependencies, ModuleLifecycle lifecycle, CancellationToken ct) =>
            ToResult(await lifecycle.EnableAsync(id, withDependencies == true, ct)));
        modules.MapPost("/{id}/disable", async (string id, ModuleLifecycle lifecycle, CancellationToken ct) =>
            ToResult(await lifecycle.DisableAsync(id, ct)));
    }

    public static ModuleResponse ToResponse(ModuleEntry e) => new(
        e.Id, e.Manifest?.Name, e.Manifest?.Version, e.Status.ToString(), e.Error, e.Manifest?.Description, e.Manifest?.Author,
        e.Manifest?.Kind.ToString(), e.Manifest?.Dependencies ?? new Dictionary<string, string>());

    static IResult ToResult(ModuleChangeResult result) => result.Succeeded
        ? TypedResults.Ok(new ModuleChangeResponse(true, result.Message, []))
        : TypedResults.Conflict(new ModuleChangeResponse(false, result.Message, result.NeedsConfirmation));
}
