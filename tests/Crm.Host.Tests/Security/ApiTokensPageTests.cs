using System.Net;
using System.Text.RegularExpressions;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Security;

public sealed class ApiTokensPageTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Fact]
    public async Task AUserCreatesATokenInTheBrowserUsesItAndRevokesIt()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var browser = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var refused = await browser.PostFormAsync("/Account/Tokens", new() { ["name"] = " " }, handler: "Create");
        Assert.Contains("Give the token a name", await refused.Content.ReadAsStringAsync());

        var created = await (await browser.PostFormAsync("/Account/Tokens", new() { ["name"] = "Exchange with 1C" }, handler: "Create"))
            .Content.ReadAsStringAsync();
        var token = Regex.Match(created, "<code class=\"token\">(crm_[0-9a-f]+)</code>").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, await browser.GetStringAsync("/Account/Tokens")); // shown once

        var api = server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/notes")).StatusCode);

        var id = Regex.Match(await browser.GetStringAsync("/Account/Tokens"), "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/Account/Tokens", new() { ["id"] = id }, handler: "Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/notes")).StatusCode);
    }
}
