using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Api;

public sealed class IdempotencyTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static HttpRequestMessage Post(string path, object body, string key) => new(HttpMethod.Post, path)
    {
        Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } },
    };

    static async Task<int> CountAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/companies?q={Uri.EscapeDataString(name)}")).GetProperty("rows").GetArrayLength();

    [Theory, MemberData(nameof(Databases))]
    public async Task ARetryWithTheSameKeyGetsTheFirstAnswerAndSavesNothingTwice(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var manager = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var first = await manager.SendAsync(Post("/api/v1/companies", new { name = "Romashka" }, "order-1"));
        var again = await manager.SendAsync(Post("/api/v1/companies", new { name = "Romashka" }, "order-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetInt32(), (await again.JsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await CountAsync(manager, "Romashka"));

        // Another user's key of the same text is another key.
        var other = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.Created, (await other.SendAsync(Post("/api/v1/companies", new { name = "Romashka" }, "order-1"))).StatusCode);
        Assert.False((await other.SendAsync(Post("/api/v1/companies", new { name = "Vasilek" }, "order-2"))).Headers.Contains("Idempotent-Replayed"));
        // A key used for another operation is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await manager.SendAsync(Post("/api/v1/contacts", new { firstName = "Ivan", lastName = "Petrov" }, "order-1"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARequestThatSavedNothingRunsAgainAndOneSavedWithoutItsAnswerSaysSo(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var manager = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.SendAsync(Post("/api/v1/companies", new { name = "" }, "k-1"))).StatusCode);
        var fixedOne = await manager.SendAsync(Post("/api/v1/companies", new { name = "Lileya" }, "k-1"));
        Assert.Equal(HttpStatusCode.Created, fixedOne.StatusCode);
        Assert.False(fixedOne.Headers.Contains("Idempotent-Replayed"));

        // As a crash between the commit and the answer leaves it: the key is there, the answer is not.
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CoreDbContext>().IdempotentRequests
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, (int?)null).SetProperty(r => r.Body, (string?)null));
        var lost = await manager.SendAsync(Post("/api/v1/companies", new { name = "Lileya" }, "k-1"));
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("was saved", (await lost.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(1, await CountAsync(manager, "Lileya"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheSameKeySentManyTimesAtOnceSavesOneRecord(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var manager = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            manager.SendAsync(Post("/api/v1/companies", new { name = "Oduvanchik" }, "burst"))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(manager, "Oduvanchik"));
    }
}
