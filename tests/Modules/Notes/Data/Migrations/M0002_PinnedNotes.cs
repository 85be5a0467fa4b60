using FluentMigrator;

namespace Crm.TestModules.Notes.Data.Migrations;

/// <summary>Version 1.1 of the module: notes can be pinned. Exercises upgrading a module with data in it.</summary>
[Migration(2, "Pinned notes")]
public sealed class M0002_PinnedNotes : Migration
{
    public override void Up() =>
        Alter.Table("notes_items").AddColumn("Pinned").AsBoolean().NotNullable().WithDefaultValue(false);

    public override void Down() => Delete.Column("Pinned").FromTable("notes_items");
}
