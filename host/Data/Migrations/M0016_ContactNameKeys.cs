using System.Data;
using Crm.Host.Clients;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>A contact's name reduced by <see cref="ContactNames.Key"/>, indexed, to find likely duplicate people.</summary>
[Migration(16, "Contact name keys")]
public sealed class M0016_ContactNameKeys : Migration
{
    public override void Up()
    {
        Alter.Table("core_contacts").AddColumn("NameKey").AsString(ContactNames.MaxLength).Nullable();
        Create.Index("IX_core_contacts_NameKey").OnTable("core_contacts").OnColumn("NameKey").Ascending();
        Execute.WithConnection(FillKeys);
    }

    public override void Down()
    {
        Delete.Index("IX_core_contacts_NameKey").OnTable("core_contacts");
        Delete.Column("NameKey").FromTable("core_contacts");
    }

    static void FillKeys(IDbConnection connection, IDbTransaction transaction)
    {
        var keys = new List<(int Id, string? Key)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id, FirstName, LastName FROM core_contacts";
            using var reader = read.ExecuteReader();
            while (reader.Read()) keys.Add((reader.GetInt32(0), ContactNames.Key(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))));
        }
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE core_contacts SET NameKey = @key WHERE Id = @id";
        var key = update.CreateParameter();
        key.ParameterName = "@key";
        update.Parameters.Add(key);
        var id = update.CreateParameter();
        id.ParameterName = "@id";
        update.Parameters.Add(id);
        foreach (var (contactId, nameKey) in keys)
        {
            key.Value = (object?)nameKey ?? DBNull.Value;
            id.Value = contactId;
            update.ExecuteNonQuery();
        }
    }
}
