using FluentMigrator;

namespace Crm.TestModules.Notes.Data.Migrations;

/// <summary>Version 1.3: a note can be about a contact person too (by id, never a foreign key into the host's tables).</summary>
[Migration(4, "Notes about contacts")]
public sealed class M0004_NotesAboutContacts : Migration
{
    public override void Up()
    {
        Alter.Table("notes_items").AddColumn("ContactId").AsInt32().Nullable();
        Create.Index("IX_notes_items_ContactId").OnTable("notes_items").OnColumn("ContactId").Ascending();
    }

    public override void Down()
    {
        Delete.Index("IX_notes_items_ContactId").OnTable("notes_items");
        Delete.Column("ContactId").FromTable("notes_items");
    }
}
