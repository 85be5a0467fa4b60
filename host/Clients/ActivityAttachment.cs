namespace Crm.Host.Clients;

/// <summary>
/// A file attached to a call, meeting, email or note. The bytes live in the data directory under
/// <see cref="StoredName"/>, never under wwwroot, and are only served through the scope-checked download.
/// </summary>
public sealed class ActivityAttachment
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    /// <summary>The name the file had on the uploader's machine, shown and offered on download.</summary>
    public string FileName { get; set; } = "";
    /// <summary>The path under the data directory's attachments folder: a random name, never derived from the upload.</summary>
    public string StoredName { get; set; } = "";
    public long SizeBytes { get; set; }
    public string UploadedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
