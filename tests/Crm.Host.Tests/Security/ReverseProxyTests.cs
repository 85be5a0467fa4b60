using System.Net;
using Crm.Host.Tests.Support;

namespace Crm.Host.Tests.Security;

public sealed class ReverseProxyTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    /// <summary>A server past its first run (a user exists), so the login page answers rather than sending to the setup.</summary>
    async Task<CrmTestServer> StartAsync(string knownProxies)
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(), UseKestrel = true,
            Settings = new Dictionary<string, string> { ["Crm:Security:LoginAttemptsPerMinute"] = "3", ["Crm:Security:KnownProxies"] = knownProxies },
        });
        await server.CreateUserAsync(Crm.Sdk.Security.CrmRoles.SalesManager);
        return server;
    }

    static async Task<HttpStatusCode> LoginPageAsync(HttpClient client, string forwardedFor, string? proto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto != null) request.Headers.Add("X-Forwarded-Proto", proto);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task BehindAKnownProxyTheLoginLimitCountsEachClientAndHttpsIsKnown()
    {
        var server = await StartAsync("127.0.0.1");
        var client = server.CreateClient();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await LoginPageAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginPageAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await LoginPageAsync(client, "203.0.113.8")); // another person behind the same proxy

        using var https = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        https.Headers.Host = "crm.example.test";
        https.Headers.Add("X-Forwarded-For", "203.0.113.9");
        https.Headers.Add("X-Forwarded-Proto", "https");
        using var fresh = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress }; // sees the cookies it is given
        var response = await fresh.SendAsync(https);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS over https");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutAKnownProxyAForgedForwardedForEscapesNothing()
    {
        var server = await StartAsync("");
        var client = server.CreateClient();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await LoginPageAsync(client, $"198.51.100.{i}", "https"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginPageAsync(client, "198.51.100.99"));
    }
}
