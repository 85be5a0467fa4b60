using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Admin;

[RequirePermission(CorePermissions.ManageModules)]
public sealed class ModulesModel(ModuleCatalog catalog, ModuleLifecycle lifecycle) : PageModel
{
    public IReadOnlyList<ModuleEntry> Modules => catalog.All;
    public string? Message { get; private set; }
    public (string Id, IReadOnlyList<string> Needs)? Confirm { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostEnableAsync(string id, bool withDependencies, CancellationToken ct)
    {
        var result = await lifecycle.EnableAsync(id, withDependencies, ct);
        Message = result.Message;
        if (result.NeedsConfirmation.Count > 0) Confirm = (id, result.NeedsConfirmation);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        Message = (await lifecycle.DisableAsync(id, ct)).Message;
        return Page();
    }
}
