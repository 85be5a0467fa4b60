using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>When we last were in touch with a company, kept on the company so that "no contact for N days" is one index range.</summary>
[Migration(8, "Last contact with a company")]
public sealed class M0008_LastContact : Migration
{
    public override void Up()
    {
        Alter.Table("core_companies").AddColumn("LastContactAtUtc").AsUtcDateTime().Nullable();
        Create.Index("IX_core_companies_DeletedAtUtc_LastContactAtUtc").OnTable("core_companies")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("LastContactAtUtc").Ascending();
        Execute.Sql("UPDATE core_companies SET LastContactAtUtc = (SELECT MAX(a.DoneAtUtc) FROM core_activities a WHERE a.CompanyId = core_companies.Id)");
    }

    public override void Down()
    {
        Delete.Index("IX_core_companies_DeletedAtUtc_LastContactAtUtc").OnTable("core_companies");
        Delete.Column("LastContactAtUtc").FromTable("core_companies");
    }
}
