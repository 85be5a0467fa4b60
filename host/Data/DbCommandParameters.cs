using System.Data.Common;

namespace Crm.Host.Data;

/// <summary>Parameters for the few commands written below EF Core (audit, outbox, idempotency keys, backups).</summary>
public static class DbCommandParameters
{
    /// <summary>Adds a parameter; null is sent as SQL NULL.</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
