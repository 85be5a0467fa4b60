using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class ClientTimelineTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<List<string>> TitlesAsync(HttpClient api, string url) =>
        (await api.GetFromJsonAsync<List<JsonElement>>(url))!.Select(e => e.GetProperty("title").GetString()!).ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task AContactsCardShowsItsOwnTimeline(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var ivan = await anna.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", companies = new[] { new { companyId = company } } });
        var olga = await anna.CreateAsync("/api/v1/contacts", new { firstName = "Olga", companies = new[] { new { companyId = company } } });
        await anna.CreateAsync("/api/v1/activities", new { kind = "Meeting", subject = "Met Ivan", companyId = company, contactId = ivan });
        await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Called Olga", companyId = company, contactId = olga });
        await anna.CreateAsync("/api/v1/activities", new { kind = "Note", subject = "About the company", companyId = company });
        await anna.CreateAsync("/api/v1/tasks", new { title = "Send Ivan the contract", dueAtUtc = DateTime.UtcNow.AddDays(1), companyId = company, contactId = ivan });

        var timeline = await TitlesAsync(anna, $"/api/v1/contacts/{ivan}/timeline");
        Assert.Equal(["Send Ivan the contract", "Met Ivan"], timeline);
        var card = await (await server.SignInAsync(email)).GetStringAsync($"/Contacts/{ivan}");
        Assert.Contains("Met Ivan", card);
        Assert.DoesNotContain("Called Olga", card);
        Assert.Contains("Met Ivan", string.Join(",", await TitlesAsync(anna, $"/api/v1/companies/{company}/timeline"))); // and on the company's

        var outsider = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/contacts/{ivan}/timeline")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AHoldingsCardShowsItsSubsidiariesActivityWhenAsked(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        await server.AdminClientAsync();
        var admin = await server.TokenClientAsync(CrmTestServer.AdminEmail);
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var borisId = (await boris.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetString();

        var holding = await anna.CreateAsync("/api/v1/companies", new { name = "Flowers Holding" });
        var south = await anna.CreateAsync("/api/v1/companies", new { name = "Flowers South", parentId = holding });
        var shop = await anna.CreateAsync("/api/v1/companies", new { name = "Flowers Shop", parentId = south });
        var hidden = await admin.CreateAsync("/api/v1/companies", new { name = "Flowers Secret", parentId = holding, ownerId = borisId });
        await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Holding call", companyId = holding });
        await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "South call", companyId = south });
        await anna.CreateAsync("/api/v1/notes", new { title = "Shop note", companyId = shop });
        await boris.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Secret call", companyId = hidden });

        Assert.Equal(["Holding call"], await TitlesAsync(anna, $"/api/v1/companies/{holding}/timeline"));
        var together = await TitlesAsync(anna, $"/api/v1/companies/{holding}/timeline?withSubsidiaries=true");
        Assert.Contains("Holding call", together);
        Assert.Contains("Flowers South: South call", together);
        Assert.Contains("Flowers Shop: Shop note", together); // a module's entries, from a subsidiary's subsidiary
        Assert.DoesNotContain(together, t => t.Contains("Secret")); // a subsidiary outside the user's scope stays hidden

        var browser = await server.SignInAsync(email);
        var card = await browser.GetStringAsync($"/Companies/{holding}");
        Assert.DoesNotContain("South call", card);
        Assert.Contains($"href=\"/Companies/{holding}?holding=true\"", card);
        var holdingCard = await browser.GetStringAsync($"/Companies/{holding}?holding=true");
        Assert.Contains("Flowers South: South call", holdingCard);
        Assert.DoesNotContain("Secret call", holdingCard);
    }
}
