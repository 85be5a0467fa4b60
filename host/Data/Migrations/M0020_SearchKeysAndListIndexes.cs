using System.Data;
using Crm.Host.Clients;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>
/// Speed at scale (bench/RESULTS.md): contacts get "first last" and "last first" search keys and companies their name key
/// indexed for the global search as a range; companies get an index for the list filtered by status and sorted by name, and a covering index
/// for the client base report, which then reads the index instead of every company row.
/// </summary>
[Migration(20, "Search keys and list indexes")]
public sealed class M0020_SearchKeysAndListIndexes : Migration
{
    public override void Up()
    {
        Alter.Table("core_contacts").AddColumn("FirstNameKey").AsString(ContactNames.MaxLength).NotNullable().WithDefaultValue("");
        Alter.Table("core_contacts").AddColumn("LastNameKey").AsString(ContactNames.MaxLength).NotNullable().WithDefaultValue("");
        Execute.WithConnection(FillKeys);
        // DeletedAtUtc first: SQLite takes "DeletedAtUtc IS NULL" for an equality and would otherwise prefer any index
        // that starts with it over a range on the key alone.
        Create.Index("IX_core_contacts_DeletedAtUtc_FirstNameKey").OnTable("core_contacts")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("FirstNameKey").Ascending();
        Create.Index("IX_core_contacts_DeletedAtUtc_LastNameKey").OnTable("core_contacts")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("LastNameKey").Ascending();
        Create.Index("IX_core_companies_DeletedAtUtc_NameKey").OnTable("core_companies")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("NameKey").Ascending();
        Create.Index("IX_core_companies_DeletedAtUtc_Status_Name_Id").OnTable("core_companies")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("Status").Ascending().OnColumn("Name").Ascending().OnColumn("Id").Ascending();
        Create.Index("IX_core_companies_Report").OnTable("core_companies")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("OwnerId").Ascending().OnColumn("Status").Ascending()
            .OnColumn("Territory").Ascending().OnColumn("Industry").Ascending().OnColumn("LossReason").Ascending()
            .OnColumn("CreatedAtUtc").Ascending();
    }

    public override void Down()
    {
        Delete.Index("IX_core_companies_Report").OnTable("core_companies");
        Delete.Index("IX_core_companies_DeletedAtUtc_Status_Name_Id").OnTable("core_companies");
        Delete.Index("IX_core_companies_DeletedAtUtc_NameKey").OnTable("core_companies");
        Delete.Index("IX_core_contacts_DeletedAtUtc_LastNameKey").OnTable("core_contacts");
        Delete.Index("IX_core_contacts_DeletedAtUtc_FirstNameKey").OnTable("core_contacts");
        Delete.Column("LastNameKey").FromTable("core_contacts");
        Delete.Column("FirstNameKey").FromTable("core_contacts");
    }

    static void FillKeys(IDbConnection connection, IDbTransaction transaction)
    {
        var contacts = new List<Contact>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id, FirstName, LastName FROM core_contacts";
            using var reader = read.ExecuteReader();
            while (reader.Read()) contacts.Add(new Contact { Id = reader.GetInt32(0), FirstName = reader.GetString(1), LastName = reader.IsDBNull(2) ? "" : reader.GetString(2) });
        }
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE core_contacts SET FirstNameKey = @first, LastNameKey = @last WHERE Id = @id";
        IDbDataParameter Parameter(string name)
        {
            var parameter = update.CreateParameter();
            parameter.ParameterName = name;
            update.Parameters.Add(parameter);
            return parameter;
        }
        var (first, last, id) = (Parameter("@first"), Parameter("@last"), Parameter("@id"));
        foreach (var contact in contacts)
        {
            ContactNames.SetKeys(contact);
            (first.Value, last.Value, id.Value) = (contact.FirstNameKey, contact.LastNameKey, contact.Id);
            update.ExecuteNonQuery();
        }
    }
}
