using FluentMigrator;

namespace Crm.Host.Data.Migrations;

[Migration(5, "Permissions whose defaults were granted")]
public sealed class M0005_GrantedDefaults : Migration
{
    public override void Up() =>
        Create.Table("core_granted_defaults").WithColumn("Permission").AsString(200).PrimaryKey();

    public override void Down() => Delete.Table("core_granted_defaults");
}
