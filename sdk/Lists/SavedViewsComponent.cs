namespace Crm.Sdk.Lists;

/// <summary>
/// The host's dropdown of saved views, for any list page to drop in above its filters:
/// <c>@await Component.InvokeAsync(SavedViewsComponent.Name, new { list = "sales.deals" })</c>. It offers the user's and
/// the shared views, opens the one picked, saves the page's current query under a name and deletes the user's own.
/// </summary>
public static class SavedViewsComponent
{
    /// <summary>The view component's name.</summary>
    public const string Name = "SavedViews";
}
