using Crm.Host.Security;
using Crm.Sdk.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Host.Lists;

/// <summary>What the saved views dropdown shows: the views, the one the page shows now, and what a save would store.</summary>
public sealed record SavedViewsModel(string List, IReadOnlyList<SavedView> Views, int? Current, string Query, string ReturnUrl, bool CanShare);

/// <summary>
/// The saved views dropdown of a list page (<see cref="SavedViewsComponent"/>): host and module pages invoke it by name
/// with their list's key. The page's current query is what "Save view" stores.
/// </summary>
[ViewComponent(Name = SavedViewsComponent.Name)]
public sealed class SavedViewsViewComponent(SavedViews views, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string list)
    {
        if (views.Available(list) == null) return Content("");
        var request = HttpContext.Request;
        var query = SavedViews.CleanQuery(request.QueryString.Value);
        var all = await views.ListAsync(list, HttpContext.RequestAborted);
        var current = all.FirstOrDefault(v => v.IsMine && v.Query == query) ?? all.FirstOrDefault(v => v.Query == query);
        return View("/Pages/Shared/Components/SavedViews/Default.cshtml", new SavedViewsModel(list, all, query.Length == 0 ? null : current?.Id, query,
            request.Path + request.QueryString, user.HasPermission(CorePermissions.ShareViews)));
    }
}
