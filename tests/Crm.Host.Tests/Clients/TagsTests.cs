using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class TagsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<List<string>> CompanyNamesAsync(HttpClient api, string query) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/companies" + query)).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).Order().ToList();

    static async Task<List<string>> TagsOfAsync(HttpClient api, string path) =>
        (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();

    static MultipartFormDataContent File(string csv, string name)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TaggedCompaniesAreFoundByTagOnlyWithinTheManagersScope(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var browser = await server.AdminClientAsync();
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var alpha = await anna.CreateAsync("/api/v1/companies", new { name = "Alpha", tags = new[] { "VIP", "Exhibition 2026" } });
        await anna.CreateAsync("/api/v1/companies", new { name = "Beta", tags = new[] { "vip" } }); // the same tag, whatever the case
        await anna.CreateAsync("/api/v1/companies", new { name = "Gamma" });
        await boris.CreateAsync("/api/v1/companies", new { name = "Boris VIP", tags = new[] { "VIP" } });

        Assert.Equal(["Exhibition 2026", "VIP"], await TagsOfAsync(anna, $"/api/v1/companies/{alpha}"));
        Assert.Equal(["Alpha", "Beta"], await CompanyNamesAsync(anna, "?tag=VIP"));
        Assert.Equal(["Alpha", "Beta"], await CompanyNamesAsync(anna, "?tag=vip"));
        Assert.Equal(["Alpha"], await CompanyNamesAsync(anna, "?tag=vip&tag=exhibition%202026"));
        Assert.Equal(["Boris VIP"], await CompanyNamesAsync(boris, "?tag=VIP")); // never Anna's
        Assert.Empty(await CompanyNamesAsync(anna, "?tag=nobody-uses-this"));
        var all = (await anna.GetFromJsonAsync<JsonElement>("/api/v1/tags")).EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Exhibition 2026", "VIP"], all);

        // Keyset paging keeps the filter: one row per page, each tagged company once.
        var first = await anna.GetFromJsonAsync<JsonElement>("/api/v1/companies?tag=VIP&limit=1");
        Assert.Equal("Alpha", first.GetProperty("rows")[0].GetProperty("name").GetString());
        var next = await anna.GetFromJsonAsync<JsonElement>(
            $"/api/v1/companies?tag=VIP&limit=1&afterName={first.GetProperty("nextName").GetString()}&afterId={first.GetProperty("nextId").GetInt32()}");
        Assert.Equal("Beta", next.GetProperty("rows")[0].GetProperty("name").GetString());

        // A change of tags: the record carries exactly the new list, and its history says what it was and became.
        var version = (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{alpha}")).GetProperty("version").GetInt32();
        (await anna.PutAsJsonAsync($"/api/v1/companies/{alpha}", new { name = "Alpha", version, tags = new[] { "VIP", "Key client" } }))
            .EnsureSuccessStatusCode();
        Assert.Equal(["Key client", "VIP"], await TagsOfAsync(anna, $"/api/v1/companies/{alpha}"));
        Assert.Empty(await CompanyNamesAsync(anna, "?tag=Exhibition%202026"));
        var history = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{alpha}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "Tags" &&
            h.GetProperty("oldValue").GetString() == "Exhibition 2026, VIP" && h.GetProperty("newValue").GetString() == "Key client, VIP");
        // A save without tags leaves them as they are.
        version = (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{alpha}")).GetProperty("version").GetInt32();
        (await anna.PutAsJsonAsync($"/api/v1/companies/{alpha}", new { name = "Alpha A", version })).EnsureSuccessStatusCode();
        Assert.Equal(["Key client", "VIP"], await TagsOfAsync(anna, $"/api/v1/companies/{alpha}"));

        // The card shows the tags, the history names the field, and the list page filters by the tag.
        var card = await browser.GetStringAsync($"/Companies/{alpha}");
        Assert.Contains(">Key client</a>", card);
        Assert.Contains("<td>Tags</td><td>Exhibition 2026, VIP</td><td>Key client, VIP</td>", card);
        var list = await browser.GetStringAsync("/Companies?tag=vip");
        Assert.Contains("Alpha A", list);
        Assert.Contains("Boris VIP", list);
        Assert.DoesNotContain("Gamma", list);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task BadTagsAreRefusedNamingTheField(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        async Task<string> ErrorAsync(string path, object body)
        {
            var response = await api.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors").GetProperty("tags")[0].GetString()!;
        }
        Assert.Equal("A tag can be at most 50 characters long.", await ErrorAsync("/api/v1/companies", new { name = "A", tags = new[] { new string('x', 51) } }));
        Assert.Equal("A tag cannot be empty.", await ErrorAsync("/api/v1/companies", new { name = "A", tags = new[] { " " } }));
        Assert.Equal("A tag cannot contain a comma.", await ErrorAsync("/api/v1/contacts", new { firstName = "Ivan", tags = new[] { "a,b" } }));
        Assert.Equal("A record can carry at most 20 tags.",
            await ErrorAsync("/api/v1/contacts", new { firstName = "Ivan", tags = Enumerable.Range(1, 21).Select(i => $"t{i}").ToArray() }));
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/tags")).EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ContactsCarryTagsThroughTheFormTheListAndTheCard(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var browser = await server.SignInAsync(email);
        var saved = await browser.PostFormAsync("/Contacts/Edit", new()
        {
            ["Input.FirstName"] = "Ivan", ["Input.LastName"] = "Petrov", ["Input.Tags"] = "Decision maker, golf,  golf ", ["Input.Influence"] = "50",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var card = await browser.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains(">Decision maker</a>", card);
        Assert.Contains(">golf</a>", card);
        await browser.PostFormAsync("/Contacts/Edit", new() { ["Input.FirstName"] = "Pyotr", ["Input.Influence"] = "50" });

        var api = await server.TokenClientAsync(email);
        var golfers = (await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts?tag=Golf")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("firstName").GetString()).ToList();
        Assert.Equal(["Ivan"], golfers);
        var list = await browser.GetStringAsync("/Contacts?tag=golf");
        Assert.Contains("Petrov Ivan", list);
        Assert.DoesNotContain("Pyotr", list);
        Assert.Contains("<option value=\"golf\" selected=\"selected\">golf</option>", list);

        var edit = await browser.GetStringAsync(saved.Headers.Location!.ToString().Replace("/Contacts/", "/Contacts/Edit/"));
        Assert.Contains("value=\"Decision maker, golf\"", edit);
        var bad = await browser.PostFormAsync(saved.Headers.Location!.ToString().Replace("/Contacts/", "/Contacts/Edit/"), new()
        {
            ["Input.FirstName"] = "Ivan", ["Input.Tags"] = new string('x', 60), ["Input.Influence"] = "50", ["Input.Version"] = "1",
        });
        Assert.Contains("A tag can be at most 50 characters long.", await bad.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ImportReadsATagsColumnAndExportWritesIt(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var csv = "Name;Tags\nRomashka;VIP, Exhibition\nVasilek;\nLandysh;exhibition\n";
        var done = await api.PostAsync("/api/v1/companies/import", File(csv, "clients.csv"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(["Landysh", "Romashka"], await CompanyNamesAsync(api, "?tag=Exhibition"));
        var bad = await api.PostAsync("/api/v1/companies/import", File("Name;Tags\nSirень;" + new string('x', 51) + "\n", "clients.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("tags", (await bad.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        var export = Encoding.UTF8.GetString(await api.GetByteArrayAsync("/api/v1/companies/export?format=Csv&tag=exhibition"));
        var lines = export.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("Tags", lines[0]);
        Assert.Equal(3, lines.Length); // the header and the two tagged companies
        Assert.Contains(lines, l => l.StartsWith("Romashka") && l.Contains("\"Exhibition, VIP\""));

        var contacts = "First name;Last name;Tags\nIvan;Petrov;golf\nAnna;Sidorova;\n";
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/contacts/import", File(contacts, "people.csv"))).StatusCode);
        var golfers = (await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts?tag=golf")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("lastName").GetString()).ToList();
        Assert.Equal(["Petrov"], golfers);
        var id = (await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts?tag=golf")).GetProperty("rows")[0].GetProperty("id").GetInt32();
        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "Tags" && h.GetProperty("newValue").GetString() == "golf");
        var contactExport = Encoding.UTF8.GetString(await api.GetByteArrayAsync("/api/v1/contacts/export?format=Csv"));
        Assert.Contains("Ivan,Petrov", contactExport);
        Assert.Contains(",golf", contactExport);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AMergeKeepsTheTagsOfBothRecords(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var keep = await api.CreateAsync("/api/v1/companies", new { name = "Romashka", tags = new[] { "VIP", "Retail" } });
        var twin = await api.CreateAsync("/api/v1/companies", new { name = "Romashka LLC", tags = new[] { "retail", "Exhibition" } });
        (await api.PostAsJsonAsync($"/api/v1/companies/{keep}/merge", new { mergeId = twin })).EnsureSuccessStatusCode();
        Assert.Equal(["Exhibition", "Retail", "VIP"], await TagsOfAsync(api, $"/api/v1/companies/{keep}"));
        Assert.Equal(["Romashka"], await CompanyNamesAsync(api, "?tag=exhibition"));

        var ivan = await api.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", lastName = "Petrov", tags = new[] { "golf" } });
        var twinIvan = await api.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", lastName = "Petrov", tags = new[] { "Decision maker" } });
        (await api.PostAsJsonAsync($"/api/v1/contacts/{ivan}/merge", new { mergeId = twinIvan })).EnsureSuccessStatusCode();
        Assert.Equal(["Decision maker", "golf"], await TagsOfAsync(api, $"/api/v1/contacts/{ivan}"));
    }
}
