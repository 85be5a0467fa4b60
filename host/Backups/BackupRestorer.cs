using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Crm.Host.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Crm.Host.Hosting;
using Crm.Host.Modules;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Backups;

/// <summary>What a restore brought back.</summary>
public sealed record RestoreReport(int Tables, long Rows, int Files, string Provider);

/// <summary>A backup that cannot be restored here, with the reason in one line for the administrator.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>
/// Restores an archive into an empty installation, on either database: checks every checksum first, refuses a schema newer
/// than this installation knows, migrates each schema to the archive's version, loads every table's rows converted for this
/// database, brings back the files, then applies the migrations that came since (as a start would). Restoring a SQLite
/// archive into MariaDB (or back) is how an installation moves between them.
/// </summary>
public sealed class BackupRestorer(InstallationDatabase database, SchemaMigrator migrator, ModuleCatalog catalog, DataDirectory data,
    Initializer initializer, IServiceScopeFactory scopes, ILogger<BackupRestorer> logger)
{
    public async Task<RestoreReport> RestoreAsync(string archivePath, CancellationToken ct)
    {
        if (!File.Exists(archivePath)) throw new BackupRefusedException($"No backup at {archivePath}.");
        using var zip = OpenArchive(archivePath);
        var manifest = ReadManifest(zip);
        Verify(zip, manifest);
        var owners = CheckSchemas(manifest);

        await database.PrepareAsync(ct);
        await using (var connection = database.OpenConnection())
            if ((await DatabaseTables.ListAsync(connection, database.Provider, null, ct)) is { Count: > 0 } existing)
                throw new BackupRefusedException(
                    $"A restore goes into an empty database, and {database.Describe()} has {existing.Count} tables. Point the settings at a new database (or a new data directory for SQLite) and run it again.");

        foreach (var (owner, assembly) in owners) migrator.MigrateUp(owner, assembly, manifest.Schemas[owner]);
        var rows = await LoadTablesAsync(zip, manifest, ct);
        RestoreFiles(zip, manifest);
        await initializer.InitializeAsync(ct); // migrations newer than the archive, roles, and the modules' states from the restored data
        logger.LogInformation("Restored {Tables} tables ({Rows} rows) and {Files} files from {Archive}", manifest.Tables.Count, rows,
            manifest.Files.Count, archivePath);
        return new RestoreReport(manifest.Tables.Count, rows, manifest.Files.Count, manifest.Provider);
    }

    /// <summary>Checks an archive's checksums without restoring it.</summary>
    public static BackupManifest Check(string archivePath)
    {
        using var zip = OpenArchive(archivePath);
        var manifest = ReadManifest(zip);
        Verify(zip, manifest);
        return manifest;
    }

    static ZipArchive OpenArchive(string path)
    {
        try { return ZipFile.OpenRead(path); }
        catch (InvalidDataException) { throw new BackupRefusedException($"{Path.GetFileName(path)} is not a backup archive (or it is damaged)."); }
    }

    static BackupManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupRefusedException("The archive has no manifest: it is not a complete backup.");
        using var stream = entry.Open();
        var manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupCatalog.Json)
                       ?? throw new BackupRefusedException("The archive's manifest is empty.");
        if (manifest.Format > BackupManifest.CurrentFormat)
            throw new BackupRefusedException($"The archive was written in backup format {manifest.Format} by version {manifest.Product}; this version reads format {BackupManifest.CurrentFormat}. Install a newer version to restore it.");
        return manifest;
    }

    static void Verify(ZipArchive zip, BackupManifest manifest)
    {
        foreach (var (name, sha) in manifest.Tables.Select(t => (t.Entry, t.Sha256)).Concat(manifest.Files.Select(f => ("files/" + f.Path, f.Sha256))))
        {
            var entry = zip.GetEntry(name) ?? throw new BackupRefusedException($"The archive is damaged: {name} is missing.");
            try
            {
                using var stream = entry.Open();
                if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), sha, StringComparison.Ordinal))
                    throw new BackupRefusedException($"The archive is damaged: the checksum of {name} does not match.");
            }
            catch (InvalidDataException) { throw new BackupRefusedException($"The archive is damaged: {name} cannot be read."); }
        }
    }

    /// <summary>Each schema owner with its migrations, host first; refuses what this installation cannot take.</summary>
    List<(string Owner, System.Reflection.Assembly Assembly)> CheckSchemas(BackupManifest manifest)
    {
        var owners = new List<(string, System.Reflection.Assembly)>();
        foreach (var (owner, version) in manifest.Schemas.OrderBy(s => s.Key == "core" ? 0 : 1))
        {
            var assembly = owner == "core" ? typeof(Initializer).Assembly
                : catalog.Find(owner) is { Registered: true, Assembly: { } loaded } ? loaded
                : throw new BackupRefusedException($"The backup holds data of module \"{owner}\", which is not installed here (or failed to load). Put the module into the modules folder and run the restore again.");
            var newest = SchemaMigrator.NewestVersion(assembly);
            if (version > newest)
                throw new BackupRefusedException($"The backup comes from a newer version ({manifest.Product}): schema \"{owner}\" is at {version}, this installation knows {newest}. Install that version or a newer one, then restore.");
            owners.Add((owner, assembly));
        }
        var order = catalog.InDependencyOrder().Select(e => e.Id).ToList();
        return owners.OrderBy(o => o.Item1 == "core" ? -1 : order.IndexOf(o.Item1)).ToList();
    }

    async Task<long> LoadTablesAsync(ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        // Tables load one after another in any order, so references are checked by the checksums, not by the database.
        await DatabaseTables.ExecuteAsync(connection, null,
            database.Provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET FOREIGN_KEY_CHECKS = 0", ct);
        long total = 0;
        foreach (var table in manifest.Tables)
        {
            var (columns, _) = await DatabaseTables.ColumnsAsync(connection, database.Provider, null, table.Name, ct);
            if (columns.Count == 0) throw new BackupRefusedException($"Table {table.Name} of the backup is not in this installation's schema.");
            using var reader = new StreamReader(zip.GetEntry(table.Entry)!.Open());
            var header = JsonSerializer.Deserialize<string[]>(await reader.ReadLineAsync(ct) ?? "[]")!;
            var kinds = header.Select(name => columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } c
                ? c.Kind
                : throw new BackupRefusedException($"Column {table.Name}.{name} of the backup is not in this installation's schema.")).ToArray();

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Migrations may have seeded rows (a default pipeline, say); the archive holds what the company really had.
            await DatabaseTables.ExecuteAsync(connection, transaction.GetDbTransaction(), $"DELETE FROM `{table.Name}`", ct);
            await BulkInsert.RunAsync(db, $"`{table.Name}`", header, Rows(reader, kinds), ct);
            await transaction.CommitAsync(ct);

            await using var count = DatabaseTables.Command(connection, null, $"SELECT COUNT(*) FROM `{table.Name}`");
            var loaded = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
            if (loaded != table.Rows) throw new BackupRefusedException($"Table {table.Name}: {loaded} rows loaded, the backup has {table.Rows}.");
            total += loaded;
        }
        await DatabaseTables.ExecuteAsync(connection, null,
            database.Provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = ON" : "SET FOREIGN_KEY_CHECKS = 1", ct);
        return total;
    }

    IEnumerable<object?[]> Rows(StreamReader reader, ColumnKind[] kinds)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var row = JsonDocument.Parse(line);
            var values = new object?[kinds.Length];
            var i = 0;
            foreach (var value in row.RootElement.EnumerateArray()) values[i] = BackupValues.Read(value, kinds[i++], database.Provider);
            yield return values;
        }
    }

    void RestoreFiles(ZipArchive zip, BackupManifest manifest)
    {
        var root = Path.GetFullPath(data.Path) + Path.DirectorySeparatorChar;
        foreach (var file in manifest.Files)
        {
            var target = Path.GetFullPath(Path.Combine(data.Path, file.Path));
            if (!target.StartsWith(root, StringComparison.Ordinal) || !BackupWriter.FileFolders.Any(f => file.Path.StartsWith(f + "/", StringComparison.Ordinal)))
                throw new BackupRefusedException($"The archive names a file outside the data directory: {file.Path}.");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            zip.GetEntry("files/" + file.Path)!.ExtractToFile(target, overwrite: true);
        }
    }
}
