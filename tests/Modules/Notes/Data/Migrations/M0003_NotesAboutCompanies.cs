using FluentMigrator;

namespace Crm.TestModules.Notes.Data.Migrations;

/// <summary>Version 1.2: a note can be about a client company (by id, never a foreign key into the host's tables).</summary>
[Migration(3, "Notes about companies")]
public sealed class M0003_NotesAboutCompanies : Migration
{
    public override void Up()
    {
        Alter.Table("notes_items").AddColumn("CompanyId").AsInt32().Nullable();
        Create.Index("IX_notes_items_CompanyId").OnTable("notes_items").OnColumn("CompanyId").Ascending();
    }

    public override void Down() => Delete.Column("CompanyId").FromTable("notes_items");
}
