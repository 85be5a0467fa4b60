using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class CompaniesTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<int> CreateAsync(HttpClient api, string name, object? extra = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/companies", extra ?? new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    static async Task<List<string>> NamesAsync(HttpClient api, string query = "") =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/companies" + query)).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task AManagerSeesAndChangesOnlyTheirOwnClientsAndTheHeadSeesTheTeams(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var team = await CreateTeamAsync(server);
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, team));
        var borisEmail = await server.CreateUserAsync(CrmRoles.SalesManager);
        var boris = await server.TokenClientAsync(borisEmail);
        var head = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales, team));

        var romashka = await CreateAsync(anna, "Romashka LLC");
        await CreateAsync(boris, "Vasilek JSC");

        Assert.Equal(["Romashka LLC"], await NamesAsync(anna));
        Assert.Equal(["Vasilek JSC"], await NamesAsync(boris));
        Assert.Equal(["Romashka LLC"], await NamesAsync(head));
        Assert.Equal(["Romashka LLC", "Vasilek JSC"], await NamesAsync(admin));

        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/companies/{romashka}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PutAsJsonAsync($"/api/v1/companies/{romashka}", new { name = "Mine now", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync($"/api/v1/companies/{romashka}")).StatusCode);
        var borisBrowser = await server.SignInAsync(borisEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await borisBrowser.GetAsync($"/Companies/{romashka}")).StatusCode);
        Assert.DoesNotContain("Romashka", await borisBrowser.GetStringAsync("/Companies"));
        Assert.Equal("Romashka LLC", (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{romashka}")).GetProperty("name").GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task BadInputIsRefusedFieldByFieldInTheUsersLanguage(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var response = await api.PostAsJsonAsync("/api/v1/companies", new { name = " ", email = "not-an-email", taxNumber = "77O1", status = "Lost" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("A company needs a name.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("This is not an email address.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("A tax number has digits only.", errors.GetProperty("taxNumber")[0].GetString());
        Assert.Equal("Say why the company was lost.", errors.GetProperty("lossReason")[0].GetString());

        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var russian = await (await api.PostAsJsonAsync("/api/v1/companies", new { name = "" })).JsonAsync();
        Assert.Equal("У компании должно быть название.", russian.GetProperty("errors").GetProperty("name")[0].GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/companies", new { name = "X", status = "Bankrupt" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/companies", new { name = new string('x', 301) })).StatusCode);
        Assert.Empty(await NamesAsync(api)); // nothing half-saved
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheSecondOfTwoConcurrentEditsIsToldAndNothingIsOverwritten(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var id = await CreateAsync(api, "Romashka");

        var first = await api.PutAsJsonAsync($"/api/v1/companies/{id}", new { name = "Romashka LLC", industry = "Retail", version = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.PutAsJsonAsync($"/api/v1/companies/{id}", new { name = "Romashka Ltd", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var company = await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}");
        Assert.Equal("Romashka LLC", company.GetProperty("name").GetString());
        Assert.Equal("Retail", company.GetProperty("industry").GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheListPagesByKeysetWithoutGapsOrRepeats(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        string[] names = ["Delta", "Alpha", "Echo", "Bravo", "Alpha", "Golf", "Charlie"];
        foreach (var name in names) await CreateAsync(api, name);

        var seen = new List<string>();
        var query = "?limit=3";
        for (var pages = 0; pages < 5; pages++)
        {
            var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/companies" + query);
            seen.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
            if (page.GetProperty("nextId").ValueKind == JsonValueKind.Null) break;
            query = $"?limit=3&afterName={Uri.EscapeDataString(page.GetProperty("nextName").GetString()!)}&afterId={page.GetProperty("nextId").GetInt32()}";
        }
        Assert.Equal(names.Order(StringComparer.Ordinal), seen);
        Assert.Equal(["Alpha", "Alpha"], await NamesAsync(api, "?q=Alp"));
        Assert.Empty(await NamesAsync(api, "?status=Lost"));
    }

    [Fact]
    public async Task ACompanyIsCreatedAndEditedInTheBrowserAndADeletedOneIsGone()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var browser = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var refused = await browser.PostFormAsync("/Companies/Edit", new() { ["Input.Name"] = "", ["Input.Status"] = "Prospect" });
        Assert.Contains("A company needs a name.", await refused.Content.ReadAsStringAsync());

        var created = await browser.PostFormAsync("/Companies/Edit", new()
        {
            ["Input.Name"] = "Romashka", ["Input.TaxNumber"] = "7701234567", ["Input.Status"] = "Active",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var card = created.Headers.Location!.OriginalString;
        Assert.Contains("7701234567", await browser.GetStringAsync(card));

        var id = int.Parse(card.Split('/').Last());
        var stale = await browser.GetStringAsync($"/Companies/Edit/{id}"); // opened by two people
        var api = await server.TokenClientAsync((await browser.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("name").GetString()!);
        await api.PutAsJsonAsync($"/api/v1/companies/{id}", new { name = "Romashka LLC", status = "Active", version = 1 });
        var conflict = await browser.PostAsync($"/Companies/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Romashka Ltd", ["Input.Status"] = "Active", ["Input.Version"] = "1",
            ["__RequestVerificationToken"] = CrmTestServer.AntiforgeryToken(stale),
        }));
        Assert.Contains("Someone changed this record while you were editing it.", await conflict.Content.ReadAsStringAsync());
        Assert.Contains("Romashka LLC", await browser.GetStringAsync(card));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/companies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(card)).StatusCode);
        Assert.DoesNotContain("Romashka", await browser.GetStringAsync("/Companies"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADeletedCompanyWaitsInTheRecycleBinAndComesBackWithItsHistory(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna Smirnova");
        var api = await server.TokenClientAsync(email);
        var browser = await server.SignInAsync(email);
        var holding = await CreateAsync(api, "Flowers Holding");
        var id = await CreateAsync(api, "Romashka", new { name = "Romashka", parentId = holding });
        await api.PutAsJsonAsync($"/api/v1/companies/{id}", new { name = "Romashka LLC", parentId = holding, version = 1 });

        var card = await browser.GetStringAsync($"/Companies/{id}");
        Assert.Contains("Flowers Holding", card); // its holding
        Assert.Contains("<td>Anna Smirnova</td><td>Name</td><td>Romashka</td><td>Romashka LLC</td>", card); // who changed what
        Assert.Contains("Romashka LLC", await browser.GetStringAsync($"/Companies/{holding}")); // listed as a subsidiary

        var deleted = await browser.PostFormAsync($"/Companies/{id}", new(), handler: "Delete");
        Assert.Equal("/RecycleBin", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/companies/{id}")).StatusCode);
        Assert.Equal(["Flowers Holding"], await NamesAsync(api));
        Assert.Contains("Romashka LLC", await browser.GetStringAsync("/RecycleBin"));

        var restored = await browser.PostFormAsync("/RecycleBin", new() { ["id"] = id.ToString() });
        Assert.Equal($"/Companies/{id}", restored.Headers.Location!.OriginalString);
        Assert.Equal(["Flowers Holding", "Romashka LLC"], await NamesAsync(api));
        var history = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{id}/history");
        Assert.Contains(history!, h => h.GetProperty("field").GetString() == "DeletedAtUtc" && h.GetProperty("newValue").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task GlobalSearchFindsACompanyByNameOrTaxNumberWithinScope()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await CreateAsync(anna, "Romashka", new { name = "Romashka", taxNumber = "7701234567" });

        var byTax = await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=7701234567");
        Assert.Equal("Romashka", Assert.Single(byTax!).GetProperty("title").GetString());
        Assert.Single((await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=Roma"))!);
        Assert.Empty((await boris.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=Roma"))!);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheListFindsClientsNobodyTalkedToForNDaysAndFiltersByOwnerIndustryAndTerritory(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        var called = await CreateAsync(anna, "Called today", new { name = "Called today", industry = "Retail", territory = "Moscow" });
        var forgotten = await CreateAsync(anna, "Forgotten", new { name = "Forgotten", industry = "Retail", territory = "Kazan" });
        var never = await CreateAsync(anna, "Never called", new { name = "Never called", industry = "Logistics", territory = "Moscow" });
        (await anna.PostAsJsonAsync("/api/v1/activities", new { kind = "Call", subject = "Hello", companyId = called })).EnsureSuccessStatusCode();
        (await anna.PostAsJsonAsync("/api/v1/activities", new { kind = "Call", subject = "Long ago", companyId = forgotten })).EnsureSuccessStatusCode();
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Companies.Where(c => c.Id == forgotten)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAtUtc, DateTime.UtcNow.AddDays(-60)));

        Assert.Equal(["Forgotten", "Never called"], await NamesAsync(anna, "?noContactDays=30"));
        Assert.Equal(["Called today", "Forgotten"], await NamesAsync(anna, "?industry=Retail"));
        Assert.Equal(["Never called"], await NamesAsync(anna, "?industry=Logistics&territory=Moscow"));
        string annaId;
        await using (var scope = server.Services.CreateAsyncScope())
            annaId = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Where(u => u.DisplayName == "Anna").Select(u => u.Id).SingleAsync();
        Assert.Equal(3, (await NamesAsync(admin, $"?owner={annaId}")).Count);
        Assert.Empty(await NamesAsync(admin, "?owner=nobody"));

        var csv = await anna.GetStringAsync("/api/v1/companies/export?format=Csv&noContactDays=30");
        Assert.DoesNotContain("Called today", csv);
        Assert.Contains("Forgotten", csv);
        _ = never;
    }
}
