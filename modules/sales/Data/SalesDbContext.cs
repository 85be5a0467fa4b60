using Crm.Sales.Deals;
using Crm.Sales.Discounts;
using Crm.Sales.Documents;
using Crm.Sales.Pipelines;
using Crm.Sales.Plans;
using Crm.Sales.Products;
using Crm.Sdk.Auditing;
using Crm.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Data;

/// <summary>The sales module's tables. Money is kept in kopecks/cents, quantities in thousandths, percents in hundredths.</summary>
public sealed class SalesDbContext(DbContextOptions<SalesDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Pipeline> Pipelines => Set<Pipeline>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<LossReason> LossReasons => Set<LossReason>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealLine> DealLines => Set<DealLine>();
    public DbSet<StageVisit> StageVisits => Set<StageVisit>();
    public DbSet<Reports.VisitMonth> VisitMonths => Set<Reports.VisitMonth>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductGroup> ProductGroups => Set<ProductGroup>();
    public DbSet<ProductPrice> ProductPrices => Set<ProductPrice>();
    public DbSet<DiscountLimit> DiscountLimits => Set<DiscountLimit>();
    public DbSet<DealDocument> Documents => Set<DealDocument>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<SalesPlan> Plans => Set<SalesPlan>();
    public DbSet<CommissionRule> CommissionRules => Set<CommissionRule>();

    protected override string TablePrefix => "sales";

    protected override void ConfigureModel(ModelBuilder b)
    {
        b.Entity<Pipeline>(e =>
        {
            e.ToTable("sales_pipelines");
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        b.Entity<Stage>(e =>
        {
            e.ToTable("sales_stages");
            e.Property(s => s.Name).HasMaxLength(100);
            e.HasOne<Pipeline>().WithMany().HasForeignKey(s => s.PipelineId);
            e.HasIndex(s => new { s.PipelineId, s.SortOrder });
        });
        b.Entity<LossReason>(e =>
        {
            e.ToTable("sales_loss_reasons");
            e.Property(r => r.Name).HasMaxLength(200);
        });
        b.Entity<Deal>(e =>
        {
            e.ToTable("sales_deals");
            e.Property(d => d.Title).HasMaxLength(300);
            e.Property(d => d.TitleKey).HasMaxLength(300).HasAnnotation(AuditCapture.NotAudited, true); // derived from Title
            e.Property(d => d.OwnerId).HasMaxLength(64);
            e.Property(d => d.Currency).HasMaxLength(3);
            e.Property(d => d.Source).HasMaxLength(100);
            e.Property(d => d.LossNote).HasMaxLength(1000);
            e.Property(d => d.Amount).HasScaledInteger(2);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.StageEnteredAtUtc).HasAnnotation(AuditCapture.NotAudited, true);
            e.Property(d => d.UpdatedAtUtc).HasAnnotation(AuditCapture.NotAudited, true);
            e.Property(d => d.Version).HasAnnotation(AuditCapture.NotAudited, true);
            e.Property(d => d.CycleSeconds).HasAnnotation(AuditCapture.NotAudited, true);
            e.HasOne<Pipeline>().WithMany().HasForeignKey(d => d.PipelineId);
            e.HasOne<Stage>().WithMany().HasForeignKey(d => d.StageId);
            e.HasOne<LossReason>().WithMany().HasForeignKey(d => d.LossReasonId);
            // The kanban column and the list: open deals of a stage, newest first.
            e.HasIndex(d => new { d.StageId, d.DeletedAtUtc, d.UpdatedAtUtc });
            // Lists by owner and status, owner and stage (a manager's kanban column), pipeline and status, pipeline, or none, newest first.
            e.HasIndex(d => new { d.OwnerId, d.Status, d.DeletedAtUtc, d.UpdatedAtUtc });
            e.HasIndex(d => new { d.OwnerId, d.StageId, d.DeletedAtUtc, d.UpdatedAtUtc });
            e.HasIndex(d => new { d.PipelineId, d.Status, d.DeletedAtUtc, d.UpdatedAtUtc });
            e.HasIndex(d => new { d.PipelineId, d.DeletedAtUtc, d.UpdatedAtUtc });
            e.HasIndex(d => d.UpdatedAtUtc);
            // The recycle bin: on SQLite a partial index of the deleted deals only (see M0007 for why).
            e.HasIndex(d => d.DeletedAtUtc).HasDatabaseName("IX_sales_deals_Recycled");
            e.HasIndex(d => new { d.PipelineId, d.Status, d.ClosedAtUtc });
            e.HasIndex(d => new { d.Status, d.ExpectedCloseOn });
            e.HasIndex(d => d.CompanyId);
            e.HasIndex(d => d.ContactId);
            e.HasIndex(d => d.CreatedAtUtc);
            // Reports: deals closed in a period (all of them; per manager, owner by owner), read from the index alone; deals stalled in a stage now.
            e.HasIndex(d => new { d.Status, d.ClosedAtUtc, d.DeletedAtUtc, d.OwnerId, d.Currency, d.Amount, d.CreatedAtUtc })
                .HasDatabaseName("IX_sales_deals_Closed");
            e.HasIndex(d => new { d.OwnerId, d.Status, d.DeletedAtUtc, d.ClosedAtUtc, d.Currency, d.Amount, d.CycleSeconds })
                .HasDatabaseName("IX_sales_deals_ClosedByOwner");
            e.HasIndex(d => new { d.StageId, d.Status, d.DeletedAtUtc, d.StageEnteredAtUtc, d.OwnerId }).HasDatabaseName("IX_sales_deals_StalledInStage");
            // A manager's board: their open deals and those closed lately, per stage, from the index alone (see M0009).
            e.HasIndex(d => new { d.OwnerId, d.PipelineId, d.Status, d.ClosedAtUtc, d.DeletedAtUtc, d.StageId, d.Currency, d.Amount })
                .HasDatabaseName("IX_sales_deals_Board");
            // The global search and the list's search: a range on the title key in (key, id) order, for all deals and for an owner's (see M0006).
            e.HasIndex(d => new { d.TitleKey, d.Id, d.DeletedAtUtc }).HasDatabaseName("IX_sales_deals_TitleKey");
            e.HasIndex(d => new { d.OwnerId, d.TitleKey, d.Id, d.DeletedAtUtc }).HasDatabaseName("IX_sales_deals_OwnerId_TitleKey");
        });
        b.Entity<DealLine>(e =>
        {
            e.ToTable("sales_deal_lines");
            e.Property(l => l.Description).HasMaxLength(300);
            e.Property(l => l.ApprovalById).HasMaxLength(64);
            e.Property(l => l.Quantity).HasScaledInteger(3);
            e.Property(l => l.UnitPrice).HasScaledInteger(2);
            e.Property(l => l.DiscountPercent).HasScaledInteger(2);
            e.HasOne<Deal>().WithMany().HasForeignKey(l => l.DealId);
            e.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId);
            e.HasIndex(l => l.DealId);
            e.HasIndex(l => l.ProductId);
            e.HasIndex(l => l.Approval);
        });
        b.Entity<StageVisit>(e =>
        {
            e.ToTable("sales_stage_visits");
            e.Property(v => v.ByUserId).HasMaxLength(64);
            e.Property(v => v.OwnerId).HasMaxLength(64);
            e.HasOne<Deal>().WithMany().HasForeignKey(v => v.DealId);
            e.HasOne<Stage>().WithMany().HasForeignKey(v => v.StageId);
            e.HasIndex(v => new { v.DealId, v.EnteredAtUtc });
            // The funnel: visits of a pipeline's stages entered in a period.
            e.HasIndex(v => new { v.PipelineId, v.EnteredAtUtc });
            // The funnel reads entries, first entries and times per stage from this index alone, stage by stage.
            e.HasIndex(v => new { v.PipelineId, v.StageId, v.EnteredAtUtc, v.PreviousEntryAtUtc, v.SecondsInStage, v.DealId })
                .HasDatabaseName("IX_sales_stage_visits_Funnel");
            // The same for the visits of some owners' deals (a team's, a manager's own), owner by owner.
            e.HasIndex(v => new { v.PipelineId, v.OwnerId, v.StageId, v.EnteredAtUtc, v.PreviousEntryAtUtc, v.SecondsInStage, v.DealId })
                .HasDatabaseName("IX_sales_stage_visits_FunnelByOwner");
        });
        b.Entity<Reports.VisitMonth>(e =>
        {
            e.ToTable("sales_visit_months");
            // The funnel reads a pipeline's months in a period; the rest of the key tells the rows apart.
            e.HasKey(m => new { m.PipelineId, m.Month, m.StageId, m.OwnerId, m.PreviousEntryOn });
            e.Property(m => m.OwnerId).HasMaxLength(64);
        });
        b.Entity<Product>(e =>
        {
            e.ToTable("sales_products");
            e.Property(p => p.Sku).HasMaxLength(64);
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.Unit).HasMaxLength(20);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<ProductGroup>().WithMany().HasForeignKey(p => p.GroupId);
            e.HasIndex(p => p.Sku).IsUnique();
            e.HasIndex(p => p.Name);
            e.HasIndex(p => p.GroupId);
        });
        b.Entity<ProductGroup>(e =>
        {
            e.ToTable("sales_product_groups");
            e.Property(g => g.Name).HasMaxLength(200);
        });
        b.Entity<ProductPrice>(e =>
        {
            e.ToTable("sales_product_prices");
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.Price).HasScaledInteger(2);
            e.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId);
            e.HasIndex(p => new { p.ProductId, p.Currency }).IsUnique();
        });
        b.Entity<DiscountLimit>(e =>
        {
            e.ToTable("sales_discount_limits");
            e.Property(l => l.Role).HasMaxLength(256);
            e.Property(l => l.MaxPercent).HasScaledInteger(2);
            e.HasIndex(l => l.Role).IsUnique();
        });
        b.Entity<DealDocument>(e =>
        {
            e.ToTable("sales_documents");
            e.Property(d => d.Number).HasMaxLength(50);
            e.Property(d => d.CreatedById).HasMaxLength(64);
            e.HasOne<Deal>().WithMany().HasForeignKey(d => d.DealId);
            e.HasIndex(d => new { d.DealId, d.Kind, d.VersionNo }).IsUnique().HasDatabaseName("UX_sales_documents_DealId_Kind_VersionNo");
            e.HasIndex(d => new { d.Kind, d.Number });
        });
        b.Entity<DocumentCounter>(e =>
        {
            e.ToTable("sales_document_counters");
            e.HasKey(c => new { c.Kind, c.Year });
            e.Property(c => c.Kind).ValueGeneratedNever();
            e.Property(c => c.Year).ValueGeneratedNever();
        });
        b.Entity<SalesPlan>(e =>
        {
            e.ToTable("sales_plans");
            e.Property(p => p.OwnerId).HasMaxLength(64);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.Amount).HasScaledInteger(2);
            e.HasIndex(p => new { p.Month, p.OwnerId, p.TeamId });
        });
        b.Entity<CommissionRule>(e =>
        {
            e.ToTable("sales_commission_rules");
            e.Property(r => r.OwnerId).HasMaxLength(64);
            e.Property(r => r.Role).HasMaxLength(256);
            e.Property(r => r.Percent).HasScaledInteger(2);
            e.Property(r => r.BonusPercent).HasScaledInteger(2);
        });
    }
}
