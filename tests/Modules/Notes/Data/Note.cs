namespace Crm.TestModules.Notes.Data;

public sealed class Note
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string OwnerId { get; set; } = "";
    public bool Pinned { get; set; }
    /// <summary>The client company the note is about, if any.</summary>
    public int? CompanyId { get; set; }
    /// <summary>The contact person the note is about, if any.</summary>
    public int? ContactId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
