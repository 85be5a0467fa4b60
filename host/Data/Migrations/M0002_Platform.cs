using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Module states, audit, API tokens, notifications, template overrides and job leases.</summary>
[Migration(2, "Platform services")]
public sealed class M0002_Platform : Migration
{
    public override void Up()
    {
        Create.Table("core_modules")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("Enabled").AsBoolean().NotNullable()
            .WithColumn("InstalledVersion").AsString(64).Nullable()
            .WithColumn("ChangedAtUtc").AsUtcDateTime().NotNullable();

        Create.Table("core_audit")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("UserId").AsString(64).Nullable()
            .WithColumn("UserName").AsString(256).NotNullable()
            .WithColumn("Entity").AsString(128).NotNullable()
            .WithColumn("EntityId").AsString(128).NotNullable()
            .WithColumn("Action").AsInt32().NotNullable()
            .WithColumn("Field").AsString(128).NotNullable()
            .WithColumn("OldValue").AsString(int.MaxValue).Nullable()
            .WithColumn("NewValue").AsString(int.MaxValue).Nullable();
        Create.Index("IX_core_audit_Entity_EntityId").OnTable("core_audit").OnColumn("Entity").Ascending().OnColumn("EntityId").Ascending();

        Create.Table("core_api_tokens")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(64).NotNullable()
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("Prefix").AsString(16).NotNullable()
            .WithColumn("Hash").AsString(64).NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("LastUsedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("RevokedAtUtc").AsUtcDateTime().Nullable();
        Create.Index("IX_core_api_tokens_Hash").OnTable("core_api_tokens").OnColumn("Hash").Unique();
        Create.Index("IX_core_api_tokens_UserId").OnTable("core_api_tokens").OnColumn("UserId");

        Create.Table("core_notifications")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(64).NotNullable()
            .WithColumn("Title").AsString(300).NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).Nullable()
            .WithColumn("Link").AsString(500).Nullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("ReadAtUtc").AsUtcDateTime().Nullable();
        Create.Index("IX_core_notifications_UserId_ReadAtUtc").OnTable("core_notifications")
            .OnColumn("UserId").Ascending().OnColumn("ReadAtUtc").Ascending();

        Create.Table("core_template_overrides")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("ModuleId").AsString(64).NotNullable()
            .WithColumn("Name").AsString(128).NotNullable()
            .WithColumn("Version").AsInt32().NotNullable()
            .WithColumn("Content").AsString(int.MaxValue).Nullable()
            .WithColumn("CreatedBy").AsString(256).NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_core_template_overrides_ModuleId_Name_Version").OnTable("core_template_overrides")
            .OnColumn("ModuleId").Ascending().OnColumn("Name").Ascending().OnColumn("Version").Ascending().WithOptions().Unique();

        Create.Table("core_job_leases")
            .WithColumn("JobId").AsString(200).PrimaryKey()
            .WithColumn("NextRunAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("LockedUntilUtc").AsUtcDateTime().Nullable()
            .WithColumn("LockedBy").AsString(200).Nullable()
            .WithColumn("LastRunAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("LastError").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "core_job_leases", "core_template_overrides", "core_notifications", "core_api_tokens", "core_audit", "core_modules" })
            Delete.Table(table);
    }
}
