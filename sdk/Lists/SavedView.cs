namespace Crm.Sdk.Lists;

/// <summary>
/// A saved filter and sort of a list: <paramref name="Query"/> is the list page's query string (without "?" and without
/// paging), <paramref name="Url"/> the list page with that query, ready to link to. <paramref name="Shared"/> views are
/// seen by everybody who sees the list; <paramref name="IsMine"/> says whether the current user saved it.
/// </summary>
public sealed record SavedView(int Id, string List, string Name, string Query, bool Shared, bool IsMine, string OwnerName, string Url);
