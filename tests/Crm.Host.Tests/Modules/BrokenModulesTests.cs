using System.Net;
using System.Text.Json;
using Crm.Host.Tests.Support;

namespace Crm.Host.Tests.Modules;

/// <summary>Every way a module can be broken shows as failed with its reason, while the server and the good module keep working.</summary>
public sealed class BrokenModulesTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Fact]
    public async Task EachBrokenModuleIsFailedWithItsReasonAndTheServerKeepsRunning()
    {
        var modules = ModulesWith("notes", "reminders", "brokenstartup", "brokenmigration");
        Directory.CreateDirectory(Path.Combine(modules, "nomanifest"));
        CopyDirectory(Path.Combine(modules, "notes"), Path.Combine(modules, "badjson"));
        File.WriteAllText(Path.Combine(modules, "badjson", "module.json"), "{ \"id\": \"badjson\", ");
        Rewrite(modules, "reminders", "zduplicate", m => m); // id "reminders" in a second folder
        Rewrite(modules, "notes", "newsdk", m => m.Replace("\"id\": \"notes\"", "\"id\": \"newsdk\"").Replace("[1.0.0, 2.0.0)", "[2.0.0, 3.0.0)"));
        Rewrite(modules, "reminders", "orphan", m => m.Replace("\"id\": \"reminders\"", "\"id\": \"orphan\"").Replace("\"notes\":", "\"ghost\":"));
        Rewrite(modules, "notes", "nulls", m => "{ \"id\": \"nulls\", \"name\": \"Nulls\", \"version\": \"1.0.0\", \"sdk\": null, \"assembly\": \"x.dll\", \"dependencies\": null }");
        Rewrite(modules, "notes", "noassembly", m => m.Replace("\"id\": \"notes\"", "\"id\": \"noassembly\"").Replace("Crm.TestModules.Notes.dll", "Missing.dll"));

        var server = await StartAsync(TestDatabaseKind.Sqlite, modules);
        var admin = await server.AdminClientAsync();
        var states = (await (await admin.GetAsync("/api/v1/modules")).JsonAsync()).EnumerateArray().ToList();

        AssertFailed(states, "nomanifest", "module.json is missing");
        AssertFailed(states, "badjson", "not valid JSON");
        AssertFailed(states, "newsdk", "built for sdk [2.0.0, 3.0.0)");
        AssertFailed(states, "orphan", "depends on module \"ghost\"");
        AssertFailed(states, "noassembly", "Missing.dll is missing");
        AssertFailed(states, "brokenstartup", "the licence file is missing");
        AssertFailed(states, "nulls", "sdk range");
        AssertFailed(states, "reminders", "duplicate module id \"reminders\"");
        // An administrator reading the log file (not only the console) finds why.
        var log = string.Concat(Directory.GetFiles(Path.Combine(server.DataDirectory, "logs")).Select(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }));
        Assert.Contains("Module nomanifest failed: module.json is missing", log);

        // A migration that fails leaves the module failed and the server up.
        var enable = await admin.PostAsync("/api/v1/modules/brokenmigration/enable", null);
        Assert.Equal(HttpStatusCode.Conflict, enable.StatusCode);
        Assert.Contains("migration failed", (await enable.JsonAsync()).GetProperty("message").GetString());
        var page = await admin.GetStringAsync("/Admin/Modules");
        Assert.Contains("migration failed", page);
        Assert.Contains("the licence file is missing", page);

        // What failed before its migrations cannot be enabled at all.
        foreach (var broken in new[] { "brokenstartup", "orphan", "newsdk" })
        {
            var refused = await admin.PostAsync($"/api/v1/modules/{broken}/enable?withDependencies=true", null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
        var row = page[page.IndexOf("data-module=\"brokenstartup\"")..];
        Assert.DoesNotContain("handler=Enable", row[..row.IndexOf("</tr>")]); // no Enable button for it
        var goodRow = page[page.IndexOf("data-module=\"notes\"")..];
        Assert.Contains("handler=Enable", goodRow[..goodRow.IndexOf("</tr>")]);

        // A manifest with nulls fails alone.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);

        // The good module still enables and serves.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/notes/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Notes")).StatusCode);
    }

    static void AssertFailed(List<JsonElement> states, string id, string reason)
    {
        var failed = states.Where(m => m.GetProperty("id").GetString() == id && m.GetProperty("status").GetString() == "Failed").ToList();
        Assert.True(failed.Count > 0, $"{id} should have failed; states: {string.Join(", ", states)}");
        Assert.Contains(failed, m => m.GetProperty("error").GetString()!.Contains(reason));
    }

    static void Rewrite(string modules, string from, string to, Func<string, string> manifest)
    {
        CopyDirectory(Path.Combine(modules, from), Path.Combine(modules, to));
        var file = Path.Combine(modules, to, "module.json");
        File.WriteAllText(file, manifest(File.ReadAllText(file)));
    }
}
