using System.Globalization;
using Crm.Host.Hosting;
using Crm.Host.Localization;
using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Host.Settings;
using Crm.Sdk.Modules;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>An enabled module's settings, edited by an administrator; numbers in the user's own format.</summary>
[RequirePermission(CorePermissions.ManageModules)]
public sealed class SettingsModel(ModuleSettings settings, ModuleCatalog catalog, ModuleText moduleText, IStringLocalizer<HostText> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ModuleId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    public IEnumerable<(string Id, string Name)> Modules =>
        catalog.Enabled.Where(e => e.Contributions.Settings.Count > 0).Select(e => (e.Id, e.Manifest!.Name));
    public IReadOnlyList<ModuleSetting> Declared { get; private set; } = [];
    public Dictionary<string, string?> Values { get; private set; } = new();

    public string Text(ModuleSetting setting) => moduleText[catalog.Find(ModuleId!), setting.TextKey];

    public string? Display(ModuleSetting setting, string? value) =>
        setting.Type == SettingType.Number && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.CurrentCulture)
            : value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ModuleId == null) return Page();
        Declared = settings.Declared(ModuleId);
        if (Declared.Count == 0) return NotFound();
        Values = await settings.CurrentAsync(ModuleId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Dictionary<string, string?> values, CancellationToken ct)
    {
        if (ModuleId == null || settings.Declared(ModuleId).Count == 0) return NotFound();
        var invalid = await settings.SaveAsync(ModuleId, values, ct);
        if (invalid.Count == 0) return Redirect($"/Admin/Settings/{ModuleId}?saved=true");
        Declared = settings.Declared(ModuleId);
        foreach (var key in invalid)
            ModelState.AddModelError($"values[{key}]", text["Settings.Invalid", Text(Declared.First(s => s.Key == key))]);
        Values = values;
        return Page();
    }
}
