using Microsoft.Extensions.Configuration;

namespace Crm.Sdk.Modules;

/// <summary>What the host tells a module while it registers its services.</summary>
public sealed record ModuleContext(ModuleManifest Manifest, string ModuleDirectory, IConfiguration Configuration);
