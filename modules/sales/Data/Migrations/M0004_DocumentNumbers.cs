using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// A counter row per document kind and year, so that two documents issued at once never take the same number, and one
/// version number per deal and kind.
/// </summary>
[Migration(4, "Document numbers")]
public sealed class M0004_DocumentNumbers : Migration
{
    public override void Up()
    {
        Create.Table("sales_document_counters")
            .WithColumn("Kind").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("Year").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("LastNumber").AsInt32().NotNullable();
        // The unique index comes first: MariaDB keeps the old one while the deal foreign key needs an index on DealId.
        Create.Index("UX_sales_documents_DealId_Kind_VersionNo").OnTable("sales_documents")
            .OnColumn("DealId").Ascending().OnColumn("Kind").Ascending().OnColumn("VersionNo").Ascending().WithOptions().Unique();
        Delete.Index("IX_sales_documents_DealId_Kind_VersionNo").OnTable("sales_documents");
    }

    public override void Down()
    {
        Create.Index("IX_sales_documents_DealId_Kind_VersionNo").OnTable("sales_documents")
            .OnColumn("DealId").Ascending().OnColumn("Kind").Ascending().OnColumn("VersionNo").Ascending();
        Delete.Index("UX_sales_documents_DealId_Kind_VersionNo").OnTable("sales_documents");
        Delete.Table("sales_document_counters");
    }
}
