namespace Crm.Host.Lists;

/// <summary>A saved view as stored: whose it is, which list, and the list's query string (see <see cref="Crm.Sdk.Lists.ISavedViews"/>).</summary>
public sealed class StoredView
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;

    public int Id { get; set; }
    public string List { get; set; } = "";
    public string Name { get; set; } = "";
    public string Query { get; set; } = "";
    public string OwnerId { get; set; } = "";
    /// <summary>Seen by everybody who sees the list, not only the owner.</summary>
    public bool Shared { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
