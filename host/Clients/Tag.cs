namespace Crm.Host.Clients;

/// <summary>A label people put on companies and contacts ("VIP", "exhibition 2026") to find them again; one list for everybody.</summary>
public sealed class Tag
{
    public const int MaxLength = 50;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The name in lower case: unique, so "VIP" and "vip" are one tag.</summary>
    public string NameKey { get; set; } = "";

    public static string Key(string name) => name.Trim().ToLowerInvariant();
}
