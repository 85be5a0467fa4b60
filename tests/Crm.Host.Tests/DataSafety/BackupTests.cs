using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Host.Backups;
using Crm.Host.Cli;
using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.DataSafety;

public sealed class BackupTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static TheoryData<TestDatabaseKind, TestDatabaseKind> Moves => new()
    {
        { TestDatabaseKind.Sqlite, TestDatabaseKind.Sqlite },
        { TestDatabaseKind.MariaDb, TestDatabaseKind.MariaDb },
        { TestDatabaseKind.Sqlite, TestDatabaseKind.MariaDb }, // how a company outgrowing SQLite moves
        { TestDatabaseKind.MariaDb, TestDatabaseKind.Sqlite },
    };

    [Theory, MemberData(nameof(Moves))]
    public async Task ABackupTakenWhilePeopleWriteRestoresIntoANewInstallationAsItWasAtTheBackup(TestDatabaseKind from, TestDatabaseKind to)
    {
        var source = await StartAsync(from, ModulesWith("notes"), "notes");
        var manager = await source.TokenClientAsync(await source.CreateUserAsync(CrmRoles.SalesManager));
        var companies = new List<int>();
        for (var i = 0; i < 4; i++) companies.Add(await manager.CreateAsync("/api/v1/companies", new { name = $"🏠 Дом {i} 𝔘 中文" }));
        var call = await manager.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Offer sent 📎", companyId = companies[0] });
        var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "files", "offer.pdf" } };
        var attachment = (await (await manager.PostAsync($"/api/v1/activities/{call}/attachments", form)).JsonAsync())[0].GetProperty("url").GetString()!;
        await manager.CreateNoteAsync("Ask about the warehouse");

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                await manager.PostAsJsonAsync("/api/v1/activities", new { kind = "Call", subject = $"Call {w}.{i}", companyId = companies[i % companies.Count] });
        })).ToList();
        await Task.Delay(300);
        var archive = await source.Services.GetRequiredService<BackupWriter>().CreateAsync(Path.Combine(source.DataDirectory, "out"), CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var target = await RestoreAsync(archive, to);

        // Every table of the archive is in the new installation row for row (a backup of it reads the same).
        var copy = await target.Services.GetRequiredService<BackupWriter>().CreateAsync(Path.Combine(target.DataDirectory, "out"), CancellationToken.None);
        var (before, after) = (Rows(archive), Rows(copy));
        foreach (var (table, rows) in before)
            Assert.True(rows.SetEquals(after[table]),
                $"{table}: missing {string.Join("; ", rows.Except(after[table]).Take(3))}; added {string.Join("; ", after[table].Except(rows).Take(3))}");
        Assert.Contains(before["core_activities"], r => r.Contains("\"Call ")); // written while the backup was being taken

        // The snapshot is consistent: each company's last contact is its newest call in the archive, not a later one.
        await using (var scope = target.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var stale = await db.Companies.Where(c => c.LastContactAtUtc != db.Activities.Where(a => a.CompanyId == c.Id).Max(a => a.DoneAtUtc))
                .Select(c => c.Name).ToListAsync();
            Assert.Empty(stale);
        }
        var restored = await target.TokenClientAsync(await target.CreateUserAsync(CrmRoles.Administrator));
        Assert.Equal(Pdf, await restored.GetByteArrayAsync(attachment));
        var names = (await restored.GetFromJsonAsync<JsonElement>("/api/v1/companies?limit=50")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("🏠 Дом 0 𝔘 中文", names);
        Assert.Equal(HttpStatusCode.OK, (await restored.GetAsync("/api/v1/notes")).StatusCode); // the module came back enabled
    }

    [Fact]
    public async Task ARestoreRefusesAnArchiveFromANewerSchemaADamagedOneAndADatabaseThatIsNotEmpty()
    {
        var source = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        await source.AdminClientAsync();
        var archive = await source.Services.GetRequiredService<BackupWriter>().CreateAsync(Path.Combine(source.DataDirectory, "out"), CancellationToken.None);

        var newer = Rewrite(archive, "newer.zip", (name, text) => name == BackupManifest.EntryName
            ? Regex.Replace(text, "\"core\": \\d+", "\"core\": 9999") : text);
        var error = await Assert.ThrowsAsync<BackupRefusedException>(() => RestoreIntoNewInstallationAsync(newer));
        Assert.Contains("newer version", error.Message);
        Assert.Contains("\"core\" is at 9999", error.Message);

        var damaged = Rewrite(archive, "damaged.zip", (name, text) => name == "tables/core_users.jsonl" ? text.Replace("Admin", "Eve") : text);
        Assert.Contains("checksum of tables/core_users.jsonl", Assert.Throws<BackupRefusedException>(() => BackupRestorer.Check(damaged)).Message);
        Assert.Contains("checksum", (await Assert.ThrowsAsync<BackupRefusedException>(() => RestoreIntoNewInstallationAsync(damaged))).Message);

        await using var app = Build(source.DataDirectory, ModulesWith(), null);
        var intoUsed = await Assert.ThrowsAsync<BackupRefusedException>(() => app.Services.GetRequiredService<BackupRestorer>().RestoreAsync(archive, CancellationToken.None));
        Assert.Contains("empty database", intoUsed.Message);
    }

    [Fact]
    public async Task AKillDuringABackupLeavesTheEarlierBackupWholeAndNoFileThatLooksComplete()
    {
        var options = await RestartableOptionsAsync(TestDatabaseKind.Sqlite, ModulesWith());
        await using (var setup = await CrmTestServer.StartAsync(options))
        {
            await setup.AdminClientAsync();
            await using var scope = setup.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            // Enough history that writing the archive takes a while, so the kill lands in the middle of it.
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
                INSERT INTO core_audit (AtUtc, UserId, UserName, Entity, EntityId, Action, Field, OldValue, NewValue)
                SELECT '2026-01-01 10:00:00', 'u', 'Someone', 'Company', CAST(i AS TEXT), 1, 'Name', 'Old name ' || i, hex(randomblob(24)) FROM n
                """);
        }
        var folder = Path.Combine(options.DataDirectory!, "archives");
        var settings = new[] { $"--Crm:DataDirectory={options.DataDirectory}", $"--Crm:ModulesDirectory={options.ModulesDirectory}" };
        Assert.Equal(0, await AdminCommands.RunAsync(["backup", "--to", folder, .. settings], new StringWriter()));
        var earlier = Assert.Single(Directory.GetFiles(folder));
        var earlierBytes = await File.ReadAllBytesAsync(earlier);

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Crm.Host.dll"), "backup", "--to", folder }.Concat(settings))
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Directory.GetFiles(folder, "*" + BackupCatalog.PartialSuffix).Any(f => new FileInfo(f).Length > 0) && !process.HasExited && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        Assert.False(process.HasExited, "the second backup finished before it could be killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.Equal([earlier], Directory.GetFiles(folder, "*.zip"));
        Assert.Equal(earlierBytes, await File.ReadAllBytesAsync(earlier));
        Assert.NotEmpty(BackupRestorer.Check(earlier).Tables);
        var catalog = new BackupCatalog(Microsoft.Extensions.Options.Options.Create(new CrmOptions { Backups = new BackupOptions { Directory = folder } }),
            new DataDirectory(options.DataDirectory!));
        Assert.Equal([Path.GetFileName(earlier)], catalog.List().Select(b => b.Name));
    }

    [Fact]
    public async Task AnAdministratorTakesDownloadsAndSchedulesBackupsOnTheBackupsPage()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var admin = await server.AdminClientAsync();
        Assert.Contains("No backups yet", await admin.GetStringAsync("/Admin/Backups"));

        var created = await admin.PostFormAsync("/Admin/Backups", new Dictionary<string, string>(), handler: "Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await admin.GetStringAsync("/Admin/Backups");
        var name = Regex.Match(page, @"crm-backup-[\d-]+\.zip").Value;
        Assert.Contains("written", page);
        var download = await admin.GetAsync($"/Admin/Backups?handler=Download&name={name}");
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(await download.Content.ReadAsStreamAsync()))
            Assert.NotNull(zip.GetEntry(BackupManifest.EntryName));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Backups?handler=Download&name=../crm.db")).StatusCode);

        var refused = await admin.PostFormAsync("/Admin/Backups", new Dictionary<string, string> { ["EveryHours"] = "6", ["Keep"] = "0" }, handler: "Plan");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Archives to keep: from 1 to 365", await refused.Content.ReadAsStringAsync());
        var saved = await admin.PostFormAsync("/Admin/Backups", new Dictionary<string, string> { ["EveryHours"] = "6", ["Keep"] = "2" }, handler: "Plan");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Matches("name=\"Keep\"[^>]*value=\"2\"", await admin.GetStringAsync("/Admin/Backups"));

        var manager = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales));
        Assert.StartsWith("/Account/Denied", (await manager.GetAsync("/Admin/Backups")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/Account/Denied", (await manager.GetAsync($"/Admin/Backups?handler=Download&name={name}")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task TheScheduledBackupRunsWhenTheNewestIsOlderThanThePlanAndKeepsAsManyAsThePlanSays()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(),
            Settings = new Dictionary<string, string> { ["Crm:Backups:Scheduled"] = "true", ["Crm:RunJobsInBackground"] = "false" },
        });
        await server.AdminClientAsync();
        var catalog = server.Services.GetRequiredService<BackupCatalog>();
        await using (var scope = server.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<BackupSchedule>().SaveAsync(new BackupPlan(6, 2), CancellationToken.None));
        var first = await server.Services.GetRequiredService<BackupWriter>().CreateAsync(null, CancellationToken.None);
        foreach (var hoursAgo in new[] { 30, 20, 10 })
            File.Copy(first, Path.Combine(catalog.Directory, BackupCatalog.NameFor(DateTime.UtcNow.AddHours(-hoursAgo))));
        File.Delete(first);

        await RunScheduledBackupAsync(server);
        var kept = catalog.List();
        Assert.Equal(2, kept.Count);
        Assert.True(kept[0].CreatedAtUtc > DateTime.UtcNow.AddMinutes(-5), "a new backup was taken");
        Assert.True(kept[1].CreatedAtUtc < DateTime.UtcNow.AddHours(-9), "the newest older one is kept");

        await RunScheduledBackupAsync(server); // the newest is minutes old: nothing to do
        Assert.Equal(kept.Select(k => k.Name), catalog.List().Select(k => k.Name));
    }

    static async Task RunScheduledBackupAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledBackup>().RunAsync(CancellationToken.None);
    }

    /// <summary>Restores through the command line into a new data directory (and a new MariaDB database) and starts it.</summary>
    async Task<CrmTestServer> RestoreAsync(string archive, TestDatabaseKind to)
    {
        var options = await RestartableOptionsAsync(to, ModulesWith("notes"));
        var settings = new List<string> { "restore", archive, $"--Crm:DataDirectory={options.DataDirectory}", $"--Crm:ModulesDirectory={options.ModulesDirectory}" };
        if (options.MySqlConnectionString != null)
            settings.AddRange(["--Crm:Database:Provider=MySql", $"--Crm:Database:ConnectionString={options.MySqlConnectionString}"]);
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(settings.ToArray(), output));
        Assert.Contains("Restored", output.ToString());
        return await StartAsync(to, options);
    }

    async Task RestoreIntoNewInstallationAsync(string archive)
    {
        var options = await RestartableOptionsAsync(TestDatabaseKind.Sqlite, ModulesWith());
        await using var app = Build(options.DataDirectory!, options.ModulesDirectory, null);
        await app.Services.GetRequiredService<BackupRestorer>().RestoreAsync(archive, CancellationToken.None);
    }

    static Microsoft.AspNetCore.Builder.WebApplication Build(string data, string modules, string? mysql) =>
        CrmApplication.Build([$"--Crm:DataDirectory={data}", $"--Crm:ModulesDirectory={modules}", "--Serilog:MinimumLevel:Default=Warning"]);

    /// <summary>Every table's rows, each row as one normalized line, so both databases' ways of writing a value compare equal.</summary>
    static Dictionary<string, HashSet<string>> Rows(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        var manifest = BackupRestorer.Check(archive);
        var tables = new Dictionary<string, HashSet<string>>();
        foreach (var table in manifest.Tables)
        {
            using var reader = new StreamReader(zip.GetEntry(table.Entry)!.Open());
            reader.ReadLine();
            var rows = new HashSet<string>();
            while (reader.ReadLine() is { Length: > 0 } line)
                rows.Add(string.Join("|", JsonDocument.Parse(line).RootElement.EnumerateArray().Select(Normalize)));
            tables[table.Name] = rows;
        }
        return tables;
    }

    static string Normalize(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        // Dates to the microsecond: MariaDB keeps six digits where SQLite's text keeps seven.
        JsonValueKind.String when DateTime.TryParseExact(value.GetString(), ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => at.AddTicks(-(at.Ticks % 10)).ToString("O", CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };

    static string Rewrite(string archive, string name, Func<string, string, string> change)
    {
        var path = Path.Combine(Path.GetDirectoryName(archive)!, name);
        using var from = ZipFile.OpenRead(archive);
        using var to = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in from.Entries)
        {
            using var source = entry.Open();
            var bytes = new MemoryStream();
            source.CopyTo(bytes);
            var text = Encoding.UTF8.GetString(bytes.ToArray());
            var changed = change(entry.FullName, text);
            using var target = to.CreateEntry(entry.FullName).Open();
            if (changed == text) target.Write(bytes.ToArray());
            else target.Write(Encoding.UTF8.GetBytes(changed));
        }
        return path;
    }
}
