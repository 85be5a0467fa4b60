using System.Collections.Concurrent;
using System.Reflection;
using Crm.Host.Modules;
using Crm.Sdk.Events;

namespace Crm.Host.Events;

/// <summary>Delivers an event to every registered handler whose module is enabled; one failing handler does not stop the others.</summary>
public sealed class DomainEventPublisher(IServiceProvider services, ModuleCatalog catalog, ILogger<DomainEventPublisher> logger)
    : IDomainEventPublisher
{
    static readonly ConcurrentDictionary<Type, (Type Enumerable, MethodInfo Handle)> Shapes = new();

    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var (enumerableType, handle) = Shapes.GetOrAdd(domainEvent.GetType(), type =>
        {
            var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
            return (typeof(IEnumerable<>).MakeGenericType(handlerType), handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!);
        });
        foreach (var handler in (IEnumerable<object>)services.GetRequiredService(enumerableType))
        {
            if (!catalog.IsActive(handler.GetType())) continue;
            try { await (Task)handle.Invoke(handler, [domainEvent, cancellationToken])!; }
            catch (Exception e)
            {
                logger.LogError(e.GetBaseException(), "Handler {Handler} failed on {Event}", handler.GetType().FullName, domainEvent.GetType().Name);
            }
        }
    }
}
