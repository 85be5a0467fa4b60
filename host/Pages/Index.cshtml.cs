using Crm.Host.Modules;
using Crm.Host.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages;

public sealed class IndexModel(ModuleCatalog catalog, CurrentUser user) : PageModel
{
    public string UserName => user.Name;
    public List<string> Modules { get; private set; } = [];

    public void OnGet() => Modules = catalog.Enabled.Select(m => m.Manifest!.Name).ToList();
}
