using System.Text.RegularExpressions;
using Crm.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Host.Clients;

/// <summary>
/// Checks uploaded files against the configured size and types, looking at the first bytes where a type has a known
/// signature (so a renamed executable is not taken for a PDF), and keeps them in the data directory under random names.
/// </summary>
public sealed partial class AttachmentFiles(IOptions<CrmOptions> options, DataDirectory data, ILogger<AttachmentFiles> logger)
{
    const int HeadLength = 4096;
    static readonly byte[] Zip = "PK\x03\x04"u8.ToArray();
    static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The first bytes each type starts with; types not listed here are not checked by content.</summary>
    static readonly Dictionary<string, byte[][]> Signatures = new()
    {
        [".pdf"] = ["%PDF-"u8.ToArray()],
        [".png"] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
        [".jpg"] = [[0xFF, 0xD8, 0xFF]],
        [".jpeg"] = [[0xFF, 0xD8, 0xFF]],
        [".gif"] = ["GIF87a"u8.ToArray(), "GIF89a"u8.ToArray()],
        [".webp"] = ["RIFF"u8.ToArray()],
        [".rtf"] = ["{\\rtf"u8.ToArray()],
        [".zip"] = [Zip],
        [".docx"] = [Zip], [".xlsx"] = [Zip], [".pptx"] = [Zip], [".odt"] = [Zip], [".ods"] = [Zip], [".odp"] = [Zip],
        [".doc"] = [Ole], [".xls"] = [Ole], [".ppt"] = [Ole], [".msg"] = [Ole],
    };

    /// <summary>Plain text types: accepted when they hold no NUL bytes.</summary>
    static readonly HashSet<string> TextTypes = [".txt", ".csv", ".eml"];

    /// <summary>What a download is served as: inert types only, anything else as bytes to save.</summary>
    static readonly Dictionary<string, string> ServedAs = new()
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif", [".webp"] = "image/webp", [".txt"] = "text/plain; charset=utf-8", [".csv"] = "text/csv; charset=utf-8",
    };

    AttachmentOptions Options => options.Value.Attachments;

    public long MaxBytes => Options.MaxBytes;

    /// <summary>Why the file is refused, as a text key with its argument, or null when it may be attached.</summary>
    public async Task<(string Key, object Argument)?> CheckAsync(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName ?? "");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.Length == 0 || !Options.Extensions().Contains(extension)) return ("Attachment.TypeRefused", name);
        if (file.Length > Options.MaxBytes) return ("Attachment.TooBig", Math.Max(1, Options.MaxBytes / 1024 / 1024));
        if (file.Length == 0) return ("Attachment.Empty", name);

        var head = new byte[HeadLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, ct);
        var bytes = head[..read];
        if (Signatures.TryGetValue(extension, out var signatures) && !signatures.Any(s => bytes.AsSpan().StartsWith(s)))
            return ("Attachment.ContentMismatch", name);
        if (TextTypes.Contains(extension) && bytes.Contains((byte)0)) return ("Attachment.ContentMismatch", name);
        return null;
    }

    /// <summary>Copies the file into the data directory and returns its stored name (a path relative to the attachments folder).</summary>
    public async Task<string> StoreAsync(IFormFile file, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var stored = Path.Combine(now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N"));
        var path = FullPath(stored);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await file.CopyToAsync(output, ct);
        return stored.Replace('\\', '/');
    }

    /// <summary>
    /// Deletes a stored file whose record is gone (or was never saved). A failure is logged, not thrown: the record's
    /// change is already committed, and <see cref="AttachmentSweep"/> removes the left-over file later.
    /// </summary>
    public bool Delete(string storedName)
    {
        try
        {
            File.Delete(FullPath(storedName));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the attachment file {StoredName}; the orphan sweep will retry", storedName);
            return false;
        }
    }

    /// <summary>
    /// Stored names of the files in the attachments folder last written before <paramref name="writtenBeforeUtc"/>. Only
    /// names this class gives out (year/month/random) are listed, so nothing else an administrator keeps there is touched.
    /// </summary>
    public IEnumerable<string> StoredBefore(DateTime writtenBeforeUtc)
    {
        var root = Path.Combine(data.Path, "attachments");
        if (!Directory.Exists(root)) yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var stored = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!StoredNamePattern().IsMatch(stored)) continue;
            DateTime written;
            try { written = File.GetLastWriteTimeUtc(path); }
            catch (IOException) { continue; }
            if (written < writtenBeforeUtc) yield return stored;
        }
    }

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$")]
    private static partial Regex StoredNamePattern();

    public Stream Open(string storedName) => new FileStream(FullPath(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    public bool Exists(string storedName) => File.Exists(FullPath(storedName));

    /// <summary>The content type a download is served with: never HTML, SVG or script, whatever the upload claimed.</summary>
    public static string ContentTypeFor(string fileName) =>
        ServedAs.GetValueOrDefault(Path.GetExtension(fileName).ToLowerInvariant(), "application/octet-stream");

    string FullPath(string storedName)
    {
        var root = Path.Combine(data.Path, "attachments");
        var path = Path.GetFullPath(Path.Combine(root, storedName));
        if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("An attachment path left the attachments folder.");
        return path;
    }
}
