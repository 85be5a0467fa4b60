using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

[Migration(3, "Module settings")]
public sealed class M0003_Settings : Migration
{
    public override void Up() =>
        Create.Table("core_settings")
            .WithColumn("ModuleId").AsString(64).PrimaryKey()
            .WithColumn("Key").AsString(128).PrimaryKey()
            .WithColumn("Value").AsString(int.MaxValue).Nullable()
            .WithColumn("ChangedBy").AsString(256).NotNullable()
            .WithColumn("ChangedAtUtc").AsUtcDateTime().NotNullable();

    public override void Down() => Delete.Table("core_settings");
}
