using Crm.Host.Lists;
using Crm.Host.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.SavedViews;

/// <summary>
/// Where the saved views dropdown of every list page sends its forms: opens a view (a redirect to its list with its
/// query), saves the list's current query under a name, and deletes one's own view. Only a refused save shows a page.
/// </summary>
public sealed class IndexModel(Lists.SavedViews views, IStringLocalizer<HostText> text) : PageModel
{
    public string? BackUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? list, int? id, CancellationToken ct)
    {
        if (id is { } viewId) return await views.FindAsync(viewId, ct) is { } view ? LocalRedirect(view.Url) : NotFound();
        return views.Available(list) is { } known ? LocalRedirect(known.Url) : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? list, string? name, string? query, bool shared, string? returnUrl, CancellationToken ct)
    {
        var result = await views.SaveAsync(list, name, query, shared, ct);
        if (result.Succeeded && await views.FindAsync(result.Id!.Value, ct) is { } view) return LocalRedirect(view.Url);
        foreach (var (field, key) in result.Errors) ModelState.AddModelError(field, text[key]);
        BackUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : views.Available(list)?.Url;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, string? list, CancellationToken ct)
    {
        if (!await views.DeleteAsync(id, ct)) return NotFound();
        return views.Available(list) is { } known ? LocalRedirect(known.Url) : LocalRedirect("/");
    }
}
