using Crm.Host.Data;
using Crm.Sdk.Auditing;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Host.Auditing;

/// <summary>Inserts audit rows on the saving context's connection, inside its transaction, so data and audit commit together.</summary>
public sealed class AuditWriter(ICurrentUser user) : IAuditWriter
{
    public async Task WriteAsync(DbContext context, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        var now = DateTime.UtcNow;
        foreach (var change in changes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO core_audit (AtUtc, UserId, UserName, Entity, EntityId, Action, Field, OldValue, NewValue) " +
                "VALUES (@at, @userId, @userName, @entity, @entityId, @action, @field, @old, @new)";
            command.AddParameter("@at", now);
            command.AddParameter("@userId", user.Id);
            command.AddParameter("@userName", user.Name);
            command.AddParameter("@entity", change.Entity);
            command.AddParameter("@entityId", change.EntityId);
            command.AddParameter("@action", (int)change.Action);
            command.AddParameter("@field", change.Field);
            command.AddParameter("@old", change.OldValue);
            command.AddParameter("@new", change.NewValue);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
