using Crm.Sales.Reports;
using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// Stage visits counted per month ahead of time (<see cref="VisitMonth"/>), built here from the visits already stored: the
/// funnel over a year then sums a few thousand rows instead of reading half a million visits on each request.
/// </summary>
[Migration(8, "Visit months")]
public sealed class M0008_VisitMonths : Migration
{
    public override void Up()
    {
        const string key = "PK_sales_visit_months";
        Create.Table("sales_visit_months")
            .WithColumn("PipelineId").AsInt32().NotNullable().PrimaryKey(key)
            .WithColumn("Month").AsInt32().NotNullable().PrimaryKey(key)
            .WithColumn("StageId").AsInt32().NotNullable().PrimaryKey(key)
            .WithColumn("OwnerId").AsString(64).NotNullable().PrimaryKey(key)
            .WithColumn("PreviousEntryOn").AsDate().NotNullable().PrimaryKey(key)
            .WithColumn("Visits").AsInt32().NotNullable()
            .WithColumn("Finished").AsInt32().NotNullable()
            .WithColumn("Seconds").AsInt64().NotNullable();
        IfDatabase("SQLite").Execute.Sql(VisitMonths.CountAllSql(sqlite: true));
        IfDatabase("MySql", "MySql5", "MariaDB").Execute.Sql(VisitMonths.CountAllSql(sqlite: false));
    }

    public override void Down() => Delete.Table("sales_visit_months");
}
