using System.Data.Common;

namespace Crm.Bench.Run;

/// <summary>What a target says a figure must meet.</summary>
public enum Target { ListOrCard, Search, Report, Column, None }

/// <summary>
/// One key operation: the page a user opens (as which kind of user), and the floor: the same data read by hand-written
/// SQL over ADO.NET. <see cref="Cases"/> gives each concurrent worker its own requests (its own manager's companies).
/// Managers run it unless <see cref="AsAdmin"/> (the administrator) or <see cref="AsHead"/> (heads of sales, team scope).
/// </summary>
public sealed record Operation(
    string Name, Target Target, bool AsAdmin,
    Func<int, Session, IReadOnlyList<Case>> Cases, bool AsHead = false);

/// <summary>One request of an operation and the hand-written SQL that reads the same data.</summary>
public sealed record Case(string Path, Func<DbConnection, int> Floor);

/// <summary>Hand-written SQL helpers: run a query and read every row, as a page would.</summary>
public static class Sql
{
    public static int Read(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        using var reader = command.ExecuteReader();
        var rows = 0;
        var values = new object[64];
        do
        {
            while (reader.Read())
            {
                reader.GetValues(values);
                rows++;
            }
        } while (reader.NextResult());
        return rows;
    }

    public static List<T> List<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(map(reader));
        return list;
    }
}
