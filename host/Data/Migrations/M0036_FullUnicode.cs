using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>
/// Every host table in utf8mb4 on MySQL/MariaDB. An installation whose database defaulted to utf8mb3 (or latin1) had its
/// tables created so, and a company or an activity with an emoji in it failed with "Incorrect string value"; the host now
/// makes the database's default utf8mb4 before migrating (<see cref="InstallationDatabase.PrepareAsync"/>), and this step
/// converts the tables made before. Nothing to do on SQLite, whose text is always Unicode.
/// </summary>
[Migration(36, "Full Unicode")]
public sealed class M0036_FullUnicode : Migration
{
    public override void Up() => IfDatabase(FullUnicode.MySqlDatabases).Execute.ConvertTables("core_");

    // Back to utf8mb3 would lose every four-byte character stored since, so the tables stay as they are.
    public override void Down() { }
}
