using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>A task can be about a module's record (a deal, a ticket): which module, which record, its title and page.</summary>
[Migration(25, "Task record links")]
public sealed class M0025_TaskRecordLinks : Migration
{
    public override void Up()
    {
        Alter.Table("core_tasks").AddColumn("LinkModuleId").AsString(64).Nullable();
        Alter.Table("core_tasks").AddColumn("LinkRecordId").AsString(64).Nullable();
        Alter.Table("core_tasks").AddColumn("LinkTitle").AsString(300).Nullable();
        Alter.Table("core_tasks").AddColumn("LinkUrl").AsString(500).Nullable();
        Create.Index("IX_core_tasks_LinkModuleId_LinkRecordId").OnTable("core_tasks")
            .OnColumn("LinkModuleId").Ascending().OnColumn("LinkRecordId").Ascending();
    }

    public override void Down()
    {
        Delete.Index("IX_core_tasks_LinkModuleId_LinkRecordId").OnTable("core_tasks");
        foreach (var column in new[] { "LinkUrl", "LinkTitle", "LinkRecordId", "LinkModuleId" }) Delete.Column(column).FromTable("core_tasks");
    }
}
