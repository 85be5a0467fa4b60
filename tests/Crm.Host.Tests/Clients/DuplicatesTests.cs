using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class DuplicatesTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task LikelyDuplicatesAreFoundAndMergedFieldByFieldMovingEverythingLinked(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var keep = await api.CreateAsync("/api/v1/companies", new { name = "ООО «Ромашка»", phone = "+7 495 123-45-67" });
        var twin = await api.CreateAsync("/api/v1/companies", new { name = "Ромашка ООО", phone = "8 (495) 1234567", email = "info@romashka.ru" });
        var other = await api.CreateAsync("/api/v1/companies", new { name = "Vasilek" });
        var subsidiary = await api.CreateAsync("/api/v1/companies", new { name = "Romashka North", parentId = twin });
        await api.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", companies = new[] { new { companyId = twin, role = "DecisionMaker" } } });
        await api.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Called the twin", companyId = twin });
        await api.CreateAsync("/api/v1/notes", new { title = "Note about the twin", companyId = twin });

        var groups = await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/companies/duplicates");
        var group = Assert.Single(groups!); // found by phone (and by name), shown once
        Assert.Equal([keep, twin], group.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        Assert.DoesNotContain(other, group.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));

        var merged = await api.PostAsJsonAsync($"/api/v1/companies/{keep}/merge", new { mergeId = twin, take = new[] { "email" } });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        var kept = await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{keep}");
        Assert.Equal("ООО «Ромашка»", kept.GetProperty("name").GetString()); // its own name stays
        Assert.Equal("info@romashka.ru", kept.GetProperty("email").GetString()); // the chosen value came over
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/companies/{twin}")).StatusCode); // in the recycle bin
        var contacts = await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?companyId={keep}");
        Assert.Equal("Ivan", Assert.Single(contacts.GetProperty("rows").EnumerateArray()).GetProperty("firstName").GetString());
        var timeline = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{keep}/timeline"))!.Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Called the twin", timeline);
        Assert.Contains("Note about the twin", timeline); // the module's records moved too
        Assert.Equal(keep, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{subsidiary}")).GetProperty("parentId").GetInt32());
        Assert.Empty((await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/companies/duplicates"))!);

        var outsider = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/companies/{keep}/merge", new { mergeId = other })).StatusCode);
    }

    [Fact]
    public async Task TheMergePageOffersEachFieldAndMerges()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var keep = await api.CreateAsync("/api/v1/companies", new { name = "Romashka", taxNumber = "7701234567" });
        var twin = await api.CreateAsync("/api/v1/companies", new { name = "Romashka LLC", taxNumber = "7701234567", website = "romashka.ru" });
        var browser = await server.SignInAsync(email);

        Assert.Contains($"/Companies/Merge?keep={keep}&amp;merge={twin}", await browser.GetStringAsync("/Companies/Duplicates"));
        var page = await browser.GetStringAsync($"/Companies/Merge?keep={keep}&merge={twin}");
        Assert.Contains("romashka.ru", page);
        var response = await browser.PostFormAsync($"/Companies/Merge?keep={keep}&merge={twin}", new()
        {
            ["keep"] = keep.ToString(), ["merge"] = twin.ToString(), ["choice[name]"] = "merge", ["choice[website]"] = "merge",
        });
        Assert.Equal($"/Companies/{keep}", response.Headers.Location!.OriginalString);
        Assert.Equal("Romashka LLC", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{keep}")).GetProperty("name").GetString());
    }
}
