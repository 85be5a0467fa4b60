using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class ContactsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<int> CreateAsync(HttpClient api, string collection, object body)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/{collection}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AContactWorksAtCompaniesWithARoleAndIsFoundByPhoneInAnyFormat(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var romashka = await CreateAsync(api, "companies", new { name = "Romashka" });
        var ivanov = await CreateAsync(api, "contacts", new
        {
            firstName = "Ivan", lastName = "Ivanov", position = "CEO", phone = "+7 (495) 123-45-67", email = "Ivanov@Romashka.ru",
            marketingConsent = true, consentSource = "signed form", birthday = "1980-05-17",
            companies = new[] { new { companyId = romashka, role = "DecisionMaker", influence = 90 } },
        });
        await CreateAsync(api, "contacts", new
        {
            firstName = "Olga", lastName = "Petrova", position = "Secretary",
            companies = new[] { new { companyId = romashka, role = "Gatekeeper", influence = 10 } },
        });

        foreach (var typed in new[] { "84951234567", "495 123 45 67", "+7-495-123-4567" })
        {
            var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(typed)}");
            Assert.Equal("Ivanov", Assert.Single(found.GetProperty("rows").EnumerateArray()).GetProperty("lastName").GetString());
        }
        var hits = await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=ivanov@romashka.ru");
        Assert.Equal("Ivan Ivanov", Assert.Single(hits!).GetProperty("title").GetString());

        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{ivanov}");
        Assert.Equal("ivanov@romashka.ru", details.GetProperty("contact").GetProperty("email").GetString());
        Assert.NotEqual(JsonValueKind.Null, details.GetProperty("contact").GetProperty("consentAtUtc").ValueKind); // when consent was given
        var place = Assert.Single(details.GetProperty("companies").EnumerateArray());
        Assert.Equal("DecisionMaker", place.GetProperty("role").GetString());

        var card = await (await server.SignInAsync(email)).GetStringAsync($"/Companies/{romashka}");
        Assert.True(card.IndexOf("Ivan Ivanov") < card.IndexOf("Olga Petrova"), "the decision maker comes first on the company card");
        Assert.Contains("decision maker, influence 90", card);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ContactsStayWithinTheirOwnersScope(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var id = await CreateAsync(anna, "contacts", new { firstName = "Ivan", phone = "8 495 123 45 67" });
        var borisCompany = await CreateAsync(boris, "companies", new { name = "Vasilek" });

        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/contacts/{id}")).StatusCode);
        Assert.Empty((await boris.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=84951234567")).GetProperty("rows").EnumerateArray());
        Assert.Empty((await boris.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=Ivan"))!);
        // Anna cannot attach her contact to a company she cannot see.
        var refused = await anna.PutAsJsonAsync($"/api/v1/contacts/{id}", new { firstName = "Ivan", version = 1, companies = new[] { new { companyId = borisCompany } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task BadContactInputIsRefusedByField()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var response = await api.PostAsJsonAsync("/api/v1/contacts", new
        {
            firstName = "", phone = "call me", email = "ivan@", birthday = "2999-01-01", marketingConsent = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "firstName", "phone", "email", "birthday", "consentSource" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} should be refused: {errors}");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Ivan", birthday = "17.05.1980" })).StatusCode);
    }

    [Fact]
    public async Task AContactIsCreatedInTheBrowserAtACompany()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var browser = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await browser.PostFormAsync("/Companies/Edit", new() { ["Input.Name"] = "Romashka", ["Input.Status"] = "Active" });
        var companyId = company.Headers.Location!.OriginalString.Split('/').Last();

        var saved = await browser.PostFormAsync("/Contacts/Edit", new()
        {
            ["Input.FirstName"] = "Ivan", ["Input.LastName"] = "Ivanov", ["Input.Phone"] = "+7 495 123-45-67",
            ["Input.CompanyId"] = companyId, ["Input.Role"] = "DecisionMaker", ["Input.Influence"] = "80",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var card = await browser.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Romashka", card);
        Assert.Contains("decision maker, influence 80", card);
        Assert.Contains("Ivan Ivanov", await browser.GetStringAsync($"/Companies/{companyId}"));
    }
}
