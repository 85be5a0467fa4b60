using Crm.Sdk.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.TestModules.BrokenStartup;

public sealed class BrokenStartupModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<BrokenStartupModule>();
        throw new InvalidOperationException("the licence file is missing");
    }
}
