using System.Globalization;
using System.Text.Json;
using Crm.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Host.Backups;

/// <summary>A backup archive in the backups folder.</summary>
public sealed record BackupEntry(string Name, string Path, long Bytes, DateTime CreatedAtUtc);

/// <summary>
/// The backups folder (<c>Crm:Backups:Directory</c>, default "backups" in the data directory): the complete archives in
/// it, newest first, and the naming that tells a complete archive from one being written.
/// </summary>
public sealed class BackupCatalog(IOptions<CrmOptions> options, DataDirectory data)
{
    public const string PartialSuffix = ".partial";
    public const string VersionTableSuffix = "_schema_versions";
    const string Prefix = "crm-backup-";
    const string Stamp = "yyyyMMdd-HHmmss-fff";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory { get; } = System.IO.Path.GetFullPath(
        string.IsNullOrWhiteSpace(options.Value.Backups.Directory) ? "backups" : options.Value.Backups.Directory, data.Path);

    public static string NameFor(DateTime createdAtUtc) => $"{Prefix}{createdAtUtc.ToString(Stamp, CultureInfo.InvariantCulture)}.zip";

    /// <summary>Complete archives, newest first; a ".partial" file (a backup cut off by a crash) is never one of them.</summary>
    public List<BackupEntry> List()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return new DirectoryInfo(Directory).EnumerateFiles(Prefix + "*.zip")
            .Select(f => DateTime.TryParseExact(f.Name[Prefix.Length..^4], Stamp, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? new BackupEntry(f.Name, f.FullName, f.Length, at)
                : null)
            .OfType<BackupEntry>().OrderByDescending(b => b.CreatedAtUtc).ToList();
    }

    /// <summary>The archive of this name in the backups folder, or null: a name from a request never reaches another folder.</summary>
    public BackupEntry? Find(string? name) => List().FirstOrDefault(b => b.Name == name);

    /// <summary>Keeps the newest <paramref name="keep"/> archives and deletes the rest, with leftovers of interrupted backups.</summary>
    public int Prune(int keep)
    {
        var removed = 0;
        foreach (var old in List().Skip(Math.Max(1, keep)))
        {
            File.Delete(old.Path);
            removed++;
        }
        if (System.IO.Directory.Exists(Directory))
            foreach (var partial in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*" + PartialSuffix))
                if (File.GetLastWriteTimeUtc(partial) < DateTime.UtcNow.AddHours(-1)) File.Delete(partial); // not one being written now
        return removed;
    }
}
