using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.Modules;

/// <summary>
/// The one class a module assembly exposes. The host creates it with a parameterless constructor,
/// calls <see cref="ConfigureServices"/> once at start, <see cref="Contribute"/> to learn what the module adds,
/// and <see cref="MapApi"/> to map its endpoints under <c>/api/v1</c>. Everything it adds is switched off
/// while the module is disabled.
/// </summary>
public abstract class CrmModule
{
    /// <summary>Registers the module's services: its DbContext, feature services, event handlers and jobs.</summary>
    public virtual void ConfigureServices(IServiceCollection services, ModuleContext context) { }

    /// <summary>Declares permissions, menu items, templates and other contributions.</summary>
    public virtual void Contribute(ModuleContributions contributions) { }

    /// <summary>Maps API endpoints; the builder is already under <c>/api/v1</c> and requires a signed-in user.</summary>
    public virtual void MapApi(IEndpointRouteBuilder api) { }
}
