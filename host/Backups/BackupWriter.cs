using System.Data.Common;
using System.Buffers;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Hosting;

namespace Crm.Host.Backups;

/// <summary>
/// Writes one archive with everything a restore needs: every table's rows read in one consistent snapshot while people keep
/// working (a read transaction on SQLite's WAL, a consistent-snapshot transaction on MariaDB), the attachment files, the
/// data-protection keys, and the manifest. The archive is written under a ".partial" name and renamed only once complete
/// and flushed, so a crash leaves no file that looks like a backup.
/// </summary>
public sealed class BackupWriter(InstallationDatabase database, DataDirectory data, BackupCatalog catalog, ILogger<BackupWriter> logger)
{
    /// <summary>The data directory's folders a backup carries besides the database.</summary>
    public static readonly string[] FileFolders = ["attachments", "keys"];

    /// <summary>Takes a backup into <paramref name="directory"/> (the configured backups folder by default); returns the archive's path.</summary>
    public async Task<string> CreateAsync(string? directory, CancellationToken ct)
    {
        directory ??= catalog.Directory;
        Directory.CreateDirectory(directory);
        var started = DateTime.UtcNow;
        var final = Path.Combine(directory, BackupCatalog.NameFor(started));
        var partial = final + BackupCatalog.PartialSuffix;
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var (schemas, tables) = await WriteTablesAsync(zip, ct);
                    var files = await WriteFilesAsync(zip, ct);
                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, ProductVersion, started, database.Provider.ToString(),
                        schemas, tables, files);
                    await using var entry = zip.CreateEntry(BackupManifest.EntryName).Open();
                    await JsonSerializer.SerializeAsync(entry, manifest, BackupCatalog.Json, ct);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, final);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
        logger.LogInformation("Backup {File} written in {Seconds:0.0} s ({Bytes} bytes)", final, (DateTime.UtcNow - started).TotalSeconds,
            new FileInfo(final).Length);
        return final;
    }

    public static string ProductVersion =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    async Task<(Dictionary<string, long> Schemas, List<BackupTable> Tables)> WriteTablesAsync(ZipArchive zip, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        if (database.Provider == DatabaseProvider.MySql)
        {
            await DatabaseTables.ExecuteAsync(connection, null, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", ct);
            await DatabaseTables.ExecuteAsync(connection, null, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", ct);
        }
        else await DatabaseTables.ExecuteAsync(connection, null, "BEGIN", ct); // the first read fixes the snapshot; writers go on in the WAL
        try
        {
            var schemas = new Dictionary<string, long>();
            var tables = new List<BackupTable>();
            foreach (var table in await DatabaseTables.ListAsync(connection, database.Provider, null, ct))
            {
                if (table.EndsWith(BackupCatalog.VersionTableSuffix, StringComparison.Ordinal))
                {
                    schemas[table[..^BackupCatalog.VersionTableSuffix.Length]] = await NewestVersionAsync(connection, table, ct);
                    continue; // a restore migrates each schema to this version, which writes the version table again
                }
                tables.Add(await WriteTableAsync(zip, connection, table, ct));
            }
            return (schemas, tables);
        }
        finally
        {
            await DatabaseTables.ExecuteAsync(connection, null, "COMMIT", CancellationToken.None); // read only: ends the snapshot
        }
    }

    static async Task<long> NewestVersionAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = DatabaseTables.Command(connection, null, $"SELECT MAX(Version) FROM `{table}`");
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }

    async Task<BackupTable> WriteTableAsync(ZipArchive zip, DbConnection connection, string table, CancellationToken ct)
    {
        var (columns, key) = await DatabaseTables.ColumnsAsync(connection, database.Provider, null, table, ct);
        var entry = new BackupTable(table, 0, "");
        await using var stream = new HashingStream(zip.CreateEntry(entry.Entry, CompressionLevel.Fastest).Open());
        await using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var (name, _) in columns) json.WriteStringValue(name);
            json.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');

        var order = key.Count > 0 ? " ORDER BY " + string.Join(", ", key.Select(k => $"`{k}`")) : "";
        await using var command = DatabaseTables.Command(connection, null,
            $"SELECT {string.Join(", ", columns.Select(c => $"`{c.Name}`"))} FROM `{table}`{order}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        long rows = 0;
        // Rows are written into a buffer and handed to the archive in large pieces: one await per row would double the time.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 17);
        // Russian or Polish text stays as UTF-8 (two bytes a letter) instead of six-byte \u escapes.
        await using var line = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        while (await reader.ReadAsync(ct))
        {
            line.Reset(buffer);
            line.WriteStartArray();
            for (var i = 0; i < columns.Count; i++) BackupValues.Write(line, reader.IsDBNull(i) ? null : reader.GetValue(i));
            line.WriteEndArray();
            line.Flush();
            buffer.Write("\n"u8);
            rows++;
            if (buffer.WrittenCount < 1 << 16) continue;
            await stream.WriteAsync(buffer.WrittenMemory, ct);
            buffer.ResetWrittenCount();
        }
        await stream.WriteAsync(buffer.WrittenMemory, ct);
        return entry with { Rows = rows, Sha256 = stream.Hash() };
    }

    async Task<List<BackupFile>> WriteFilesAsync(ZipArchive zip, CancellationToken ct)
    {
        var files = new List<BackupFile>();
        foreach (var folder in FileFolders)
        {
            var root = Path.Combine(data.Path, folder);
            if (!Directory.Exists(root)) continue;
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(data.Path, path).Replace('\\', '/');
                FileStream source;
                try { source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, true); }
                catch (FileNotFoundException) { continue; } // deleted after its row was: the snapshot may still name it, nothing to copy
                await using (source)
                await using (var target = new HashingStream(zip.CreateEntry("files/" + relative, CompressionLevel.Fastest).Open()))
                {
                    await source.CopyToAsync(target, ct);
                    files.Add(new BackupFile(relative, target.Length, target.Hash()));
                }
            }
        }
        return files;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
