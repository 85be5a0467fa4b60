using System.Data;
using Crm.Sdk.Search;
using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// A deal's title reduced by <see cref="SearchKey.Of"/>, indexed, so that the global search and the deal list find deals by
/// the start of their title as a range on the index (the same case folding on SQLite and MariaDB) instead of reading
/// every deal through LIKE.
/// </summary>
[Migration(6, "Deal title keys")]
public sealed class M0006_DealTitleKeys : Migration
{
    const int Batch = 5000;

    public override void Up()
    {
        Alter.Table("sales_deals").AddColumn("TitleKey").AsString(300).NotNullable().WithDefaultValue("");
        Execute.WithConnection(FillKeys);
        // Each in the search's order (key, then id), so that a page stops early, with the recycle-bin column checked on the
        // index entry. Not DeletedAtUtc first: SQLite takes "DeletedAtUtc IS NULL" for an equality and would then walk such
        // an index for every unfiltered deal list (M0007). The owner's index serves a manager's or a team's search, for which
        // SQLite would otherwise read all of the owner's deals through the owner index. (The two must not hold the same set of
        // columns: Pomelo's schema reader merges indexes whose columns differ only in order.)
        Create.Index("IX_sales_deals_TitleKey").OnTable("sales_deals")
            .OnColumn("TitleKey").Ascending().OnColumn("Id").Ascending().OnColumn("DeletedAtUtc").Ascending();
        Create.Index("IX_sales_deals_OwnerId_TitleKey").OnTable("sales_deals")
            .OnColumn("OwnerId").Ascending().OnColumn("TitleKey").Ascending().OnColumn("Id").Ascending().OnColumn("DeletedAtUtc").Ascending();
    }

    public override void Down()
    {
        Delete.Index("IX_sales_deals_OwnerId_TitleKey").OnTable("sales_deals");
        Delete.Index("IX_sales_deals_TitleKey").OnTable("sales_deals");
        Delete.Column("TitleKey").FromTable("sales_deals");
    }

    // SQL cannot fold case and ё the way SearchKey.Of does on both databases, so the keys are computed here, a batch
    // of deals at a time (no reader stays open while updating, which MySQL connections do not allow).
    static void FillKeys(IDbConnection connection, IDbTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT Id, Title FROM sales_deals WHERE Id > @after ORDER BY Id LIMIT {Batch}";
        var after = Parameter(read, "@after");
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE sales_deals SET TitleKey = @key WHERE Id = @id";
        var (key, id) = (Parameter(update, "@key"), Parameter(update, "@id"));
        var lastId = 0;
        while (true)
        {
            var deals = new List<(int Id, string Title)>(Batch);
            after.Value = lastId;
            using (var reader = read.ExecuteReader())
                while (reader.Read()) deals.Add((reader.GetInt32(0), reader.GetString(1)));
            foreach (var deal in deals)
            {
                (key.Value, id.Value) = (SearchKey.Of(deal.Title), deal.Id);
                update.ExecuteNonQuery();
            }
            if (deals.Count < Batch) return;
            lastId = deals[^1].Id;
        }
    }

    static IDbDataParameter Parameter(IDbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
