using Crm.Sales.Documents;
using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Sales.Pages.Sales.Documents;

/// <summary>An issued document on its own, as printed: no navigation, served so that nothing in it can run.</summary>
[RequirePermission(Permissions.ViewDeals)]
public sealed class ViewModel(DocumentService documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await documents.HtmlAsync(id, ct) is not { } html) return NotFound();
        await DocumentResults.Html(html).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }
}
