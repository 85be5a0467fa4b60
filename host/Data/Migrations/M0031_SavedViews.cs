using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Saved views of lists: a user's (or everybody's) named filter and sort of one list, read by list and owner.</summary>
[Migration(31, "Saved views")]
public sealed class M0031_SavedViews : Migration
{
    public override void Up()
    {
        Create.Table("core_saved_views")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("List").AsText(64).NotNullable()
            .WithColumn("Name").AsText(100).NotNullable()
            .WithColumn("Query").AsText(2000).NotNullable()
            .WithColumn("OwnerId").AsText(64).NotNullable()
            .WithColumn("Shared").AsBoolean().NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_core_saved_views_List_OwnerId_Name").OnTable("core_saved_views")
            .OnColumn("List").Ascending().OnColumn("OwnerId").Ascending().OnColumn("Name").Ascending().WithOptions().Unique();
        Create.Index("IX_core_saved_views_List_Shared").OnTable("core_saved_views")
            .OnColumn("List").Ascending().OnColumn("Shared").Ascending();
    }

    public override void Down() => Delete.Table("core_saved_views");
}
