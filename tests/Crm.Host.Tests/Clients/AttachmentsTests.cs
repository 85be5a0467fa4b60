using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Host.Clients;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class AttachmentsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        return form;
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AFileOnACallIsDownloadedOnlyWithinScopeAndComesBackFromTheRecycleBin(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(annaEmail);
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var call = await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Sent the offer", companyId = company });

        var uploaded = await anna.PostAsync($"/api/v1/activities/{call}/attachments", Files(("offer.pdf", Pdf)));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = Assert.Single((await uploaded.JsonAsync()).EnumerateArray()).GetProperty("url").GetString()!;

        var download = await anna.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("offer.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "offer.pdf")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(server.DataDirectory, "attachments"), "*", SearchOption.AllDirectories));

        var timeline = await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline");
        var file = Assert.Single(Assert.Single(timeline!).GetProperty("files").EnumerateArray());
        Assert.Equal("offer.pdf", file.GetProperty("name").GetString());
        Assert.Equal(url, file.GetProperty("url").GetString());

        // Another manager's client does not exist for Boris: neither its files nor adding to them.
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsync($"/api/v1/activities/{call}/attachments", Files(("x.pdf", Pdf)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync($"/api/v1/activities/{call}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{call}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync(url)).StatusCode);
        Assert.Empty((await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline"))!);
        var browser = await server.SignInAsync(annaEmail);
        Assert.Contains("Sent the offer", await browser.GetStringAsync("/RecycleBin"));
        var restored = await browser.PostFormAsync("/RecycleBin", new() { ["id"] = call.ToString() }, handler: "Activity");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(Pdf, await anna.GetByteArrayAsync(url));
    }

    static string[] StoredFiles(CrmTestServer server) =>
        Directory.GetFiles(Path.Combine(server.DataDirectory, "attachments"), "*", SearchOption.AllDirectories);

    static async Task SweepOrphanFilesAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttachmentSweep>().RunAsync(CancellationToken.None);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task FilesGoWithTheirRowsWhenAnActivityIsDeletedForGoodOrAFileIsRemoved(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(annaEmail);
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var call = await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Sent the offer", companyId = company });
        var note = await anna.CreateAsync("/api/v1/activities", new { kind = "Note", subject = "Their price list", companyId = company });

        var offerUrl = Assert.Single((await (await anna.PostAsync($"/api/v1/activities/{call}/attachments", Files(("offer.pdf", Pdf)))).JsonAsync())
            .EnumerateArray()).GetProperty("url").GetString()!;
        var offerFile = Assert.Single(StoredFiles(server));
        var kept = (await (await anna.PostAsync($"/api/v1/activities/{note}/attachments", Files(("prices.pdf", Pdf), ("old.pdf", Pdf)))).JsonAsync())
            .EnumerateArray().Select(f => f.GetProperty("url").GetString()!).ToList();
        Assert.Equal(3, StoredFiles(server).Length);

        // Only what is in the recycle bin is deleted for good, and only within the user's scope.
        Assert.Equal(HttpStatusCode.NotFound, (await anna.PostAsync($"/api/v1/activities/{call}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{call}")).StatusCode);
        Assert.True(File.Exists(offerFile)); // the recycle bin keeps the file for a restore
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsync($"/api/v1/activities/{call}/purge", null)).StatusCode);
        var browser = await server.SignInAsync(annaEmail);
        // The recycle bin links to a page that asks first; showing the question deletes nothing.
        Assert.Contains($"href=\"/RecycleBin/Purge/activity/{call}\"", await browser.GetStringAsync("/RecycleBin"));
        var question = await browser.GetStringAsync($"/RecycleBin/Purge/activity/{call}");
        Assert.Contains("Delete «Sent the offer» for good? This cannot be undone.", question);
        Assert.True(File.Exists(offerFile));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/RecycleBin/Purge/activity/{note}")).StatusCode); // not in the recycle bin
        var purged = await browser.PostFormAsync($"/RecycleBin/Purge/activity/{call}", []);
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.False(File.Exists(offerFile));
        Assert.DoesNotContain($"data-activity=\"{call}\"", await browser.GetStringAsync("/RecycleBin"));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync(offerUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.PostAsync($"/api/v1/activities/{call}/restore", null)).StatusCode);

        // Removing one file of a live activity takes its file from the disk and leaves the other.
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync(kept[1])).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync(kept[1])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync(kept[1])).StatusCode);
        var pricesFile = Assert.Single(StoredFiles(server));
        Assert.Equal(Pdf, await anna.GetByteArrayAsync(kept[0]));
        var timeline = await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline");
        Assert.Equal("prices.pdf", Assert.Single(Assert.Single(timeline!).GetProperty("files").EnumerateArray()).GetProperty("name").GetString());

        // The card's timeline removes a file too.
        var card = await browser.GetStringAsync($"/Companies/{company}");
        var attachment = System.Text.RegularExpressions.Regex.Match(card, "name=\"attachment\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(kept[0], $"/api/v1/attachments/{attachment}");
        var removed = await browser.PostFormAsync($"/Companies/{company}", new() { ["attachment"] = attachment }, handler: "RemoveAttachment");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(File.Exists(pricesFile));
        Assert.Empty(StoredFiles(server));
        Assert.Contains("Their price list", await browser.GetStringAsync($"/Companies/{company}")); // the note stays
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheSweepDeletesOldOrphanFilesAndNeverAFileWhoseRowExists(TestDatabaseKind database)
    {
        var server = await StartAsync(database, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(), Settings = new Dictionary<string, string> { ["Crm:RunJobsInBackground"] = "false" },
        });
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var call = await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Sent the offer", companyId = company });
        var deleted = await anna.CreateAsync("/api/v1/activities", new { kind = "Note", subject = "In the bin", companyId = company });
        var liveUrl = Assert.Single((await (await anna.PostAsync($"/api/v1/activities/{call}/attachments", Files(("offer.pdf", Pdf)))).JsonAsync())
            .EnumerateArray()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await anna.PostAsync($"/api/v1/activities/{deleted}/attachments", Files(("draft.pdf", Pdf)))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{deleted}")).StatusCode);
        var withRows = StoredFiles(server);
        Assert.Equal(2, withRows.Length);

        var root = Path.Combine(server.DataDirectory, "attachments");
        var longAgo = DateTime.UtcNow.AddDays(-30);
        string Orphan(string folder, DateTime? writtenAtUtc = null)
        {
            var path = Path.Combine(root, folder, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Pdf); // as a purge whose file delete failed would leave it
            if (writtenAtUtc is { } at) File.SetLastWriteTimeUtc(path, at);
            return path;
        }
        var oldOrphan = Orphan(Path.Combine("2020", "01"), longAgo);
        var freshOrphan = Orphan(Path.Combine(DateTime.UtcNow.ToString("yyyy"), DateTime.UtcNow.ToString("MM"))); // an upload still being saved
        var notOurs = Path.Combine(root, "README.txt");
        File.WriteAllText(notOurs, "kept by the administrator");
        File.SetLastWriteTimeUtc(notOurs, longAgo);
        foreach (var file in withRows) File.SetLastWriteTimeUtc(file, longAgo);

        await SweepOrphanFilesAsync(server);

        Assert.False(File.Exists(oldOrphan));
        Assert.True(File.Exists(freshOrphan));
        Assert.True(File.Exists(notOurs));
        Assert.All(withRows, file => Assert.True(File.Exists(file))); // live, and in the recycle bin
        Assert.Equal(Pdf, await anna.GetByteArrayAsync(liveUrl));

        // The scheduler runs it too, once across nodes.
        Assert.True(await server.Services.GetRequiredService<Crm.Host.Jobs.JobScheduler>().RunIfDueAsync(typeof(AttachmentSweep), CancellationToken.None));
        Assert.All(withRows, file => Assert.True(File.Exists(file)));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TooBigDisallowedOrDisguisedFilesAreRefusedAndAllowedHtmlIsOnlyEverADownload(TestDatabaseKind database)
    {
        var server = await StartAsync(database, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(),
            Settings = new Dictionary<string, string> { ["Crm:Attachments:MaxBytes"] = "1048576" },
        });
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var note = await anna.CreateAsync("/api/v1/activities", new { kind = "Note", subject = "Files", companyId = company });
        var url = $"/api/v1/activities/{note}/attachments";

        var tooBig = await anna.PostAsync(url, Files(("big.pdf", [.. Pdf, .. new byte[1024 * 1024]])));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType!.MediaType);
        Assert.Contains("at most 1 MB", (await tooBig.JsonAsync()).GetProperty("errors").GetProperty("files")[0].GetString());

        var html = await anna.PostAsync(url, Files(("page.html", "<script>alert(1)</script>"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("page.html", (await html.JsonAsync()).GetProperty("errors").GetProperty("files")[0].GetString());

        var disguised = await anna.PostAsync(url, Files(("invoice.pdf", "MZ\x90\0 not a pdf"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("does not match", (await disguised.JsonAsync()).GetProperty("errors").GetProperty("files")[0].GetString());

        var timeline = await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline");
        Assert.Empty(Assert.Single(timeline!).GetProperty("files").EnumerateArray()); // nothing refused was kept
    }

    [Fact]
    public async Task AnHtmlFileAllowedByTheAdministratorIsServedAsAnInertDownload()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(),
            Settings = new Dictionary<string, string> { ["Crm:Attachments:AllowedExtensions"] = ".pdf, .html, .svg" },
        });
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var note = await anna.CreateAsync("/api/v1/activities", new { kind = "Note", subject = "Their site", companyId = company });
        var uploaded = await anna.PostAsync($"/api/v1/activities/{note}/attachments",
            Files(("page.html", "<html><script>alert(1)</script></html>"u8.ToArray()), ("logo.svg", "<svg onload=\"alert(1)\"/>"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        foreach (var file in (await uploaded.JsonAsync()).EnumerateArray())
        {
            var download = await anna.GetAsync(file.GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task TheCardsActivityFormTakesFilesAndShowsAClearErrorForARefusedOne()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var browser = await server.SignInAsync(email);

        async Task<HttpResponseMessage> Log(string subject, string fileName, byte[] bytes)
        {
            var token = CrmTestServer.AntiforgeryToken(await browser.GetStringAsync($"/Companies/{company}"));
            var form = Files((fileName, bytes));
            form.Add(new StringContent(token), "__RequestVerificationToken");
            form.Add(new StringContent("Meeting"), "kind");
            form.Add(new StringContent(subject), "subject");
            return await browser.PostAsync($"/Companies/{company}?handler=Log", form);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Log("Signed the contract", "contract.pdf", Pdf)).StatusCode);
        var card = await browser.GetStringAsync($"/Companies/{company}");
        Assert.Contains("Signed the contract", card);
        Assert.Matches("<a href=\"/api/v1/attachments/\\d+\" download>contract.pdf</a>", card);

        var refused = await Log("Their script", "run.exe", [0x4D, 0x5A, 0x90, 0]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Files of this type cannot be attached: run.exe.", page);
        Assert.DoesNotContain("Their script", await browser.GetStringAsync($"/Companies/{company}"));

        var activity = System.Text.RegularExpressions.Regex.Match(card, "name=\"activity\" value=\"(\\d+)\"").Groups[1].Value;
        var deleted = await browser.PostFormAsync($"/Companies/{company}", new() { ["activity"] = activity }, handler: "DeleteActivity");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("Signed the contract", await browser.GetStringAsync($"/Companies/{company}"));
        var bin = await browser.GetStringAsync("/RecycleBin");
        Assert.Contains($"data-activity=\"{activity}\"", bin);
        Assert.Contains("Files: 1", bin);
    }
}
