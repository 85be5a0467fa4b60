using Crm.Host.Data.Entities;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Host.Templates;
using Crm.Sdk.Security;
using Crm.Sdk.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>Administrators override a module's document template; every save is a version, and a broken template is refused.</summary>
[RequirePermission(CorePermissions.ManageTemplates)]
public sealed class TemplatesModel(TemplateStore store, IStringLocalizer<HostText> text) : PageModel
{
    public IEnumerable<(string ModuleId, DocumentTemplate Template)> All => store.All;
    public TemplateInfo? Current { get; private set; }
    public List<TemplateOverride> History { get; private set; } = [];
    public string? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? moduleId, string? name, CancellationToken ct)
    {
        if (moduleId == null || name == null) return Page();
        return await LoadAsync(moduleId, name, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string moduleId, string name, string? content, string action, CancellationToken ct)
    {
        if (!await LoadAsync(moduleId, name, ct)) return NotFound();
        if (action == "reset")
        {
            await store.SaveAsync(moduleId, name, null, ct);
            return Redirect($"/Admin/Templates/{moduleId}/{name}");
        }
        var parsed = Scriban.Template.Parse(content ?? "");
        if (string.IsNullOrWhiteSpace(content) || parsed.HasErrors)
        {
            ModelState.AddModelError("content", text["Templates.Invalid", string.Join("; ", parsed.Messages)]);
            Draft = content;
            return Page();
        }
        await store.SaveAsync(moduleId, name, content, ct);
        return Redirect($"/Admin/Templates/{moduleId}/{name}");
    }

    async Task<bool> LoadAsync(string moduleId, string name, CancellationToken ct)
    {
        Current = await store.FindAsync(moduleId, name, ct);
        if (Current == null) return false;
        History = await store.HistoryAsync(moduleId, name, ct);
        return true;
    }
}
