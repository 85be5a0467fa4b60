using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Primitives;

namespace Crm.Host.Modules;

/// <summary>Tells MVC to rebuild its pages and routes after a module's parts were added or removed.</summary>
public sealed class ModuleActionDescriptorChangeProvider : IActionDescriptorChangeProvider
{
    CancellationTokenSource _source = new();

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

    public void SignalChange()
    {
        var previous = Interlocked.Exchange(ref _source, new CancellationTokenSource());
        previous.Cancel();
    }
}
