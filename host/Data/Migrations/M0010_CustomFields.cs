using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Fields that administrators add to companies and contacts, and their values, indexed per field for filters.</summary>
[Migration(10, "Custom fields")]
public sealed class M0010_CustomFields : Migration
{
    public override void Up()
    {
        Create.Table("core_custom_fields")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Kind").AsInt32().NotNullable()
            .WithColumn("Key").AsString(64).NotNullable()
            .WithColumn("Label").AsString(200).NotNullable()
            .WithColumn("Type").AsInt32().NotNullable()
            .WithColumn("Options").AsString(4000).Nullable()
            .WithColumn("Required").AsBoolean().NotNullable()
            .WithColumn("SortOrder").AsInt32().NotNullable();
        Create.Index("IX_core_custom_fields_Kind_Key").OnTable("core_custom_fields")
            .OnColumn("Kind").Ascending().OnColumn("Key").Ascending().WithOptions().Unique();

        Create.Table("core_custom_values")
            .WithColumn("FieldId").AsInt32().PrimaryKey().ForeignKey("core_custom_fields", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("RecordId").AsInt32().PrimaryKey()
            .WithColumn("Text").AsString(500).NotNullable()
            .WithColumn("Number").AsCustom("DOUBLE").Nullable() // REAL affinity on SQLite, DOUBLE on MySQL: both index and compare as numbers
            .WithColumn("Date").AsDate().Nullable();
        Create.Index("IX_core_custom_values_RecordId").OnTable("core_custom_values").OnColumn("RecordId").Ascending();
        Create.Index("IX_core_custom_values_FieldId_Text").OnTable("core_custom_values")
            .OnColumn("FieldId").Ascending().OnColumn("Text").Ascending();
        Create.Index("IX_core_custom_values_FieldId_Number").OnTable("core_custom_values")
            .OnColumn("FieldId").Ascending().OnColumn("Number").Ascending();
        Create.Index("IX_core_custom_values_FieldId_Date").OnTable("core_custom_values")
            .OnColumn("FieldId").Ascending().OnColumn("Date").Ascending();
    }

    public override void Down()
    {
        Delete.Table("core_custom_values");
        Delete.Table("core_custom_fields");
    }
}
