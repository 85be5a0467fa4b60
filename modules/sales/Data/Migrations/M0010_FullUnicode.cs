using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// Every sales table in utf8mb4 on MySQL/MariaDB: on a database that defaulted to utf8mb3 a deal, product or pipeline
/// with an emoji in its name failed with "Incorrect string value". Nothing to do on SQLite.
/// </summary>
[Migration(10, "Full Unicode")]
public sealed class M0010_FullUnicode : Migration
{
    public override void Up() => IfDatabase(FullUnicode.MySqlDatabases).Execute.ConvertTables("sales_");

    // Back to utf8mb3 would lose every four-byte character stored since, so the tables stay as they are.
    public override void Down() { }
}
