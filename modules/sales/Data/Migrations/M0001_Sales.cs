using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>Pipelines, deals with lines and stage history, the catalogue, discounts, documents, plans and rewards.</summary>
[Migration(1, "Sales")]
public sealed class M0001_Sales : Migration
{
    public override void Up()
    {
        Create.Table("sales_pipelines")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("SortOrder").AsInt32().NotNullable()
            .WithColumn("IsArchived").AsBoolean().NotNullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Table("sales_stages")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("PipelineId").AsInt32().NotNullable().ForeignKey("FK_sales_stages_sales_pipelines_PipelineId", "sales_pipelines", "Id")
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("SortOrder").AsInt32().NotNullable()
            .WithColumn("Probability").AsInt32().NotNullable()
            .WithColumn("NormDays").AsInt32().Nullable()
            .WithColumn("Kind").AsInt32().NotNullable()
            .WithColumn("IsArchived").AsBoolean().NotNullable();
        Create.Index("IX_sales_stages_PipelineId_SortOrder").OnTable("sales_stages").OnColumn("PipelineId").Ascending().OnColumn("SortOrder").Ascending();
        Create.Table("sales_loss_reasons")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("SortOrder").AsInt32().NotNullable()
            .WithColumn("IsArchived").AsBoolean().NotNullable();

        Create.Table("sales_product_groups")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(200).NotNullable();
        Create.Table("sales_products")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("GroupId").AsInt32().Nullable().ForeignKey("FK_sales_products_sales_product_groups_GroupId", "sales_product_groups", "Id")
            .WithColumn("Sku").AsString(64).NotNullable()
            .WithColumn("Name").AsString(300).NotNullable()
            .WithColumn("Unit").AsString(20).NotNullable()
            .WithColumn("IsArchived").AsBoolean().NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Index("IX_sales_products_Sku").OnTable("sales_products").OnColumn("Sku").Unique();
        Create.Index("IX_sales_products_Name").OnTable("sales_products").OnColumn("Name").Ascending();
        Create.Index("IX_sales_products_GroupId").OnTable("sales_products").OnColumn("GroupId").Ascending();
        Create.Table("sales_product_prices")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("ProductId").AsInt32().NotNullable().ForeignKey("FK_sales_product_prices_sales_products_ProductId", "sales_products", "Id")
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("Price").AsInt64().NotNullable();
        Create.Index("IX_sales_product_prices_ProductId_Currency").OnTable("sales_product_prices")
            .OnColumn("ProductId").Ascending().OnColumn("Currency").Ascending().WithOptions().Unique();

        Create.Table("sales_deals")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Title").AsString(300).NotNullable()
            .WithColumn("PipelineId").AsInt32().NotNullable().ForeignKey("FK_sales_deals_sales_pipelines_PipelineId", "sales_pipelines", "Id")
            .WithColumn("StageId").AsInt32().NotNullable().ForeignKey("FK_sales_deals_sales_stages_StageId", "sales_stages", "Id")
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("CompanyId").AsInt32().Nullable()
            .WithColumn("ContactId").AsInt32().Nullable()
            .WithColumn("OwnerId").AsString(64).NotNullable()
            .WithColumn("Amount").AsInt64().NotNullable()
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("ExpectedCloseOn").AsDate().Nullable()
            .WithColumn("Source").AsString(100).Nullable()
            .WithColumn("LossReasonId").AsInt32().Nullable().ForeignKey("FK_sales_deals_sales_loss_reasons_LossReasonId", "sales_loss_reasons", "Id")
            .WithColumn("LossNote").AsString(1000).Nullable()
            .WithColumn("StageEnteredAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("UpdatedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("ClosedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("DeletedAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Index("IX_sales_deals_StageId_DeletedAtUtc_UpdatedAtUtc").OnTable("sales_deals")
            .OnColumn("StageId").Ascending().OnColumn("DeletedAtUtc").Ascending().OnColumn("UpdatedAtUtc").Ascending();
        Create.Index("IX_sales_deals_OwnerId_Status").OnTable("sales_deals").OnColumn("OwnerId").Ascending().OnColumn("Status").Ascending();
        Create.Index("IX_sales_deals_PipelineId_Status_ClosedAtUtc").OnTable("sales_deals")
            .OnColumn("PipelineId").Ascending().OnColumn("Status").Ascending().OnColumn("ClosedAtUtc").Ascending();
        Create.Index("IX_sales_deals_Status_ExpectedCloseOn").OnTable("sales_deals").OnColumn("Status").Ascending().OnColumn("ExpectedCloseOn").Ascending();
        Create.Index("IX_sales_deals_CompanyId").OnTable("sales_deals").OnColumn("CompanyId").Ascending();
        Create.Index("IX_sales_deals_ContactId").OnTable("sales_deals").OnColumn("ContactId").Ascending();
        Create.Index("IX_sales_deals_CreatedAtUtc").OnTable("sales_deals").OnColumn("CreatedAtUtc").Ascending();
        Create.Index("IX_sales_deals_LossReasonId").OnTable("sales_deals").OnColumn("LossReasonId").Ascending();

        Create.Table("sales_deal_lines")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("DealId").AsInt32().NotNullable().ForeignKey("FK_sales_deal_lines_sales_deals_DealId", "sales_deals", "Id")
            .WithColumn("ProductId").AsInt32().Nullable().ForeignKey("FK_sales_deal_lines_sales_products_ProductId", "sales_products", "Id")
            .WithColumn("Description").AsString(300).NotNullable()
            .WithColumn("Quantity").AsInt64().NotNullable()
            .WithColumn("UnitPrice").AsInt64().NotNullable()
            .WithColumn("DiscountPercent").AsInt64().NotNullable()
            .WithColumn("Approval").AsInt32().NotNullable()
            .WithColumn("ApprovalById").AsString(64).Nullable()
            .WithColumn("ApprovalAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("SortOrder").AsInt32().NotNullable();
        Create.Index("IX_sales_deal_lines_DealId").OnTable("sales_deal_lines").OnColumn("DealId").Ascending();
        Create.Index("IX_sales_deal_lines_ProductId").OnTable("sales_deal_lines").OnColumn("ProductId").Ascending();
        Create.Index("IX_sales_deal_lines_Approval").OnTable("sales_deal_lines").OnColumn("Approval").Ascending();

        Create.Table("sales_stage_visits")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("DealId").AsInt32().NotNullable().ForeignKey("FK_sales_stage_visits_sales_deals_DealId", "sales_deals", "Id")
            .WithColumn("PipelineId").AsInt32().NotNullable()
            .WithColumn("StageId").AsInt32().NotNullable().ForeignKey("FK_sales_stage_visits_sales_stages_StageId", "sales_stages", "Id")
            .WithColumn("EnteredAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("LeftAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("ByUserId").AsString(64).NotNullable();
        Create.Index("IX_sales_stage_visits_DealId_EnteredAtUtc").OnTable("sales_stage_visits")
            .OnColumn("DealId").Ascending().OnColumn("EnteredAtUtc").Ascending();
        Create.Index("IX_sales_stage_visits_PipelineId_EnteredAtUtc").OnTable("sales_stage_visits")
            .OnColumn("PipelineId").Ascending().OnColumn("EnteredAtUtc").Ascending();
        Create.Index("IX_sales_stage_visits_StageId").OnTable("sales_stage_visits").OnColumn("StageId").Ascending();

        Create.Table("sales_discount_limits")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Role").AsString(256).NotNullable()
            .WithColumn("MaxPercent").AsInt64().NotNullable();
        Create.Index("IX_sales_discount_limits_Role").OnTable("sales_discount_limits").OnColumn("Role").Unique();

        Create.Table("sales_documents")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("DealId").AsInt32().NotNullable().ForeignKey("FK_sales_documents_sales_deals_DealId", "sales_deals", "Id")
            .WithColumn("Kind").AsInt32().NotNullable()
            .WithColumn("Number").AsString(50).NotNullable()
            .WithColumn("VersionNo").AsInt32().NotNullable()
            .WithColumn("Html").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreatedById").AsString(64).NotNullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_sales_documents_DealId_Kind_VersionNo").OnTable("sales_documents")
            .OnColumn("DealId").Ascending().OnColumn("Kind").Ascending().OnColumn("VersionNo").Ascending();
        Create.Index("IX_sales_documents_Kind_Number").OnTable("sales_documents").OnColumn("Kind").Ascending().OnColumn("Number").Ascending();

        Create.Table("sales_plans")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Month").AsDate().NotNullable()
            .WithColumn("OwnerId").AsString(64).Nullable()
            .WithColumn("TeamId").AsInt32().Nullable()
            .WithColumn("Amount").AsInt64().NotNullable()
            .WithColumn("Currency").AsString(3).NotNullable();
        Create.Index("IX_sales_plans_Month_OwnerId_TeamId").OnTable("sales_plans")
            .OnColumn("Month").Ascending().OnColumn("OwnerId").Ascending().OnColumn("TeamId").Ascending();

        Create.Table("sales_commission_rules")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("OwnerId").AsString(64).Nullable()
            .WithColumn("Role").AsString(256).Nullable()
            .WithColumn("Percent").AsInt64().NotNullable()
            .WithColumn("BonusPercent").AsInt64().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[]
                 {
                     "sales_commission_rules", "sales_plans", "sales_documents", "sales_discount_limits", "sales_stage_visits", "sales_deal_lines",
                     "sales_deals", "sales_product_prices", "sales_products", "sales_product_groups", "sales_loss_reasons", "sales_stages", "sales_pipelines",
                 })
            Delete.Table(table);
    }
}
