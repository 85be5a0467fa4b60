using System.Net;
using System.Net.Http.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Modules;

public sealed class ModuleLifecycleTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task EnablingShowsPagesAndApi_DisablingHidesThemAndKeepsData_ReenablingShowsTheOldData(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"));
        var admin = await server.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Notes")).StatusCode);
        var modules = await (await admin.GetAsync("/api/v1/modules")).JsonAsync();
        Assert.Equal("Discovered", modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "notes").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/notes/enable", null)).StatusCode);
        await admin.CreateNoteAsync("Call Ivanov back");
        var page = await admin.GetStringAsync("/Notes");
        Assert.Contains("Call Ivanov back", page);
        Assert.Contains("href=\"/Notes\"", await admin.GetStringAsync("/")); // its menu item
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/modules/notes/notes.css")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/notes/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/modules/notes/notes.css")).StatusCode);
        Assert.DoesNotContain("href=\"/Notes\"", await admin.GetStringAsync("/"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/notes/enable", null)).StatusCode);
        Assert.Contains("Call Ivanov back", await admin.GetStringAsync("/Notes"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheStateSurvivesARestart(TestDatabaseKind database)
    {
        var options = await RestartableOptionsAsync(database, ModulesWith("notes")) with { EnableModules = ["notes"] };
        var first = await StartAsync(database, options);
        await (await first.AdminClientAsync()).CreateNoteAsync("Kept across restarts");
        await first.DisposeAsync();

        var second = await StartAsync(database, options with { EnableModules = [] });
        Assert.Contains("Kept across restarts", await (await second.AdminClientAsync()).GetStringAsync("/Notes"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task EnablingAModuleWhoseDependencyIsOffAsksFirst(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes", "reminders"));
        var admin = await server.AdminClientAsync();

        var refused = await admin.PostAsync("/api/v1/modules/reminders/enable", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("notes", (await refused.JsonAsync()).GetProperty("needsConfirmation")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/reminders/ping")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/reminders/enable?withDependencies=true", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reminders/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task DisablingAModuleOthersNeedIsRefusedWithTheirNames(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes", "reminders"), "reminders");
        var admin = await server.AdminClientAsync();

        var refused = await admin.PostAsync("/api/v1/modules/notes/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("reminders", (await refused.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task UpgradingAModuleAppliesOnlyItsNewMigrationsAndKeepsItsData(TestDatabaseKind database)
    {
        // Version 1.0.0 of the module: the same code without its second migration, faked by migrating only to 1.
        var options = await RestartableOptionsAsync(database, ModulesWith("notes"));
        var old = await StartAsync(database, options);
        var migrator = old.Services.GetRequiredService<SchemaMigrator>();
        var assembly = old.Services.GetRequiredService<Crm.Host.Modules.ModuleCatalog>().Find("notes")!.Assembly!;
        migrator.MigrateUp("notes", assembly, toVersion: 1);
        await using (var scope = old.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO notes_items (Title, OwnerId, CreatedAtUtc) VALUES ('Written by 1.0', 'someone', '2026-01-01 00:00:00')");
            db.ModuleStates.Add(new Crm.Host.Data.Entities.ModuleState { Id = "notes", Enabled = true, InstalledVersion = "1.0.0", ChangedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var firstApplied = await VersionsAsync(old);
        await old.DisposeAsync();

        var upgraded = await StartAsync(database, options);
        var versions = await VersionsAsync(upgraded);
        Assert.Equal([1L, 2L, 3L, 4L], versions.Keys.Order());
        Assert.Equal(firstApplied[1], versions[1]); // migration 1 was not run again
        var notes = await (await upgraded.AdminClientAsync()).GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/notes");
        var note = Assert.Single(notes!);
        Assert.Equal("Written by 1.0", note.GetProperty("title").GetString());
        Assert.False(note.GetProperty("pinned").GetBoolean());
    }

    static async Task<Dictionary<long, string>> VersionsAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<CoreDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version, AppliedOn FROM notes_schema_versions";
        var result = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[Convert.ToInt64(reader.GetValue(0))] = Convert.ToString(reader.GetValue(1))!;
        return result;
    }
}
