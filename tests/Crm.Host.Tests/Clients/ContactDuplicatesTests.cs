using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class ContactDuplicatesTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static IEnumerable<int> Ids(JsonElement group) => group.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetInt32());

    [Theory, MemberData(nameof(Databases))]
    public async Task DuplicateContactsAreFoundAndMergedMovingActivitiesTasksAndPlaces(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var alpha = await api.CreateAsync("/api/v1/companies", new { name = "Alpha" });
        var beta = await api.CreateAsync("/api/v1/companies", new { name = "Beta" });
        var keep = await api.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Ivan", lastName = "Petrov", phone = "+7 495 123-45-67", companies = new[] { new { companyId = alpha, role = "DecisionMaker" } },
        });
        var twin = await api.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Petrov", lastName = "Ivan", phone = "8 (495) 1234567", email = "ivan@beta.ru",
            companies = new[] { new { companyId = beta, role = "Influencer" } },
        });
        var namesake = await api.CreateAsync("/api/v1/contacts", new { firstName = "IVAN", lastName = "petrov!" }); // same name only
        var other = await api.CreateAsync("/api/v1/contacts", new { firstName = "Olga", phone = "+7 495 765-43-21" });
        await api.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Called the twin", companyId = beta, contactId = twin });
        await api.CreateAsync("/api/v1/tasks", new { title = "Send the twin a quote", dueAtUtc = DateTime.UtcNow.AddDays(1), contactId = twin });
        await api.CreateAsync("/api/v1/notes", new { title = "The twin prefers mornings", contactId = twin }); // a module's record about the person

        var groups = (await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/contacts/duplicates"))!;
        Assert.Contains(groups, g => g.GetProperty("reason").GetString() == "phone" && Ids(g).SequenceEqual([keep, twin]));
        Assert.Contains(groups, g => g.GetProperty("reason").GetString() == "name" && Ids(g).SequenceEqual([keep, twin, namesake]));
        Assert.DoesNotContain(groups, g => Ids(g).Contains(other));

        var merged = await api.PostAsJsonAsync($"/api/v1/contacts/{keep}/merge", new { mergeId = twin, take = new[] { "email" } });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(4, (await merged.JsonAsync()).GetProperty("moved").GetInt32()); // the place at Beta, the call, the task and the note

        var kept = await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{keep}");
        Assert.Equal("Ivan", kept.GetProperty("contact").GetProperty("firstName").GetString());
        Assert.Equal("ivan@beta.ru", kept.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal([alpha, beta], kept.GetProperty("companies").EnumerateArray().Select(p => p.GetProperty("companyId").GetInt32()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/contacts/{twin}")).StatusCode);
        var timeline = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/contacts/{keep}/timeline"))!.Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Called the twin", timeline);
        Assert.Contains("Send the twin a quote", timeline);
        Assert.Contains("The twin prefers mornings", timeline); // the module moved its note and shows it on the contact's timeline
        Assert.Equal([keep, namesake], Ids(Assert.Single((await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/contacts/duplicates"))!)));

        var outsider = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/contacts/{keep}/merge", new { mergeId = other })).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<List<JsonElement>>("/api/v1/contacts/duplicates"))!);

        // The merged duplicate waits in the recycle bin and can come back.
        var browser = await server.SignInAsync(email);
        Assert.Contains($"data-contact=\"{twin}\"", await browser.GetStringAsync("/RecycleBin"));
        var restored = await browser.PostFormAsync("/RecycleBin", new() { ["id"] = twin.ToString() }, handler: "Contact");
        Assert.Equal($"/Contacts/{twin}", restored.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/contacts/{twin}")).StatusCode);
    }

    [Fact]
    public async Task AContactDeletedFromItsCardIsRestoredAndTheMergePageOffersEachField()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var keep = await api.CreateAsync("/api/v1/contacts", new { firstName = "Anna", lastName = "Ivanova", email = "anna@romashka.ru" });
        var twin = await api.CreateAsync("/api/v1/contacts", new { firstName = "Anya", lastName = "Ivanova", email = "ANNA@romashka.ru", position = "Buyer" });
        var browser = await server.SignInAsync(email);

        Assert.Contains($"/Contacts/Merge?keep={keep}&amp;merge={twin}", await browser.GetStringAsync("/Contacts/Duplicates"));
        Assert.Contains("Buyer", await browser.GetStringAsync($"/Contacts/Merge?keep={keep}&merge={twin}"));
        var response = await browser.PostFormAsync($"/Contacts/Merge?keep={keep}&merge={twin}", new()
        {
            ["keep"] = keep.ToString(), ["merge"] = twin.ToString(), ["choice[firstName]"] = "merge", ["choice[position]"] = "merge",
        });
        Assert.Equal($"/Contacts/{keep}", response.Headers.Location!.OriginalString);
        var kept = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{keep}")).GetProperty("contact");
        Assert.Equal("Anya", kept.GetProperty("firstName").GetString());
        Assert.Equal("Buyer", kept.GetProperty("position").GetString());

        var deleted = await browser.PostFormAsync($"/Contacts/{keep}", new(), handler: "Delete");
        Assert.Equal("/RecycleBin", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/contacts/{keep}")).StatusCode);
        Assert.Contains("Anya Ivanova", await browser.GetStringAsync("/RecycleBin"));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/contacts/{keep}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/contacts/{keep}")).StatusCode);
    }
}
