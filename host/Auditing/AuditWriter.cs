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
            Add(command, "@at", now);
            Add(command, "@userId", user.Id);
            Add(command, "@userName", user.Name);
            Add(command, "@entity", change.Entity);
            Add(command, "@entityId", change.EntityId);
            Add(command, "@action", (int)change.Action);
            Add(command, "@field", change.Field);
            Add(command, "@old", change.OldValue);
            Add(command, "@new", change.NewValue);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    static void Add(System.Data.Common.DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
