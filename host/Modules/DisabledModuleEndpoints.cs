namespace Crm.Host.Modules;

/// <summary>Marks an endpoint as belonging to a module.</summary>
public sealed record ModuleEndpoint(ModuleEntry Module);

/// <summary>
/// Answers 404 for the API endpoints of a disabled module, before authorization: a switched-off module does not exist
/// for callers, whatever their permissions. (Its pages are removed from MVC instead, see <see cref="ModuleParts"/>.)
/// </summary>
public sealed class DisabledModuleEndpoints(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpoint>() is { Module.IsEnabled: false } endpoint)
            return Results.Problem($"Module \"{endpoint.Module.Id}\" is not enabled.", statusCode: StatusCodes.Status404NotFound)
                .ExecuteAsync(context);
        return next(context);
    }
}
