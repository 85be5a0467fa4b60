using System.Net;
using System.Net.Http.Json;
using Crm.Host.Clients;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Clients;
using Crm.Sdk.Data;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class ActivityMonthsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    readonly TestClock _clock = new();

    [Theory, MemberData(nameof(Databases))]
    public async Task DoneActivitiesPerEmployeeAreTheSameFromMonthsAndEdgesAsCountedByHandAndLeaveOutTheRecycleBin(TestDatabaseKind database)
    {
        var (server, anna, annaId, annas, boris, borisId, boriss) = await StartWithAnnaAndBorisAsync(database);

        await LogAsync(anna, annas, new DateTime(2024, 12, 31, 23, 0, 0));
        var lastInstantOfJanuary = await LogAsync(anna, annas, new DateTime(2025, 1, 31, 23, 59, 59).AddTicks(9_999_999));
        await LogAsync(anna, annas, new DateTime(2025, 2, 1));
        var midFebruary = await LogAsync(anna, annas, new DateTime(2025, 2, 14, 12, 0, 0));
        await LogAsync(anna, annas, new DateTime(2025, 3, 10, 9, 0, 0));
        await LogAsync(anna, annas, new DateTime(2025, 3, 31, 23, 0, 0));
        await LogAsync(anna, annas, new DateTime(2025, 6, 15, 10, 0, 0));
        await LogAsync(anna, annas, new DateTime(2025, 12, 31, 23, 59, 59));
        await LogAsync(anna, annas, new DateTime(2026, 1, 1));
        await LogAsync(anna, annas, new DateTime(2025, 5, 5), done: false); // planned, not done
        await LogAsync(boris, boriss, new DateTime(2025, 2, 20, 15, 0, 0));
        await LogAsync(boris, boriss, new DateTime(2025, 3, 5, 10, 0, 0));
        await LogAsync(boris, boriss, new DateTime(2025, 3, 31, 23, 59, 59));

        var year = (new DateTime(2025, 1, 1), new DateTime(2026, 1, 1));
        var withinMarch = (new DateTime(2025, 3, 5, 10, 0, 0), new DateTime(2025, 3, 31, 23, 0, 0));
        var partialAtBothEnds = (new DateTime(2025, 1, 31, 12, 0, 0), new DateTime(2025, 3, 20));
        var februaryAndMarch = (new DateTime(2025, 2, 1), new DateTime(2025, 4, 1));
        var june = (new DateTime(2025, 6, 1), new DateTime(2025, 7, 1));
        Assert.Equal(Done((annaId, 7), (borisId, 3)), await DoneAsync(server, [annaId, borisId], year));
        Assert.Equal(Done((annaId, 1), (borisId, 1)), await DoneAsync(server, [annaId, borisId], withinMarch));
        Assert.Equal(Done((annaId, 4), (borisId, 2)), await DoneAsync(server, [annaId, borisId], partialAtBothEnds));
        Assert.Equal(Done((annaId, 4), (borisId, 3)), await DoneAsync(server, [annaId, borisId], februaryAndMarch));
        Assert.Equal(Done((annaId, 1)), await DoneAsync(server, [annaId, borisId], june));
        Assert.Equal(Done((borisId, 3)), await DoneAsync(server, [borisId], year));

        // Deleted work is not logged work: neither in a whole month (February) nor at an edge (January 31st).
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{midFebruary}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{lastInstantOfJanuary}")).StatusCode);
        Assert.Equal(Done((annaId, 5), (borisId, 3)), await DoneAsync(server, [annaId, borisId], year));
        Assert.Equal(Done((annaId, 2), (borisId, 2)), await DoneAsync(server, [annaId, borisId], partialAtBothEnds));
        Assert.Equal(Done((annaId, 3), (borisId, 3)), await DoneAsync(server, [annaId, borisId], februaryAndMarch));

        Assert.Equal(HttpStatusCode.NoContent, (await anna.PostAsync($"/api/v1/activities/{lastInstantOfJanuary}/restore", null)).StatusCode);
        Assert.Equal(Done((annaId, 3), (borisId, 2)), await DoneAsync(server, [annaId, borisId], partialAtBothEnds));
        Assert.Equal(Done((annaId, 6), (borisId, 3)), await DoneAsync(server, [annaId, borisId], year));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnyPeriodCountsWhatCountingTheCallsOneByOneCounts(TestDatabaseKind database)
    {
        var (server, anna, annaId, annas, boris, borisId, boriss) = await StartWithAnnaAndBorisAsync(database);
        DateTime[] annasCalls =
        [
            new(2024, 12, 31, 23, 0, 0), new DateTime(2025, 1, 31, 23, 59, 59).AddTicks(9_999_999), new(2025, 2, 1), new(2025, 2, 14, 12, 0, 0),
            new(2025, 3, 10, 9, 0, 0), new(2025, 3, 31, 23, 0, 0), new(2025, 6, 15, 10, 0, 0), new(2025, 12, 31, 23, 59, 59), new(2026, 1, 1),
        ];
        DateTime[] borissCalls = [new(2025, 2, 20, 15, 0, 0), new(2025, 3, 5, 10, 0, 0), new(2025, 3, 31, 23, 59, 59)];
        var calls = new List<(string Owner, DateTime At, int Id)>();
        foreach (var at in annasCalls) calls.Add((annaId, at, await LogAsync(anna, annas, at)));
        foreach (var at in borissCalls) calls.Add((borisId, at, await LogAsync(boris, boriss, at)));
        foreach (var recycled in new[] { calls[3], calls[^1] })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await (recycled.Owner == annaId ? anna : boris).DeleteAsync($"/api/v1/activities/{recycled.Id}")).StatusCode);
            calls.Remove(recycled);
        }

        DateTime[] moments =
        [
            new(2024, 12, 15), new(2025, 1, 1), new DateTime(2025, 1, 31, 23, 59, 59).AddTicks(9_999_999), new(2025, 2, 1), new(2025, 2, 14, 12, 0, 0),
            new(2025, 3, 1), new(2025, 3, 31, 23, 30, 0), new(2025, 4, 1), new(2025, 7, 1), new(2026, 1, 1), new(2026, 1, 1, 0, 0, 1),
        ];
        foreach (var from in moments)
            foreach (var to in moments.Where(to => to > from))
            {
                var byHand = calls.Where(c => c.At >= from && c.At < to).GroupBy(c => c.Owner).ToDictionary(g => g.Key, g => g.Count());
                Assert.True(byHand.OrderBy(d => d.Key).SequenceEqual((await DoneAsync(server, [annaId, borisId], (from, to))).OrderBy(d => d.Key)),
                    $"[{from:O}, {to:O})");
            }
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheMonthsKeptByEveryChangeToActivitiesEqualACountFromScratch(TestDatabaseKind database)
    {
        var server = await StartAsync(database, new CrmTestOptions { ModulesDirectory = ModulesWith(), Time = _clock });
        var admin = await server.AdminClientAsync();
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris"));
        var (annaId, borisId) = (UserId(server, "Anna"), UserId(server, "Boris"));
        var romashka = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var twin = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka LLC" });
        var loner = await anna.CreateAsync("/api/v1/contacts", new { firstName = "Ivan" });
        var vasilek = await boris.CreateAsync("/api/v1/companies", new { name = "Vasilek" });

        // The edges of months, where a month computed in C# and one computed in SQL would part first.
        var call = await LogAsync(anna, romashka, new DateTime(2025, 1, 31, 23, 59, 59).AddTicks(9_999_999));
        await LogAsync(anna, romashka, new DateTime(2025, 2, 1));
        await LogAsync(anna, romashka, new DateTime(2025, 2, 28, 12, 0, 0));
        await LogAsync(anna, twin, new DateTime(2025, 2, 10));
        await LogAsync(anna, twin, new DateTime(2025, 12, 31, 23, 59, 59));
        await LogAsync(anna, romashka, new DateTime(2025, 3, 1), done: false);
        await LogAsync(anna, null, new DateTime(2025, 4, 30, 23, 59, 59), contactId: loner);
        await LogAsync(boris, vasilek, new DateTime(2025, 2, 15));
        Assert.Equal(7, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));
        Assert.Contains((annaId, 202501, 1), await KeptEqualsRecountAsync(server));
        Assert.Contains((annaId, 202502, 3), await KeptEqualsRecountAsync(server));

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{call}")).StatusCode);
        Assert.Equal(6, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.DeleteAsync($"/api/v1/activities/{call}")).StatusCode);
        Assert.Equal(6, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));
        Assert.Equal(HttpStatusCode.NoContent, (await anna.PostAsync($"/api/v1/activities/{call}/restore", null)).StatusCode);
        Assert.Equal(7, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/activities/{call}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.PostAsync($"/api/v1/activities/{call}/purge", null)).StatusCode);
        Assert.Equal(6, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsJsonAsync($"/api/v1/companies/{romashka}/merge", new { mergeId = twin })).StatusCode);
        Assert.Equal(6, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));

        // A company in the recycle bin keeps its activities counted until it is deleted for good and they go with it.
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/companies/{romashka}")).StatusCode);
        Assert.Equal(6, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/companies/{romashka}/purge", null)).StatusCode);
        Assert.Equal(2, (await KeptEqualsRecountAsync(server)).Sum(m => m.Done));
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/contacts/{loner}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/contacts/{loner}/purge", null)).StatusCode);
        Assert.Equal([(borisId, 202502, 1)], await KeptEqualsRecountAsync(server));

        // Handing over Boris's clients leaves his done work his.
        var handover = await admin.PostAsJsonAsync($"/api/v1/users/{borisId}/handover", new { successorIds = new[] { annaId } });
        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        Assert.Equal([(borisId, 202502, 1)], await KeptEqualsRecountAsync(server));
    }

    /// <summary>A host on the test's clock with two managers, Anna and Boris, each owning a company (Romashka, Vasilek).</summary>
    async Task<(CrmTestServer Server, HttpClient Anna, string AnnaId, int Romashka, HttpClient Boris, string BorisId, int Vasilek)>
        StartWithAnnaAndBorisAsync(TestDatabaseKind database)
    {
        var server = await StartAsync(database, new CrmTestOptions { ModulesDirectory = ModulesWith(), Time = _clock });
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris"));
        return (server, anna, UserId(server, "Anna"), await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" }),
            boris, UserId(server, "Boris"), await boris.CreateAsync("/api/v1/companies", new { name = "Vasilek" }));
    }

    /// <summary>Logs a call done (or planned) at a moment, through the API, as the host's clock reads that moment.</summary>
    async Task<int> LogAsync(HttpClient client, int? companyId, DateTime atUtc, bool done = true, int? contactId = null)
    {
        _clock.UtcNow = atUtc;
        try
        {
            return await client.CreateAsync("/api/v1/activities",
                new { kind = "Call", subject = $"Call at {atUtc:O}", companyId, contactId, done, plannedAtUtc = done ? (DateTime?)null : atUtc.AddDays(1) });
        }
        finally
        {
            _clock.UtcNow = null;
        }
    }

    static string UserId(CrmTestServer server, string name)
    {
        using var scope = server.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Single(u => u.DisplayName == name).Id;
    }

    static async Task<Dictionary<string, int>> DoneAsync(CrmTestServer server, string[] userIds, (DateTime From, DateTime To) period)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<IActivityStatistics>();
        return (await statistics.DoneByUserAsync(userIds, DateTime.SpecifyKind(period.From, DateTimeKind.Utc),
            DateTime.SpecifyKind(period.To, DateTimeKind.Utc), TestContext.Current.CancellationToken)).ToDictionary();
    }

    static Dictionary<string, int> Done(params (string UserId, int Count)[] counts) => counts.ToDictionary(c => c.UserId, c => c.Count);

    /// <summary>The months as the writers kept them, after checking that counting them again from the activities gives the same rows.</summary>
    static async Task<List<(string OwnerId, int Month, int Done)>> KeptEqualsRecountAsync(CrmTestServer server)
    {
        var kept = await MonthsAsync(server);
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IReportSummary>().Single(s => s.Name == ActivityMonths.Table)
                .RebuildAsync(TestContext.Current.CancellationToken);
        Assert.Equal(await MonthsAsync(server), kept);
        return kept;
    }

    static async Task<List<(string OwnerId, int Month, int Done)>> MonthsAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().ActivityMonths.AsNoTracking()
            .OrderBy(m => m.OwnerId).ThenBy(m => m.Month).ToListAsync(TestContext.Current.CancellationToken);
        return rows.Select(m => (m.OwnerId, m.Month, m.Done)).ToList();
    }
}
