using Crm.Sdk;
using Crm.Sdk.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.TestModules.Reminders;

public sealed class RemindersModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        services.AddRecurringJob<RemindEveryone>();

    public override void MapApi(IEndpointRouteBuilder api) =>
        api.MapGet("/reminders/ping", () => TypedResults.Ok("pong"));
}
