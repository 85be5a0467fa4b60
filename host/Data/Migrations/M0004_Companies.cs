using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Client companies, with an index behind every default sort and filter of the list.</summary>
[Migration(4, "Companies")]
public sealed class M0004_Companies : Migration
{
    public override void Up()
    {
        Create.Table("core_companies")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(300).NotNullable()
            .WithColumn("LegalName").AsString(300).Nullable()
            .WithColumn("TaxNumber").AsString(32).Nullable()
            .WithColumn("Industry").AsString(100).Nullable()
            .WithColumn("Territory").AsString(100).Nullable()
            .WithColumn("Phone").AsString(64).Nullable()
            .WithColumn("Email").AsString(256).Nullable()
            .WithColumn("Website").AsString(300).Nullable()
            .WithColumn("Address").AsString(500).Nullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("LossReason").AsString(300).Nullable()
            .WithColumn("OwnerId").AsString(64).NotNullable()
            .WithColumn("ParentId").AsInt32().Nullable().ForeignKey("core_companies", "Id")
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("UpdatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("DeletedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Index("IX_core_companies_DeletedAtUtc_Name_Id").OnTable("core_companies")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("Name").Ascending().OnColumn("Id").Ascending();
        Create.Index("IX_core_companies_OwnerId_DeletedAtUtc_Name_Id").OnTable("core_companies")
            .OnColumn("OwnerId").Ascending().OnColumn("DeletedAtUtc").Ascending().OnColumn("Name").Ascending().OnColumn("Id").Ascending();
        Create.Index("IX_core_companies_TaxNumber").OnTable("core_companies").OnColumn("TaxNumber").Ascending();
        Create.Index("IX_core_companies_ParentId").OnTable("core_companies").OnColumn("ParentId").Ascending();
    }

    public override void Down() => Delete.Table("core_companies");
}
