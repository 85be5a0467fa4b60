using System.Data.Common;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Sdk.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Host.Events;

/// <summary>
/// Stores events in <c>core_outbox</c> on the raising context's own connection and transaction (modules' contexts have
/// no entity for the host's table), so the events commit with the change or not at all.
/// </summary>
public sealed class EventOutbox(InstallationDatabase database, OutboxDelivery delivery) : IEventOutbox
{
    public async Task<IReadOnlyList<Guid>> StoreAsync(DbContext context, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var opened = context.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = context.Database.GetDbConnection();
            var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            var now = DateTime.UtcNow;
            var ids = new List<Guid>();
            foreach (var domainEvent in events)
            {
                var id = Guid.NewGuid();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO core_outbox (Id, EventType, Payload, RaisedAtUtc, Attempts, NextAttemptAtUtc) " +
                                      "VALUES (@id, @type, @payload, @now, 0, @now)";
                command.AddParameter("@id", id.ToString());
                command.AddParameter("@type", domainEvent.GetType().FullName);
                command.AddParameter("@payload", JsonSerializer.Serialize(domainEvent, domainEvent.GetType()));
                command.AddParameter("@now", now);
                await command.ExecuteNonQueryAsync(cancellationToken);
                ids.Add(id);
            }
            return ids;
        }
        finally
        {
            if (opened) await context.Database.CloseConnectionAsync();
        }
    }

    public Task DeliverAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) => delivery.DeliverAsync(ids);

    public void DeliverOnCommit(DbContext context, IReadOnlyList<Guid> ids) => database.Commits.Add(context, ids);
}
