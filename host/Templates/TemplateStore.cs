using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Modules;
using Crm.Sdk.Security;
using Crm.Sdk.Templates;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Templates;

/// <summary>A module template with its current text and where that text comes from.</summary>
public sealed record TemplateInfo(string ModuleId, DocumentTemplate Template, string DefaultText, string CurrentText, int? OverrideVersion);

/// <summary>Module templates' default texts (embedded in the module) and administrators' overrides with their history.</summary>
public sealed class TemplateStore(ModuleCatalog catalog, CoreDbContext db, ICurrentUser user)
{
    public IEnumerable<(string ModuleId, DocumentTemplate Template)> All =>
        catalog.Contributed(c => c.Templates).Select(x => (x.Module.Id, x.Item));

    public async Task<TemplateInfo?> FindAsync(string moduleId, string name, CancellationToken cancellationToken)
    {
        var entry = catalog.Find(moduleId);
        var template = entry is { IsEnabled: true } ? entry.Contributions.Templates.FirstOrDefault(t => t.Name == name) : null;
        if (template == null) return null;
        var defaultText = ReadDefault(entry!, template);
        var latest = await db.TemplateOverrides.AsNoTracking()
            .Where(o => o.ModuleId == moduleId && o.Name == name)
            .OrderByDescending(o => o.Version).FirstOrDefaultAsync(cancellationToken);
        return new TemplateInfo(moduleId, template, defaultText, latest?.Content ?? defaultText, latest?.Content == null ? null : latest.Version);
    }

    public Task<List<TemplateOverride>> HistoryAsync(string moduleId, string name, CancellationToken cancellationToken) =>
        db.TemplateOverrides.AsNoTracking().Where(o => o.ModuleId == moduleId && o.Name == name)
            .OrderByDescending(o => o.Version).ToListAsync(cancellationToken);

    /// <summary>Saves a new version; null content goes back to the module's default (kept in the history too).</summary>
    public async Task<int> SaveAsync(string moduleId, string name, string? content, CancellationToken cancellationToken)
    {
        try { return await AppendAsync(moduleId, name, content, cancellationToken); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // someone saved the same version a moment earlier: take the next number
            return await AppendAsync(moduleId, name, content, cancellationToken);
        }
    }

    async Task<int> AppendAsync(string moduleId, string name, string? content, CancellationToken cancellationToken)
    {
        var version = 1 + (await db.TemplateOverrides.Where(o => o.ModuleId == moduleId && o.Name == name)
            .MaxAsync(o => (int?)o.Version, cancellationToken) ?? 0);
        db.TemplateOverrides.Add(new TemplateOverride
        {
            ModuleId = moduleId, Name = name, Version = version, Content = content,
            CreatedBy = user.Name, CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    static string ReadDefault(ModuleEntry entry, DocumentTemplate template)
    {
        using var stream = entry.Assembly!.GetManifestResourceStream(template.ResourceName)
            ?? throw new TemplateRenderException($"{entry.Id}: template resource {template.ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
