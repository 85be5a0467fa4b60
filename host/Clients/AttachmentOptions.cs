namespace Crm.Host.Clients;

/// <summary>Which files may be attached to activities: section "Crm:Attachments".</summary>
public sealed class AttachmentOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (20 MB by default).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Extensions accepted, separated by commas or spaces; an administrator replaces the whole list.</summary>
    public string AllowedExtensions { get; set; } =
        ".pdf,.txt,.csv,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp,.zip,.eml,.msg";

    /// <summary>
    /// How old (in hours, 24 by default) a file in the attachments folder that no record names must be before
    /// <see cref="AttachmentSweep"/> deletes it; younger ones may belong to an upload still being saved.
    /// </summary>
    public int OrphanGraceHours { get; set; } = 24;

    public IReadOnlySet<string> Extensions() =>
        AllowedExtensions.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => (e.StartsWith('.') ? e : "." + e).ToLowerInvariant()).ToHashSet();
}
