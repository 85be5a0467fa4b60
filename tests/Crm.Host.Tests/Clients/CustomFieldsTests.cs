using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class CustomFieldsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    /// <summary>budget (number, required), tier (choice), vip (yes/no), signed (date), segment (text) on companies; hobby on contacts.</summary>
    static async Task DefineFieldsAsync(HttpClient admin)
    {
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Company", key = "budget", label = "Budget", type = "Number", required = true, sortOrder = 1 });
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Company", key = "tier", label = "Tier", type = "Choice", options = "Gold\nSilver", sortOrder = 2 });
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Company", key = "vip", label = "VIP", type = "YesNo", sortOrder = 3 });
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Company", key = "signed", label = "Signed on", type = "Date", sortOrder = 4 });
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Company", key = "segment", label = "Segment", type = "Text", sortOrder = 5 });
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Contact", key = "hobby", label = "Hobby", type = "Choice", options = "Chess\nTennis" });
    }

    static async Task<List<string>> NamesAsync(HttpClient api, string query) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/companies" + query)).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).Order().ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorDefinesFieldsAndEverySaveIsCheckedAgainstThem(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        await DefineFieldsAsync(admin);
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/custom-fields",
            new { kind = "Company", key = "mine", label = "Mine", type = "Text" })).StatusCode);
        var taken = await admin.PostAsJsonAsync("/api/v1/custom-fields", new { kind = "Company", key = "tier", label = "Again", type = "Text" });
        Assert.Equal("Another field already has this key.", (await taken.JsonAsync()).GetProperty("errors").GetProperty("key")[0].GetString());

        var bad = await api.PostAsJsonAsync("/api/v1/companies", new
        {
            name = "Romashka", customFields = new Dictionary<string, object> { ["budget"] = "a lot", ["tier"] = "Bronze", ["vip"] = "maybe", ["signed"] = "yesterday", ["color"] = "red" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Equal("This is not a number.", errors.GetProperty("customFields.budget")[0].GetString());
        Assert.Equal("Choose one of the listed choices.", errors.GetProperty("customFields.tier")[0].GetString());
        Assert.Equal("Answer yes or no.", errors.GetProperty("customFields.vip")[0].GetString());
        Assert.Equal("This is not a date.", errors.GetProperty("customFields.signed")[0].GetString());
        Assert.Equal("There is no such field.", errors.GetProperty("customFields.color")[0].GetString());
        var missing = await api.PostAsJsonAsync("/api/v1/companies", new { name = "Romashka" });
        Assert.Equal("This field is required.", (await missing.JsonAsync()).GetProperty("errors").GetProperty("customFields.budget")[0].GetString());
        Assert.Empty(await NamesAsync(api, ""));

        var id = await api.CreateAsync("/api/v1/companies", new
        {
            name = "Romashka", customFields = new Dictionary<string, object> { ["budget"] = 1500.5, ["tier"] = "gold", ["vip"] = true, ["signed"] = "2024-05-01" },
        });
        var company = await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}");
        Assert.Equal("Romashka", company.GetProperty("name").GetString());
        var custom = company.GetProperty("customFields");
        Assert.Equal(1500.5, custom.GetProperty("budget").GetDouble());
        Assert.Equal("Gold", custom.GetProperty("tier").GetString()); // stored as the option is spelled
        Assert.True(custom.GetProperty("vip").GetBoolean());
        Assert.Equal("2024-05-01", custom.GetProperty("signed").GetString());
        Assert.Equal(JsonValueKind.Null, custom.GetProperty("segment").ValueKind);

        // A change of one value keeps the others, and the history says what changed.
        var version = company.GetProperty("version").GetInt32();
        (await api.PutAsJsonAsync($"/api/v1/companies/{id}", new { name = "Romashka", version, customFields = new { budget = "2000" } })).EnsureSuccessStatusCode();
        custom = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}")).GetProperty("customFields");
        Assert.Equal(2000, custom.GetProperty("budget").GetDouble());
        Assert.Equal("Gold", custom.GetProperty("tier").GetString());
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "customFields.budget" &&
            h.GetProperty("oldValue").GetString() == "1500.5" && h.GetProperty("newValue").GetString() == "2000");

        var contact = await api.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Ivan", customFields = new { hobby = "Golf" } });
        Assert.Equal("Choose one of the listed choices.", (await contact.JsonAsync()).GetProperty("errors").GetProperty("customFields.hobby")[0].GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ListsFilterByCustomFieldsWithinTheUsersScope(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        await DefineFieldsAsync(await server.AdminClientAsync());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        async Task Company(HttpClient api, string name, double budget, string? tier, bool? vip, string? signed, string? segment) =>
            await api.CreateAsync("/api/v1/companies", new { name, customFields = new { budget, tier, vip, signed, segment } });
        await Company(anna, "Alpha", 500, "Gold", true, "2024-01-10", "Retail chain");
        await Company(anna, "Beta", 1500, "Silver", false, "2024-03-01", "Wholesale");
        await Company(anna, "Gamma", 3000, "Gold", null, null, "retail");
        await Company(boris, "Boris Gold", 5000, "Gold", true, "2024-02-01", "Retail");

        Assert.Equal(["Alpha", "Gamma"], await NamesAsync(anna, "?cf.tier=Gold"));
        Assert.Equal(["Beta", "Gamma"], await NamesAsync(anna, "?cf.budget.from=1000"));
        Assert.Equal(["Alpha", "Beta"], await NamesAsync(anna, "?cf.budget.to=1500"));
        Assert.Equal(["Beta"], await NamesAsync(anna, "?cf.budget=1500"));
        Assert.Equal(["Alpha"], await NamesAsync(anna, "?cf.vip=true"));
        Assert.Equal(["Beta"], await NamesAsync(anna, "?cf.vip=no"));
        Assert.Equal(["Alpha"], await NamesAsync(anna, "?cf.signed.from=2024-01-01&cf.signed.to=2024-02-15"));
        Assert.Equal(["Alpha", "Gamma"], await NamesAsync(anna, "?cf.segment=retail"));
        Assert.Equal(["Gamma"], await NamesAsync(anna, "?cf.segment=retail&cf.budget.from=1000"));
        Assert.Equal(["Boris Gold"], await NamesAsync(boris, "?cf.tier=Gold")); // and never Anna's

        var bad = await anna.GetAsync("/api/v1/companies?cf.budget.from=lots");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("cf.budget", out _));

        await anna.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", customFields = new { hobby = "Chess" } });
        await anna.CreateAsync("/api/v1/contacts", new { firstName = "Pyotr", customFields = new { hobby = "Tennis" } });
        var chess = (await anna.GetFromJsonAsync<JsonElement>("/api/v1/contacts?cf.hobby=chess")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("firstName").GetString()).ToList();
        Assert.Equal(["Ivan"], chess);

        var browser = await server.SignInAsync(CrmTestServer.AdminEmail);
        var page = await browser.GetStringAsync("/Companies?cf.tier=Gold&cf.budget.from=1000");
        Assert.Contains("Gamma", page);
        Assert.Contains("Boris Gold", page);
        Assert.DoesNotContain("Alpha", page);
        Assert.Contains("cf.tier=Gold", page); // the filter carries over to the export links
    }

    [Fact]
    public async Task TheFormsAndCardsShowCustomFieldsInTheUsersLanguage()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var admin = await server.AdminClientAsync();
        var fieldsPage = await admin.GetStringAsync("/Admin/CustomFields");
        Assert.Contains("href=\"/Admin/CustomFields\"", fieldsPage); // in the admin navigation
        var created = await admin.PostFormAsync("/Admin/CustomFields", new()
        {
            ["Input.Kind"] = "Company", ["Input.Key"] = "budget", ["Input.Label"] = "Budget", ["Input.Type"] = "Number", ["Input.Required"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Budget", await admin.GetStringAsync("/Admin/CustomFields"));

        var manager = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var form = await manager.GetStringAsync("/Companies/Edit");
        Assert.Contains("name=\"Input.CustomFields[budget]\"", form);
        var refused = WebUtility.HtmlDecode(await (await manager.PostFormAsync("/Companies/Edit", new()
        {
            ["Input.Name"] = "Romashka", ["Input.Status"] = "Prospect", ["Input.CustomFields[budget]"] = "много",
        })).Content.ReadAsStringAsync());
        Assert.Contains("This is not a number.", refused);

        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var saved = await manager.PostFormAsync("/Companies/Edit", new()
        {
            ["Input.Name"] = "Romashka", ["Input.Status"] = "Prospect", ["Input.CustomFields[budget]"] = "1500,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var card = WebUtility.HtmlDecode(await manager.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("<dt>Budget</dt><dd class=\"custom-field\">1\u00a0500,5</dd>", card);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ImportMapsCustomColumnsAndExportAddsThem(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        await DefineFieldsAsync(await server.AdminClientAsync());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        MultipartFormDataContent File(string csv)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            return new MultipartFormDataContent { { file, "file", "clients.csv" } };
        }

        var bad = await api.PostAsync("/api/v1/companies/import", File("Name,Budget,tier,VIP\nAlpha,100,Gold,yes\nBeta,,Bronze,no\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("row").GetInt32()}:{e.GetProperty("field").GetString()}:{e.GetProperty("message").GetString()}").Order().ToList();
        Assert.Equal(["3:customFields.budget:This field is required.", "3:customFields.tier:Choose one of the listed choices."], errors);
        Assert.Empty(await NamesAsync(api, ""));

        var done = await api.PostAsync("/api/v1/companies/import", File("Name,Budget,tier,VIP\nAlpha,100,Gold,yes\nBeta,2500.5,Silver,no\n"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(["Beta"], await NamesAsync(api, "?cf.budget.from=1000"));
        Assert.Equal(["Alpha"], await NamesAsync(api, "?cf.vip=true"));

        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync("/api/v1/companies/export?format=Csv&cf.tier=Silver"));
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.EndsWith(",Budget,Tier,VIP,Signed on,Segment", lines[0]);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Beta,", lines[1]);
        Assert.EndsWith(",2500.5,Silver,No,,", lines[1]);
    }
}
