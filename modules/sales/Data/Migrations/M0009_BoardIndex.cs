using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// The board's counts for a manager (open deals, and deals closed in the last 30 days, per stage) from one index: without
/// it SQLite walked all of the manager's deals, years of them, through the stage index (40–100 ms per board at 1M deals).
/// </summary>
[Migration(9, "Board index")]
public sealed class M0009_BoardIndex : Migration
{
    public override void Up() =>
        Create.Index("IX_sales_deals_Board").OnTable("sales_deals")
            .OnColumn("OwnerId").Ascending().OnColumn("PipelineId").Ascending().OnColumn("Status").Ascending().OnColumn("ClosedAtUtc").Ascending()
            .OnColumn("DeletedAtUtc").Ascending().OnColumn("StageId").Ascending().OnColumn("Currency").Ascending().OnColumn("Amount").Ascending();

    public override void Down() => Delete.Index("IX_sales_deals_Board").OnTable("sales_deals");
}
