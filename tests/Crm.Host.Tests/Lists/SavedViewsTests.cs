using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Lists;

public sealed class SavedViewsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<List<string>> ViewNamesAsync(HttpClient api, string list) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/saved-views?list={list}")).EnumerateArray()
            .Select(v => v.GetProperty("name").GetString()!).ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task AUserSavesAViewOpensItAndDeletesIt(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        await api.CreateAsync("/api/v1/companies", new { name = "Alpha", tags = new[] { "VIP" } });
        await api.CreateAsync("/api/v1/companies", new { name = "Beta" });

        var created = await api.PostAsJsonAsync("/api/v1/saved-views",
            new { list = "companies", name = "My VIPs", query = "tag=VIP&status=&afterName=Alpha&afterId=1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.JsonAsync();
        Assert.Equal("tag=VIP", view.GetProperty("query").GetString()); // paging and empty filters are not part of a view
        Assert.Equal("/Companies?tag=VIP", view.GetProperty("url").GetString());
        Assert.Equal(["My VIPs"], await ViewNamesAsync(api, "companies"));
        Assert.Empty(await ViewNamesAsync(api, "contacts"));
        // Saving the same name again replaces the view.
        (await api.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = "My VIPs", query = "tag=vip&q=Al" })).EnsureSuccessStatusCode();
        var views = await api.GetFromJsonAsync<JsonElement>("/api/v1/saved-views?list=companies");
        Assert.Equal(1, views.GetArrayLength());
        Assert.Equal("tag=vip&q=Al", views[0].GetProperty("query").GetString());
        var id = views[0].GetProperty("id").GetInt32();

        // The list page offers the view and opens it: the list shows what the view filters.
        var browser = await server.SignInAsync(email);
        var list = await browser.GetStringAsync("/Companies");
        Assert.Contains($"<option value=\"{id}\">My VIPs</option>", list);
        var open = await browser.GetAsync($"/SavedViews?list=companies&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/Companies?tag=vip&q=Al", open.Headers.Location!.ToString());
        var applied = await browser.GetStringAsync(open.Headers.Location!.ToString());
        Assert.Contains($"<option value=\"{id}\" selected=\"selected\">My VIPs</option>", applied);
        Assert.Contains(">Alpha</a>", applied);
        Assert.DoesNotContain(">Beta</a>", applied);

        // Saving from the page stores the page's filters and opens them.
        var saved = await browser.PostFormAsync("/SavedViews?handler=Save", new()
        {
            ["list"] = "contacts", ["name"] = "Golfers", ["query"] = "tag=golf", ["returnUrl"] = "/Contacts?tag=golf",
        }, tokenFrom: "/Contacts?tag=golf");
        Assert.Equal("/Contacts?tag=golf", saved.Headers.Location!.ToString());
        Assert.Equal(["Golfers"], await ViewNamesAsync(api, "contacts"));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/saved-views/{id}")).StatusCode);
        Assert.Empty(await ViewNamesAsync(api, "companies"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/saved-views/{id}")).StatusCode);
        Assert.DoesNotContain("My VIPs", await browser.GetStringAsync("/Companies"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnotherUsersPrivateViewDoesNotExistForMeButASharedOneDoes(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var head = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales, name: "Helen Head"));
        var annas = (await (await anna.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = "Anna's", query = "status=Active" }))
            .JsonAsync()).GetProperty("id").GetInt32();

        Assert.Empty(await ViewNamesAsync(boris, "companies"));
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/saved-views/{annas}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync($"/api/v1/saved-views/{annas}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.DeleteAsync($"/api/v1/saved-views/{annas}")).StatusCode);
        Assert.Equal(["Anna's"], await ViewNamesAsync(anna, "companies"));

        // Sharing needs the permission: a manager cannot, a head of sales can, and everybody then sees it.
        var refused = await boris.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = "For all", query = "q=A", shared = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("shared", out _));
        var shared = (await (await head.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = "Lost clients", query = "status=Lost", shared = true }))
            .JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(["Anna's", "Lost clients"], await ViewNamesAsync(anna, "companies"));
        Assert.Equal(["Lost clients"], await ViewNamesAsync(boris, "companies"));
        var seen = await boris.GetFromJsonAsync<JsonElement>($"/api/v1/saved-views/{shared}");
        Assert.False(seen.GetProperty("isMine").GetBoolean());
        Assert.Equal("Helen Head", seen.GetProperty("ownerName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync($"/api/v1/saved-views/{shared}")).StatusCode);
        Assert.Equal(["Lost clients"], await ViewNamesAsync(boris, "companies"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task BadInputIsRefusedNamingTheField(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        async Task<string> FieldAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return string.Join(",", (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        Assert.Equal("name", await FieldAsync(await api.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = " ", query = "q=a" })));
        Assert.Equal("name", await FieldAsync(await api.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = new string('n', 101) })));
        Assert.Equal("list", await FieldAsync(await api.PostAsJsonAsync("/api/v1/saved-views", new { list = "invoices", name = "Mine" })));
        Assert.Equal("list", await FieldAsync(await api.PostAsJsonAsync("/api/v1/saved-views", new { name = "Mine" })));
        Assert.Equal("query", await FieldAsync(await api.PostAsJsonAsync("/api/v1/saved-views",
            new { list = "contacts", name = "Long", query = "q=" + new string('x', 2100) })));
        Assert.Equal("list", await FieldAsync(await api.GetAsync("/api/v1/saved-views?list=nothing")));
        Assert.Equal("list", await FieldAsync(await api.GetAsync("/api/v1/saved-views")));
        var message = (await (await api.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = "" })).JsonAsync())
            .GetProperty("errors").GetProperty("name")[0].GetString();
        Assert.Equal("Give the view a name.", message);
        Assert.Empty(await ViewNamesAsync(api, "companies"));
    }
}
