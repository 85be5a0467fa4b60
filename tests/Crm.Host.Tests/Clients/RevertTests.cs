using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Clients;

public sealed class RevertTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<JsonElement> LatestChangeAsync(HttpClient api, string path, string field) =>
        (await api.GetFromJsonAsync<List<JsonElement>>($"{path}/history"))!
        .First(h => h.GetProperty("field").GetString() == field && h.GetProperty("action").GetString() == "Update");

    static async Task<int> VersionAsync(HttpClient api, string path) => (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("version").GetInt32();

    [Theory, MemberData(nameof(Databases))]
    public async Task RevertingACompanyChangeRestoresTheOldValueAsANewAuditedChange(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var api = await server.TokenClientAsync(email);
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var id = await api.CreateAsync("/api/v1/companies", new { name = "Romashka", phone = "+7 495 111-11-11" });
        var path = $"/api/v1/companies/{id}";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(path, new { name = "Romashka", phone = "+7 495 222-22-22", version = 1 })).StatusCode);
        var change = (await LatestChangeAsync(api, path, "Phone")).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsync($"{path}/history/{change}/revert", null)).StatusCode);
        var reverted = await api.PostAsync($"{path}/history/{change}/revert", null);
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.Equal(3, (await reverted.JsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal("+7 495 111-11-11", (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("phone").GetString());
        var audited = await LatestChangeAsync(api, path, "Phone");
        Assert.NotEqual(change, audited.GetProperty("id").GetInt64());
        Assert.Equal("+7 495 222-22-22", audited.GetProperty("oldValue").GetString());
        Assert.Equal("+7 495 111-11-11", audited.GetProperty("newValue").GetString());
        Assert.Equal("Anna", audited.GetProperty("userName").GetString());

        // The same change again: the field has changed since (by the revert itself).
        var again = await api.PostAsync($"{path}/history/{change}/revert", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("changed again since", (await again.JsonAsync()).GetProperty("detail").GetString());

        // A stale version from the caller is refused like any concurrent edit.
        Assert.Equal(HttpStatusCode.Conflict,
            (await api.PostAsync($"{path}/history/{audited.GetProperty("id").GetInt64()}/revert?version=1", null)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARevertAfterANewerChangeOrToAValueNoLongerValidIsRefused(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var id = await api.CreateAsync("/api/v1/companies", new { name = "Alpha" });
        var path = $"/api/v1/companies/{id}";
        await api.PutAsJsonAsync(path, new { name = "Beta", version = 1 });
        var first = (await LatestChangeAsync(api, path, "Name")).GetProperty("id").GetInt64();
        await api.PutAsJsonAsync(path, new { name = "Gamma", version = 2 });

        var refused = await api.PostAsync($"{path}/history/{first}/revert", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Gamma", (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("name").GetString());

        var oldParent = await api.CreateAsync("/api/v1/companies", new { name = "Old holding" });
        var newParent = await api.CreateAsync("/api/v1/companies", new { name = "New holding" });
        await api.PutAsJsonAsync(path, new { name = "Gamma", parentId = oldParent, version = await VersionAsync(api, path) });
        await api.PutAsJsonAsync(path, new { name = "Gamma", parentId = newParent, version = await VersionAsync(api, path) });
        var moved = (await LatestChangeAsync(api, path, "ParentId")).GetProperty("id").GetInt64();
        await api.DeleteAsync($"/api/v1/companies/{oldParent}");

        var invalid = await api.PostAsync($"{path}/history/{moved}/revert", null);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("no longer valid", (await invalid.JsonAsync()).GetProperty("errors").GetProperty("parentId")[0].GetString());
        Assert.Equal(newParent, (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("parentId").GetInt32());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AContactChangeIsRevertedFromItsCard(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var api = await server.TokenClientAsync(email);
        var id = await api.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", position = "Buyer" });
        var path = $"/api/v1/contacts/{id}";
        await api.PutAsJsonAsync(path, new { firstName = "Ivan", position = "Head of purchasing", version = 1 });
        await api.PutAsJsonAsync(path, new { firstName = "Ivan", position = "Head of purchasing", email = "ivan@romashka.ru", version = 2 });
        var positionChange = (await LatestChangeAsync(api, path, "Position")).GetProperty("id").GetInt64();
        var browser = await server.SignInAsync(email);
        var card = await browser.GetStringAsync($"/Contacts/{id}");
        Assert.Contains($"name=\"change\" value=\"{positionChange}\"", card);

        var response = await browser.PostFormAsync($"/Contacts/{id}", new() { ["change"] = positionChange.ToString(), ["version"] = "3" }, handler: "Revert");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await api.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("Buyer", contact.GetProperty("contact").GetProperty("position").GetString());
        Assert.Equal("ivan@romashka.ru", contact.GetProperty("contact").GetProperty("email").GetString()); // other fields untouched

        var stale = await browser.PostFormAsync($"/Contacts/{id}", new() { ["change"] = positionChange.ToString(), ["version"] = "4" }, handler: "Revert");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("This field has changed again since", await stale.Content.ReadAsStringAsync());

        var outsider = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"{path}/history/{positionChange}/revert", null)).StatusCode);
    }
}
