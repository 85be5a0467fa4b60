using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// Stage visits counted per month ahead of time (Reports/VisitMonth), built here from the visits already stored: the
/// funnel over a year then sums a few thousand rows instead of reading half a million visits on each request. The count
/// is written out here as it stood, so that later changes to the summary's own SQL (VisitMonths.CountAllSql) do not change
/// what this step did.
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
            .WithColumn("OwnerId").AsText(64).NotNullable().PrimaryKey(key)
            .WithColumn("PreviousEntryOn").AsDate().NotNullable().PrimaryKey(key)
            .WithColumn("Visits").AsInt32().NotNullable()
            .WithColumn("Finished").AsInt32().NotNullable()
            .WithColumn("Seconds").AsInt64().NotNullable();
        IfDatabase("SQLite").Execute.Sql(CountAll("CAST(strftime('%Y%m', v.EnteredAtUtc) AS INTEGER)", "COALESCE(date(v.PreviousEntryAtUtc), '0001-01-01')"));
        IfDatabase("MySql", "MySql5", "MariaDB").Execute.Sql(
            CountAll("(YEAR(v.EnteredAtUtc) * 100 + MONTH(v.EnteredAtUtc))", "COALESCE(DATE(v.PreviousEntryAtUtc), '0001-01-01')"));
    }

    static string CountAll(string month, string previousEntryOn) => $"""
        INSERT INTO sales_visit_months (PipelineId, Month, StageId, OwnerId, PreviousEntryOn, Visits, Finished, Seconds)
        SELECT v.PipelineId, {month}, v.StageId, v.OwnerId, {previousEntryOn}, COUNT(*), COUNT(v.SecondsInStage), COALESCE(SUM(v.SecondsInStage), 0)
        FROM sales_stage_visits v JOIN sales_deals d ON d.Id = v.DealId
        WHERE d.DeletedAtUtc IS NULL
        GROUP BY v.PipelineId, {month}, v.StageId, v.OwnerId, {previousEntryOn}
        """;

    public override void Down() => Delete.Table("sales_visit_months");
}
