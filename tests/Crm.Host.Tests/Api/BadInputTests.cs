using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Api;

/// <summary>Bad input the corpus once answered with a 500: each now gets a 400 naming the field, and changes nothing.</summary>
public sealed class BadInputTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ATaskForAnUnknownContactNamesTheContact(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        foreach (var contactId in new[] { 999999, -1 })
            await AssertFieldAsync(await api.PostAsJsonAsync("/api/v1/tasks", new { title = "Call", dueAtUtc = DateTime.UtcNow, contactId }), "contactId");
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/my-day")).GetProperty("today").EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AContactWithANullPlaceNamesTheCompanies(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await AssertFieldAsync(await api.PostAsync("/api/v1/contacts",
            new StringContent("{\"firstName\":\"Ivan\",\"companies\":[null]}", Encoding.UTF8, "application/json")), "companies");
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("rows").EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AChangeWithoutTheVersionReadNamesTheVersionAndKeepsTheRecord(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await api.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var contact = await api.CreateAsync("/api/v1/contacts", new { firstName = "Ivan" });

        await AssertFieldAsync(await api.PutAsJsonAsync($"/api/v1/companies/{company}", new { name = "Vasilek" }), "version");
        await AssertFieldAsync(await api.PutAsJsonAsync($"/api/v1/contacts/{contact}", new { firstName = "Petr" }), "version");
        Assert.Equal("Romashka", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company}")).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync("/api/v1/companies/999999", new { name = "Vasilek" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/companies/{company}", new { name = "Vasilek", version = 7 })).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ANoContactFilterOfAMillionYearsIsRefusedByTheApiAndShownOnThePage(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        await api.CreateAsync("/api/v1/companies", new { name = "Romashka" });

        await AssertFieldAsync(await api.GetAsync("/api/v1/companies?NoContactDays=1000000000"), "noContactDays");
        await AssertFieldAsync(await api.GetAsync("/api/v1/companies/export?noContactDays=2147483647"), "noContactDays");
        Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/v1/companies?noContactDays=36500")).GetProperty("rows").EnumerateArray());

        var page = await (await server.SignInAsync(email)).GetAsync("/Companies?NoContactDays=1000000000");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Choose at most 36500 days without contact.", html);
        Assert.Contains("Romashka", html); // the list, without the filter it could not apply
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ACorruptOrEmptySpreadsheetIsRefusedByTheImportsAndThePage(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var corrupt = Encoding.UTF8.GetBytes("PK\u0003\u0004 not a workbook");
        foreach (var list in new[] { "companies", "contacts" })
            foreach (var bytes in new[] { corrupt, [] })
                await AssertFieldAsync(await api.PostAsync($"/api/v1/{list}/import",
                    new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "clients.xlsx" } }), "file");
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/companies")).GetProperty("rows").EnumerateArray());

        var browser = await server.SignInAsync(email);
        foreach (var list in new[] { "Companies", "Contacts" })
        {
            var form = await browser.GetStringAsync($"/{list}/Import");
            var upload = new MultipartFormDataContent
            {
                { new ByteArrayContent(corrupt), "file", "clients.xlsx" },
                { new StringContent(CrmTestServer.AntiforgeryToken(form)), "__RequestVerificationToken" },
            };
            var page = await browser.PostAsync($"/{list}/Import?handler=Upload", upload);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("The file cannot be read", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        }
    }
}
