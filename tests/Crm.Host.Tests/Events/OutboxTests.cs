using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Events;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Events;

public sealed class OutboxTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<List<(string Title, string? Body)>> NotificationsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications"))!
            .Select(n => (n.GetProperty("title").GetString()!, n.TryGetProperty("body", out var b) ? b.GetString() : null)).ToList();

    static async Task<Crm.Host.Data.Entities.OutboxMessage> OutboxRowAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking().SingleAsync();
    }

    /// <summary>What a retry's back-off would reach by waiting: the stored event is due now.</summary>
    static async Task MakeDueAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var past = DateTime.UtcNow.AddSeconds(-1);
        await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.Where(m => m.DeliveredAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, past));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AFailedHandlerGetsTheEventAgainWithItsIdAndTheHandlerThatTookItIsNotCalledTwice(TestDatabaseKind database)
    {
        var server = await StartAsync(database, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith("notes"), EnableModules = ["notes"],
            Settings = new Dictionary<string, string> { ["Crm:RunJobsInBackground"] = "false", ["Modules:notes:FailDeliveries"] = "true" },
        });
        var manager = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var created = await manager.PostAsJsonAsync("/api/v1/notes", new { title = "Call back", body = "flaky" });
        created.EnsureSuccessStatusCode(); // the note is saved although one handler failed after the commit

        Assert.Equal([("Note: Call back", null)], await NotificationsAsync(manager));
        var failed = await OutboxRowAsync(server);
        Assert.Null(failed.DeliveredAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("Failing as asked", failed.LastError);
        Assert.True(failed.NextAttemptAtUtc > DateTime.UtcNow, "a failed event waits for its back-off");
        Assert.Equal(0, await server.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync(10, CancellationToken.None));

        server.Services.GetRequiredService<IConfiguration>()["Modules:notes:FailDeliveries"] = "false";
        await MakeDueAsync(server);
        Assert.Equal(1, await server.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync(10, CancellationToken.None));

        var delivered = await OutboxRowAsync(server);
        Assert.NotNull(delivered.DeliveredAtUtc);
        Assert.Equal(
            [("Delivered on attempt 2: Call back", delivered.Id), ("Note: Call back", null)],
            (await NotificationsAsync(manager)).OrderBy(n => n.Title));
        Assert.Equal(0, await server.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync(10, CancellationToken.None));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnEventStillOwedWhenTheServerStopsIsDeliveredAfterItStartsAgain(TestDatabaseKind database)
    {
        var options = await RestartableOptionsAsync(database, ModulesWith("notes"));
        var first = await CrmTestServer.StartAsync(options with
        {
            EnableModules = ["notes"],
            Settings = new Dictionary<string, string> { ["Crm:RunJobsInBackground"] = "false", ["Modules:notes:FailDeliveries"] = "true" },
        });
        string manager;
        await using (first)
        {
            manager = await first.CreateUserAsync(CrmRoles.SalesManager);
            (await (await first.TokenClientAsync(manager)).PostAsJsonAsync("/api/v1/notes", new { title = "Send the contract", body = "flaky" }))
                .EnsureSuccessStatusCode();
            await MakeDueAsync(first);
        }

        var second = await StartAsync(database, options); // jobs run in the background, as on a real server
        var client = await second.TokenClientAsync(manager);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await NotificationsAsync(client)).Any(n => n.Title == "Delivered on attempt 2: Send the contract"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the stored event was not delivered after the restart");
            await Task.Delay(250);
        }
        Assert.Single(await NotificationsAsync(client), n => n.Title == "Note: Send the contract");
    }
}
