using Crm.Host.Data.Entities;
using Crm.Sdk.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Data;

/// <summary>The host's own tables (prefix "core_"): identity, modules, audit, tokens, notifications, templates, jobs.</summary>
public sealed class CoreDbContext(DbContextOptions<CoreDbContext> options) : IdentityDbContext<CrmUser, CrmRole, string>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamHead> TeamHeads => Set<TeamHead>();
    public DbSet<ModuleState> ModuleStates => Set<ModuleState>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<TemplateOverride> TemplateOverrides => Set<TemplateOverride>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<SettingValue> Settings => Set<SettingValue>();
    public DbSet<Clients.Company> Companies => Set<Clients.Company>();
    public DbSet<GrantedDefault> GrantedDefaults => Set<GrantedDefault>();
    public DbSet<Clients.Contact> Contacts => Set<Clients.Contact>();
    public DbSet<Clients.ContactCompany> ContactCompanies => Set<Clients.ContactCompany>();
    public DbSet<Clients.Activity> Activities => Set<Clients.Activity>();
    public DbSet<Clients.ClientTask> Tasks => Set<Clients.ClientTask>();
    public DbSet<Clients.ActivityAttachment> ActivityAttachments => Set<Clients.ActivityAttachment>();
    public DbSet<Clients.ActivityMonth> ActivityMonths => Set<Clients.ActivityMonth>();
    public DbSet<Clients.CustomField> CustomFields => Set<Clients.CustomField>();
    public DbSet<Clients.CustomValue> CustomValues => Set<Clients.CustomValue>();
    public DbSet<Clients.Tag> Tags => Set<Clients.Tag>();
    public DbSet<Clients.ClientTag> ClientTags => Set<Clients.ClientTag>();
    public DbSet<Lists.StoredView> SavedViews => Set<Lists.StoredView>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving writes the audit.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditedSave.SaveAsync(this, async accept =>
        {
            // Activities are audited, so a save that changes one runs in the audit's transaction, and its months with it.
            var months = Clients.ActivityMonths.Changes(ChangeTracker);
            var saved = await base.SaveChangesAsync(accept, cancellationToken);
            await Clients.ActivityMonths.ApplyAsync(this, months, cancellationToken);
            return saved;
        }, acceptAllChangesOnSuccess, cancellationToken);

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<CrmUser>(e =>
        {
            e.ToTable("core_users");
            e.Property(u => u.Id).HasMaxLength(64);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Culture).HasMaxLength(16);
            // Stored as a UTC DATETIME: one column type that SQLite and MySQL migrations both create.
            e.Property(u => u.LockoutEnd).HasConversion(
                v => v.HasValue ? v.Value.UtcDateTime : (DateTime?)null,
                v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);
            foreach (var secret in new[] { nameof(CrmUser.PasswordHash), nameof(CrmUser.SecurityStamp), nameof(CrmUser.ConcurrencyStamp) })
                e.Property(secret).HasAnnotation(AuditCapture.NotAudited, true);
        });
        b.Entity<CrmRole>(e => { e.ToTable("core_roles"); e.Property(r => r.Id).HasMaxLength(64); });
        b.Entity<IdentityUserRole<string>>(e =>
        {
            e.ToTable("core_user_roles");
            e.Property(r => r.UserId).HasMaxLength(64);
            e.Property(r => r.RoleId).HasMaxLength(64);
        });
        b.Entity<IdentityRoleClaim<string>>(e => { e.ToTable("core_role_claims"); e.Property(c => c.RoleId).HasMaxLength(64); });
        b.Entity<IdentityUserClaim<string>>(e => { e.ToTable("core_user_claims"); e.Property(c => c.UserId).HasMaxLength(64); });
        b.Entity<IdentityUserLogin<string>>(e =>
        {
            e.ToTable("core_user_logins");
            e.Property(l => l.LoginProvider).HasMaxLength(128);
            e.Property(l => l.ProviderKey).HasMaxLength(128);
            e.Property(l => l.UserId).HasMaxLength(64);
        });
        b.Entity<IdentityUserToken<string>>(e =>
        {
            e.Property(t => t.Value).HasAnnotation(AuditCapture.NotAudited, true);
            e.ToTable("core_user_tokens");
            e.Property(t => t.UserId).HasMaxLength(64);
            e.Property(t => t.LoginProvider).HasMaxLength(128);
            e.Property(t => t.Name).HasMaxLength(128);
        });

        b.Entity<Team>(e => { e.ToTable("core_teams"); e.Property(t => t.Name).HasMaxLength(200); });
        b.Entity<TeamHead>(e =>
        {
            e.ToTable("core_team_heads");
            e.HasKey(h => new { h.TeamId, h.UserId });
            e.Property(h => h.UserId).HasMaxLength(64);
            e.HasOne<Team>().WithMany().HasForeignKey(h => h.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CrmUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => h.UserId);
        });
        b.Entity<ModuleState>(e =>
        {
            e.ToTable("core_modules");
            e.Property(m => m.Id).HasMaxLength(64);
            e.Property(m => m.InstalledVersion).HasMaxLength(64);
        });
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("core_audit");
            e.Property(a => a.UserId).HasMaxLength(64);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Entity).HasMaxLength(128);
            e.Property(a => a.EntityId).HasMaxLength(128);
            e.Property(a => a.Field).HasMaxLength(128);
            e.HasIndex(a => new { a.Entity, a.EntityId });
        });
        b.Entity<ApiToken>(e =>
        {
            e.ToTable("core_api_tokens");
            e.Property(t => t.UserId).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Hash).HasMaxLength(64).HasAnnotation(AuditCapture.NotAudited, true);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.UserId);
        });
        b.Entity<Notification>(e =>
        {
            e.ToTable("core_notifications");
            e.Property(n => n.UserId).HasMaxLength(64);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Link).HasMaxLength(500);
            e.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        });
        b.Entity<TemplateOverride>(e =>
        {
            e.ToTable("core_template_overrides");
            e.Property(t => t.ModuleId).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(128);
            e.Property(t => t.CreatedBy).HasMaxLength(256);
            e.HasIndex(t => new { t.ModuleId, t.Name, t.Version }).IsUnique();
        });
        b.Entity<Clients.Company>(e =>
        {
            e.ToTable("core_companies");
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.LegalName).HasMaxLength(300);
            e.Property(c => c.NameKey).HasMaxLength(300).HasAnnotation(AuditCapture.NotAudited, true); // derived from Name
            e.Property(c => c.PhoneKey).HasMaxLength(10).HasAnnotation(AuditCapture.NotAudited, true); // derived from Phone
            e.HasIndex(c => c.NameKey);
            e.HasIndex(c => c.PhoneKey);
            e.HasIndex(c => c.Email);
            e.Property(c => c.TaxNumber).HasMaxLength(32);
            e.Property(c => c.Industry).HasMaxLength(100);
            e.Property(c => c.Territory).HasMaxLength(100);
            e.Property(c => c.Phone).HasMaxLength(64);
            e.Property(c => c.Email).HasMaxLength(256);
            e.Property(c => c.Website).HasMaxLength(300);
            e.Property(c => c.Address).HasMaxLength(500);
            e.Property(c => c.LossReason).HasMaxLength(300);
            e.Property(c => c.OwnerId).HasMaxLength(64);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Clients.Company>().WithMany().HasForeignKey(c => c.ParentId);
            e.HasIndex(c => new { c.DeletedAtUtc, c.Name, c.Id });
            e.HasIndex(c => new { c.OwnerId, c.DeletedAtUtc, c.Name, c.Id });
            e.HasIndex(c => c.TaxNumber);
            e.HasIndex(c => c.ParentId);
            e.HasIndex(c => new { c.DeletedAtUtc, c.LastContactAtUtc });
            e.HasIndex(c => new { c.DeletedAtUtc, c.Status, c.Name, c.Id, c.Industry });
            e.HasIndex(c => new { c.DeletedAtUtc, c.NameKey });
            e.HasIndex(c => new { c.DeletedAtUtc, c.OwnerId, c.Status, c.Territory, c.Industry, c.LossReason, c.CreatedAtUtc }, "IX_core_companies_Report");
        });
        b.Entity<Clients.Contact>(e =>
        {
            e.ToTable("core_contacts");
            e.Ignore(c => c.FullName);
            e.Property(c => c.FirstName).HasMaxLength(100);
            e.Property(c => c.LastName).HasMaxLength(100);
            e.Property(c => c.Position).HasMaxLength(200);
            e.Property(c => c.Phone).HasMaxLength(64);
            e.Property(c => c.PhoneKey).HasMaxLength(10);
            e.Property(c => c.NameKey).HasMaxLength(Clients.ContactNames.MaxLength).HasAnnotation(AuditCapture.NotAudited, true); // derived from the name
            e.HasIndex(c => c.NameKey);
            e.Property(c => c.FirstNameKey).HasMaxLength(Clients.ContactNames.MaxLength).HasAnnotation(AuditCapture.NotAudited, true); // derived from the name
            e.Property(c => c.LastNameKey).HasMaxLength(Clients.ContactNames.MaxLength).HasAnnotation(AuditCapture.NotAudited, true);
            e.HasIndex(c => new { c.DeletedAtUtc, c.FirstNameKey });
            e.HasIndex(c => new { c.DeletedAtUtc, c.LastNameKey });
            e.Property(c => c.Email).HasMaxLength(256);
            e.Property(c => c.Messenger).HasMaxLength(200);
            e.Property(c => c.Notes).HasMaxLength(4000);
            e.Property(c => c.ConsentSource).HasMaxLength(200);
            e.Property(c => c.OwnerId).HasMaxLength(64);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.DeletedAtUtc, c.LastName, c.FirstName, c.Id });
            e.HasIndex(c => new { c.OwnerId, c.DeletedAtUtc, c.LastName });
            e.HasIndex(c => c.PhoneKey);
            e.HasIndex(c => c.Email);
        });
        b.Entity<Clients.ContactCompany>(e =>
        {
            e.ToTable("core_contact_companies");
            e.HasKey(l => new { l.ContactId, l.CompanyId });
            e.HasOne<Clients.Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Clients.Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => l.CompanyId);
        });
        b.Entity<Clients.Activity>(e =>
        {
            e.ToTable("core_activities");
            e.Property(a => a.Subject).HasMaxLength(300);
            e.Property(a => a.Body).HasMaxLength(4000);
            e.Property(a => a.Outcome).HasMaxLength(1000);
            e.Property(a => a.OwnerId).HasMaxLength(64);
            // What core_activity_months counts: an update matches only the values it read, so two people deleting or
            // restoring the same activity at once cannot both count the change.
            e.Property(a => a.OwnerId).IsConcurrencyToken();
            e.Property(a => a.DoneAtUtc).IsConcurrencyToken();
            e.Property(a => a.DeletedAtUtc).IsConcurrencyToken();
            e.HasOne<Clients.Company>().WithMany().HasForeignKey(a => a.CompanyId);
            e.HasOne<Clients.Contact>().WithMany().HasForeignKey(a => a.ContactId);
            e.HasIndex(a => new { a.CompanyId, a.CreatedAtUtc });
            e.HasIndex(a => new { a.ContactId, a.CreatedAtUtc });
            e.HasIndex(a => new { a.OwnerId, a.PlannedAtUtc });
            e.HasIndex(a => new { a.OwnerId, a.DoneAtUtc, a.DeletedAtUtc });
            e.HasIndex(a => a.DeletedAtUtc);
        });
        b.Entity<Clients.ActivityMonth>(e =>
        {
            e.ToTable(Clients.ActivityMonths.Table);
            e.HasKey(m => new { m.OwnerId, m.Month });
            e.Property(m => m.OwnerId).HasMaxLength(64);
        });
        b.Entity<Clients.ActivityAttachment>(e =>
        {
            e.ToTable("core_activity_attachments");
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.StoredName).HasMaxLength(100);
            e.Property(a => a.UploadedById).HasMaxLength(64);
            e.HasOne<Clients.Activity>().WithMany().HasForeignKey(a => a.ActivityId);
            e.HasIndex(a => a.ActivityId);
        });
        b.Entity<Clients.ClientTask>(e =>
        {
            e.ToTable("core_tasks");
            e.Property(t => t.Title).HasMaxLength(300);
            e.Property(t => t.Notes).HasMaxLength(4000);
            e.Property(t => t.AssigneeId).HasMaxLength(64);
            e.Property(t => t.CreatedById).HasMaxLength(64);
            e.HasOne<Clients.Company>().WithMany().HasForeignKey(t => t.CompanyId);
            e.HasOne<Clients.Contact>().WithMany().HasForeignKey(t => t.ContactId);
            e.HasIndex(t => new { t.AssigneeId, t.DoneAtUtc, t.DueAtUtc });
            e.HasIndex(t => t.CompanyId);
            e.HasIndex(t => t.ContactId);
            e.HasIndex(t => t.RemindAtUtc);
            e.Property(t => t.LinkModuleId).HasMaxLength(64);
            e.Property(t => t.LinkRecordId).HasMaxLength(64);
            e.Property(t => t.LinkTitle).HasMaxLength(300);
            e.Property(t => t.LinkUrl).HasMaxLength(500);
            e.HasIndex(t => new { t.LinkModuleId, t.LinkRecordId });
        });
        b.Entity<Clients.CustomField>(e =>
        {
            e.ToTable("core_custom_fields");
            e.Ignore(f => f.OptionList);
            e.Property(f => f.Key).HasMaxLength(64);
            e.Property(f => f.Label).HasMaxLength(200);
            e.Property(f => f.Options).HasMaxLength(4000);
            e.HasIndex(f => new { f.Kind, f.Key }).IsUnique();
        });
        b.Entity<Clients.CustomValue>(e =>
        {
            e.ToTable("core_custom_values");
            e.HasKey(v => new { v.FieldId, v.RecordId });
            e.Property(v => v.Text).HasMaxLength(500);
            e.Property(v => v.Number).HasColumnType("double"); // as the migration creates it on both databases
            e.HasOne<Clients.CustomField>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => v.RecordId);
            e.HasIndex(v => new { v.FieldId, v.Text });
            e.HasIndex(v => new { v.FieldId, v.Number });
            e.HasIndex(v => new { v.FieldId, v.Date });
        });
        b.Entity<Clients.Tag>(e =>
        {
            e.ToTable("core_tags");
            e.Property(t => t.Name).HasMaxLength(Clients.Tag.MaxLength);
            e.Property(t => t.NameKey).HasMaxLength(Clients.Tag.MaxLength).HasAnnotation(AuditCapture.NotAudited, true); // derived from Name
            e.HasIndex(t => t.NameKey).IsUnique();
        });
        b.Entity<Clients.ClientTag>(e =>
        {
            e.ToTable("core_client_tags");
            e.HasKey(l => new { l.Kind, l.RecordId, l.TagId });
            e.HasOne<Clients.Tag>().WithMany().HasForeignKey(l => l.TagId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.TagId, l.Kind, l.RecordId });
        });
        b.Entity<Lists.StoredView>(e =>
        {
            e.ToTable("core_saved_views");
            e.Property(v => v.List).HasMaxLength(64);
            e.Property(v => v.Name).HasMaxLength(Lists.StoredView.MaxNameLength);
            e.Property(v => v.Query).HasMaxLength(Lists.StoredView.MaxQueryLength);
            e.Property(v => v.OwnerId).HasMaxLength(64);
            e.HasIndex(v => new { v.List, v.OwnerId, v.Name }).IsUnique();
            e.HasIndex(v => new { v.List, v.Shared });
        });
        b.Entity<GrantedDefault>(e =>
        {
            e.ToTable("core_granted_defaults");
            e.HasKey(g => g.Permission);
            e.Property(g => g.Permission).HasMaxLength(200);
        });
        b.Entity<SettingValue>(e =>
        {
            e.ToTable("core_settings");
            e.HasKey(v => new { v.ModuleId, v.Key });
            e.Property(v => v.ModuleId).HasMaxLength(64);
            e.Property(v => v.Key).HasMaxLength(128);
            e.Property(v => v.ChangedBy).HasMaxLength(256);
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("core_outbox");
            e.Property(m => m.Id).HasMaxLength(36);
            e.Property(m => m.EventType).HasMaxLength(300);
            e.HasIndex(m => new { m.DeliveredAtUtc, m.NextAttemptAtUtc });
        });
        b.Entity<IdempotentRequest>(e =>
        {
            e.ToTable("core_idempotent_requests");
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.Request).HasMaxLength(300);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.Property(r => r.Location).HasMaxLength(500);
            e.HasIndex(r => r.CreatedAtUtc);
        });
        b.Entity<JobLease>(e =>
        {
            e.ToTable("core_job_leases");
            e.HasKey(j => j.JobId);
            e.Property(j => j.JobId).HasMaxLength(200);
            e.Property(j => j.LockedBy).HasMaxLength(200);
        });
    }
}
