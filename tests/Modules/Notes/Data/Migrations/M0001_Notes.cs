using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.TestModules.Notes.Data.Migrations;

[Migration(1, "Notes")]
public sealed class M0001_Notes : Migration
{
    public override void Up()
    {
        Create.Table("notes_items")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Title").AsText(200).NotNullable()
            .WithColumn("Body").AsText(int.MaxValue).Nullable()
            .WithColumn("OwnerId").AsText(64).NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_notes_items_OwnerId_CreatedAtUtc").OnTable("notes_items")
            .OnColumn("OwnerId").Ascending().OnColumn("CreatedAtUtc").Ascending();
    }

    public override void Down() => Delete.Table("notes_items");
}
