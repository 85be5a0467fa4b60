using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>A normalized name and phone on each company, indexed, so that likely duplicates are found by grouping.</summary>
[Migration(9, "Company duplicate keys")]
public sealed class M0009_CompanyKeys : Migration
{
    public override void Up()
    {
        Alter.Table("core_companies").AddColumn("NameKey").AsString(300).NotNullable().WithDefaultValue("");
        Alter.Table("core_companies").AddColumn("PhoneKey").AsString(10).Nullable();
        Create.Index("IX_core_companies_NameKey").OnTable("core_companies").OnColumn("NameKey").Ascending();
        Create.Index("IX_core_companies_PhoneKey").OnTable("core_companies").OnColumn("PhoneKey").Ascending();
        Create.Index("IX_core_companies_Email").OnTable("core_companies").OnColumn("Email").Ascending();
    }

    public override void Down()
    {
        Delete.Index("IX_core_companies_Email").OnTable("core_companies");
        Delete.Index("IX_core_companies_PhoneKey").OnTable("core_companies");
        Delete.Index("IX_core_companies_NameKey").OnTable("core_companies");
        Delete.Column("PhoneKey").FromTable("core_companies");
        Delete.Column("NameKey").FromTable("core_companies");
    }
}
