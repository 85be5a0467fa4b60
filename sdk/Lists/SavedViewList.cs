namespace Crm.Sdk.Lists;

/// <summary>
/// A list whose filters people can save as views: <paramref name="Key"/> names it (the module id first: "sales.deals"),
/// <paramref name="Url"/> is its page ("/Sales/Deals"), and only users holding <paramref name="Permission"/> keep views of it.
/// </summary>
public sealed record SavedViewList(string Key, string Url, string Permission);
