using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Sdk.Events;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Events;

/// <summary>
/// Delivers stored events to the handlers of enabled modules, each handler in a service scope of its own. A node claims
/// an event by holding it for a while (so two nodes, or a request and the dispatcher, never run it at once); the handlers
/// that took it are written down, and a failure brings it back later, with growing back-off, for the handlers that did not.
/// </summary>
public sealed class OutboxDelivery(IServiceScopeFactory scopes, ModuleCatalog catalog, ILogger<OutboxDelivery> logger)
{
    static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);
    static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);
    const int MaxErrorLength = 2000;
    readonly ConcurrentDictionary<string, Type?> _types = new();

    /// <summary>Delivers these events now; one that fails stays for a retry. Never throws: the change is committed already.</summary>
    public async Task DeliverAsync(IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids)
        {
            try { await TryDeliverAsync(id.ToString(), CancellationToken.None); }
            catch (Exception e) { logger.LogError(e, "Delivering event {Event} failed; it will be tried again", id); }
        }
    }

    /// <summary>Delivers up to <paramref name="max"/> events that are due (never delivered, or due for a retry); returns how many it took.</summary>
    public async Task<int> DeliverDueAsync(int max, CancellationToken cancellationToken)
    {
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = DateTime.UtcNow;
            due = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking()
                .Where(m => m.DeliveredAtUtc == null && m.NextAttemptAtUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(max).ToListAsync(cancellationToken);
        }
        var taken = 0;
        foreach (var id in due)
            if (await TryDeliverAsync(id, cancellationToken)) taken++;
        return taken;
    }

    /// <summary>Removes events delivered before <paramref name="before"/>.</summary>
    public async Task<int> ForgetDeliveredAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox
            .Where(m => m.DeliveredAtUtc != null && m.DeliveredAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Claims the event and runs its handlers; false when it is not due or another node holds it.</summary>
    async Task<bool> TryDeliverAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var now = DateTime.UtcNow;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.DeliveredAtUtc == null && m.NextAttemptAtUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, now + Hold).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0) return false;
        var message = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
        var done = (message.DoneHandlers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? error;
        try { error = await RunHandlersAsync(message, done, cancellationToken); }
        catch (Exception e) { error = e.GetBaseException().Message; }

        var finished = DateTime.UtcNow;
        var handlers = done.Count == 0 ? null : string.Join('\n', done);
        if (error == null)
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeliveredAtUtc, finished).SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.DoneHandlers, handlers).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        else
        {
            if (error.Length > MaxErrorLength) error = error[..MaxErrorLength];
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAtUtc, finished + Backoff(message.Attempts)).SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.DoneHandlers, handlers).SetProperty(m => m.LastError, error), CancellationToken.None);
        }
        return true;
    }

    /// <summary>Runs every active handler not yet in <paramref name="done"/>, adding those that succeed; returns the first error.</summary>
    async Task<string?> RunHandlersAsync(Data.Entities.OutboxMessage message, List<string> done, CancellationToken cancellationToken)
    {
        if (Resolve(message.EventType) is not { } type)
        {
            // The module that defined it is gone: nothing can take it, and keeping it would retry it forever.
            logger.LogWarning("Event {Event} of unknown type {Type} is dropped", message.Id, message.EventType);
            return null;
        }
        var domainEvent = JsonSerializer.Deserialize(message.Payload, type)!;
        var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
        var handle = handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!;
        List<Type> handlerTypes;
        await using (var scope = scopes.CreateAsyncScope())
            handlerTypes = scope.ServiceProvider.GetServices(handlerType).Select(h => h!.GetType()).ToList();

        string? firstError = null;
        foreach (var handlerClass in handlerTypes)
        {
            if (done.Contains(handlerClass.FullName!) || !catalog.IsActive(handlerClass)) continue;
            await using var scope = scopes.CreateAsyncScope();
            var delivery = scope.ServiceProvider.GetRequiredService<EventDelivery>();
            (delivery.EventId, delivery.Attempt, delivery.RaisedAtUtc) = (Guid.Parse(message.Id), message.Attempts, message.RaisedAtUtc);
            var handler = scope.ServiceProvider.GetServices(handlerType).First(h => h!.GetType() == handlerClass)!;
            try
            {
                await (Task)handle.Invoke(handler, [domainEvent, cancellationToken])!;
                done.Add(handlerClass.FullName!);
            }
            catch (Exception e)
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                logger.LogError(cause, "Handler {Handler} failed on {Event} (attempt {Attempt}); it will be tried again",
                    handlerClass.FullName, type.Name, message.Attempts);
                firstError ??= $"{handlerClass.FullName}: {cause.GetBaseException().Message}";
            }
        }
        return firstError;
    }

    /// <summary>10 s after the first failure, doubling up to an hour.</summary>
    static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    /// <summary>An event type by full name, from the sdk, the host or a loaded module.</summary>
    Type? Resolve(string fullName) => _types.GetOrAdd(fullName, name =>
        typeof(IDomainEvent).Assembly.GetType(name) ?? typeof(OutboxDelivery).Assembly.GetType(name)
        ?? catalog.All.Select(e => e.Assembly?.GetType(name)).FirstOrDefault(t => t != null));
}
