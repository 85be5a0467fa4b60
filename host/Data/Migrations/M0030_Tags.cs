using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Tags (one list, names unique whatever their case) and which companies and contacts carry them, indexed per tag for list filters.</summary>
[Migration(30, "Tags")]
public sealed class M0030_Tags : Migration
{
    public override void Up()
    {
        Create.Table("core_tags")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(50).NotNullable()
            .WithColumn("NameKey").AsString(50).NotNullable();
        Create.Index("IX_core_tags_NameKey").OnTable("core_tags").OnColumn("NameKey").Ascending().WithOptions().Unique();

        Create.Table("core_client_tags")
            .WithColumn("Kind").AsInt32().PrimaryKey()
            .WithColumn("RecordId").AsInt32().PrimaryKey()
            .WithColumn("TagId").AsInt32().PrimaryKey().ForeignKey("core_tags", "Id").OnDelete(System.Data.Rule.Cascade);
        Create.Index("IX_core_client_tags_TagId_Kind_RecordId").OnTable("core_client_tags")
            .OnColumn("TagId").Ascending().OnColumn("Kind").Ascending().OnColumn("RecordId").Ascending();
    }

    public override void Down()
    {
        Delete.Table("core_client_tags");
        Delete.Table("core_tags");
    }
}
