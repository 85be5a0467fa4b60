using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Api;

public sealed class ApiErrorsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task BadInputGetsAProblemWithTheFieldNeverA500(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var missing = await api.PostAsJsonAsync("/api/v1/notes", new { title = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Title is required.", (await missing.JsonAsync()).GetProperty("errors").GetProperty("title")[0].GetString());

        var tooLong = await api.PostAsJsonAsync("/api/v1/notes", new { title = new string('x', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<List<object>>("/api/v1/notes"))!); // nothing half-saved

        var malformed = await api.PostAsync("/api/v1/notes", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/notes/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/tokens", new { name = "more" })).StatusCode); // a token cannot mint tokens
    }

    [Fact]
    public async Task TokensAreShownOnceStoredHashedAndCanBeRevoked()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var session = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsJsonAsync("/api/v1/tokens", new { name = "" })).StatusCode);
        var created = await session.PostAsJsonAsync("/api/v1/tokens", new { name = "1C exchange" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var token = body.GetProperty("token").GetString()!;

        var api = server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/notes")).StatusCode);
        Assert.DoesNotContain(token, await session.GetStringAsync("/api/v1/tokens"));

        await session.DeleteAsync($"/api/v1/tokens/{body.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheModulesEndpoints()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/v1/openapi.json")).StatusCode);
        var document = await (await server.AdminClientAsync()).GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("\"/api/v1/notes\"", document);
        Assert.Contains("\"/api/v1/modules\"", document);
    }
}
