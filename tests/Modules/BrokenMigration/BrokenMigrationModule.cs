using Crm.Sdk.Modules;
using FluentMigrator;

namespace Crm.TestModules.BrokenMigration;

public sealed class BrokenMigrationModule : CrmModule;

[Migration(1, "Broken")]
public sealed class M0001_Broken : Migration
{
    public override void Up() => Execute.Sql("CREATE TABLE brokenmigration_things (Id INTEGER NOT NULL, Id INTEGER NOT NULL)");
    public override void Down() { }
}
