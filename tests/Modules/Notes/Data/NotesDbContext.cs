using Crm.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Data;

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override string TablePrefix => "notes";

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Note>(e =>
        {
            e.ToTable("notes_items");
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.OwnerId).HasMaxLength(64);
            e.HasIndex(n => new { n.OwnerId, n.CreatedAtUtc });
            e.HasIndex(n => n.CompanyId);
            e.HasIndex(n => n.ContactId);
        });
}
