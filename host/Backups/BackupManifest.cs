namespace Crm.Host.Backups;

/// <summary>
/// What a backup archive holds, as <c>manifest.json</c> at its root: which product and schema versions wrote it, every
/// table with its row count and checksum, every file with its size and checksum. A restore checks all of it first.
/// </summary>
public sealed record BackupManifest(
    int Format,
    string Product,
    DateTime CreatedAtUtc,
    string Provider,
    IReadOnlyDictionary<string, long> Schemas,
    IReadOnlyList<BackupTable> Tables,
    IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
}

/// <summary>A table's rows in <c>tables/{Name}.jsonl</c>: a header line with the columns, then one JSON array per row.</summary>
public sealed record BackupTable(string Name, long Rows, string Sha256)
{
    public string Entry => $"tables/{Name}.jsonl";
}

/// <summary>A file of the data directory (attachments, keys) under its relative path.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);
