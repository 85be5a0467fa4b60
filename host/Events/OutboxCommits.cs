using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Host.Events;

/// <summary>
/// Delivers the events a context stored inside a transaction its caller began, once that transaction commits; forgets
/// them when it rolls back. What a crash or a synchronous commit leaves undelivered, <see cref="OutboxDispatcher"/> finds.
/// </summary>
public sealed class OutboxCommits : DbTransactionInterceptor
{
    readonly ConditionalWeakTable<DbContext, List<Guid>> _pending = new();

    public void Add(DbContext context, IReadOnlyList<Guid> ids)
    {
        var list = _pending.GetOrCreateValue(context);
        lock (list) list.AddRange(ids);
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { Count: > 0 } ids)
            await eventData.Context!.GetService<OutboxDelivery>().DeliverAsync(ids);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

    List<Guid>? Take(DbContext? context)
    {
        if (context == null || !_pending.TryGetValue(context, out var list)) return null;
        _pending.Remove(context);
        lock (list) return list.ToList();
    }
}
