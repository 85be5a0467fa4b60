using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Files attached to activities, and a recycle bin for activities so their files can come back with them.</summary>
[Migration(15, "Activity attachments")]
public sealed class M0015_ActivityAttachments : Migration
{
    public override void Up()
    {
        Alter.Table("core_activities").AddColumn("DeletedAtUtc").AsUtcDateTime().Nullable();
        Create.Index("IX_core_activities_DeletedAtUtc").OnTable("core_activities").OnColumn("DeletedAtUtc").Ascending();

        Create.Table("core_activity_attachments")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("ActivityId").AsInt32().NotNullable().ForeignKey("core_activities", "Id")
            .WithColumn("FileName").AsString(255).NotNullable()
            .WithColumn("StoredName").AsString(100).NotNullable()
            .WithColumn("SizeBytes").AsInt64().NotNullable()
            .WithColumn("UploadedById").AsString(64).NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_core_activity_attachments_ActivityId").OnTable("core_activity_attachments").OnColumn("ActivityId").Ascending();
    }

    public override void Down()
    {
        Delete.Table("core_activity_attachments");
        Delete.Index("IX_core_activities_DeletedAtUtc").OnTable("core_activities");
        Delete.Column("DeletedAtUtc").FromTable("core_activities");
    }
}
