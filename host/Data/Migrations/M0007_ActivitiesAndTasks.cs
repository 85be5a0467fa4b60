using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Interaction history and tasks, indexed for the client's timeline, "my day" and reminders.</summary>
[Migration(7, "Activities and tasks")]
public sealed class M0007_ActivitiesAndTasks : Migration
{
    public override void Up()
    {
        Create.Table("core_activities")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Kind").AsInt32().NotNullable()
            .WithColumn("Subject").AsString(300).NotNullable()
            .WithColumn("Body").AsString(4000).Nullable()
            .WithColumn("Outcome").AsString(1000).Nullable()
            .WithColumn("CompanyId").AsInt32().Nullable().ForeignKey("core_companies", "Id")
            .WithColumn("ContactId").AsInt32().Nullable().ForeignKey("core_contacts", "Id")
            .WithColumn("OwnerId").AsString(64).NotNullable()
            .WithColumn("PlannedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("DoneAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_core_activities_CompanyId_CreatedAtUtc").OnTable("core_activities")
            .OnColumn("CompanyId").Ascending().OnColumn("CreatedAtUtc").Ascending();
        Create.Index("IX_core_activities_ContactId_CreatedAtUtc").OnTable("core_activities")
            .OnColumn("ContactId").Ascending().OnColumn("CreatedAtUtc").Ascending();
        Create.Index("IX_core_activities_OwnerId_PlannedAtUtc").OnTable("core_activities")
            .OnColumn("OwnerId").Ascending().OnColumn("PlannedAtUtc").Ascending();

        Create.Table("core_tasks")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Title").AsString(300).NotNullable()
            .WithColumn("Notes").AsString(4000).Nullable()
            .WithColumn("AssigneeId").AsString(64).NotNullable()
            .WithColumn("CreatedById").AsString(64).NotNullable()
            .WithColumn("DueAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("Priority").AsInt32().NotNullable()
            .WithColumn("CompanyId").AsInt32().Nullable().ForeignKey("core_companies", "Id")
            .WithColumn("ContactId").AsInt32().Nullable().ForeignKey("core_contacts", "Id")
            .WithColumn("RemindAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("RemindedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("DoneAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_core_tasks_AssigneeId_DoneAtUtc_DueAtUtc").OnTable("core_tasks")
            .OnColumn("AssigneeId").Ascending().OnColumn("DoneAtUtc").Ascending().OnColumn("DueAtUtc").Ascending();
        Create.Index("IX_core_tasks_CompanyId").OnTable("core_tasks").OnColumn("CompanyId").Ascending();
        Create.Index("IX_core_tasks_ContactId").OnTable("core_tasks").OnColumn("ContactId").Ascending();
        Create.Index("IX_core_tasks_RemindAtUtc").OnTable("core_tasks").OnColumn("RemindAtUtc").Ascending();
    }

    public override void Down()
    {
        Delete.Table("core_tasks");
        Delete.Table("core_activities");
    }
}
