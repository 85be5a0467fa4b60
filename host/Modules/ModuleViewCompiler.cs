using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.Primitives;

namespace Crm.Host.Modules;

/// <summary>
/// Finds precompiled views and pages in the current application parts. MVC's own compiler reads the parts once, so a
/// module enabled later would have its pages but not its views and partials; this one rereads them after every enable
/// or disable, and its answers expire at that moment so the view engine's cache follows.
/// </summary>
public sealed class ModuleViewCompilerProvider(ModuleParts parts, ModuleActionDescriptorChangeProvider changes) : IViewCompilerProvider
{
    readonly ModuleViewCompiler _compiler = new(parts, changes);

    public IViewCompiler GetCompiler() => _compiler;
}

public sealed class ModuleViewCompiler(ModuleParts parts, ModuleActionDescriptorChangeProvider changes) : IViewCompiler
{
    readonly Lock _gate = new();
    (IChangeToken Token, Dictionary<string, CompiledViewDescriptor> Views)? _current;

    public Task<CompiledViewDescriptor> CompileAsync(string relativePath)
    {
        var path = Normalize(relativePath);
        var (token, views) = Current();
        if (views.TryGetValue(path, out var view)) return Task.FromResult(view);
        return Task.FromResult(new CompiledViewDescriptor { RelativePath = path, ExpirationTokens = [token] });
    }

    (IChangeToken Token, Dictionary<string, CompiledViewDescriptor> Views) Current()
    {
        lock (_gate)
        {
            if (_current is { } current && !current.Token.HasChanged) return current;
            var token = changes.GetChangeToken();
            var feature = parts.Populate<ViewsFeature>();
            var views = new Dictionary<string, CompiledViewDescriptor>(StringComparer.OrdinalIgnoreCase);
            foreach (var descriptor in feature.ViewDescriptors.Where(d => d.Item != null))
                views.TryAdd(Normalize(descriptor.RelativePath), new CompiledViewDescriptor(descriptor.Item!) { ExpirationTokens = [token] });
            _current = (token, views);
            return _current.Value;
        }
    }

    static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        if (path.StartsWith("~/", StringComparison.Ordinal)) path = path[1..];
        return path.StartsWith('/') ? path : "/" + path;
    }
}
