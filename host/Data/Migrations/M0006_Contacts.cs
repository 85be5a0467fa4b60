using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Contacts and their places at companies.</summary>
[Migration(6, "Contacts")]
public sealed class M0006_Contacts : Migration
{
    public override void Up()
    {
        Create.Table("core_contacts")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("FirstName").AsString(100).NotNullable()
            .WithColumn("LastName").AsString(100).NotNullable() // "" when unknown, so the list sorts and pages on it
            .WithColumn("Position").AsString(200).Nullable()
            .WithColumn("Phone").AsString(64).Nullable()
            .WithColumn("PhoneKey").AsString(10).Nullable()
            .WithColumn("Email").AsString(256).Nullable()
            .WithColumn("Messenger").AsString(200).Nullable()
            .WithColumn("Birthday").AsDate().Nullable()
            .WithColumn("Notes").AsString(4000).Nullable()
            .WithColumn("MarketingConsent").AsBoolean().NotNullable()
            .WithColumn("ConsentAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("ConsentSource").AsString(200).Nullable()
            .WithColumn("OwnerId").AsString(64).NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("UpdatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("DeletedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Index("IX_core_contacts_DeletedAtUtc_LastName_FirstName_Id").OnTable("core_contacts")
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("LastName").Ascending().OnColumn("FirstName").Ascending().OnColumn("Id").Ascending();
        Create.Index("IX_core_contacts_OwnerId_DeletedAtUtc_LastName").OnTable("core_contacts")
            .OnColumn("OwnerId").Ascending().OnColumn("DeletedAtUtc").Ascending().OnColumn("LastName").Ascending();
        Create.Index("IX_core_contacts_PhoneKey").OnTable("core_contacts").OnColumn("PhoneKey").Ascending();
        Create.Index("IX_core_contacts_Email").OnTable("core_contacts").OnColumn("Email").Ascending();

        Create.Table("core_contact_companies")
            .WithColumn("ContactId").AsInt32().PrimaryKey().ForeignKey("core_contacts", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("CompanyId").AsInt32().PrimaryKey().ForeignKey("core_companies", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Role").AsInt32().NotNullable()
            .WithColumn("Influence").AsInt32().NotNullable();
        Create.Index("IX_core_contact_companies_CompanyId").OnTable("core_contact_companies").OnColumn("CompanyId").Ascending();
    }

    public override void Down()
    {
        Delete.Table("core_contact_companies");
        Delete.Table("core_contacts");
    }
}
