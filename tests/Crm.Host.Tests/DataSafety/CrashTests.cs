using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.DataSafety;

/// <summary>The server process killed (SIGKILL) while people write: what it acknowledged is there, whole, after a restart.</summary>
public sealed class CrashTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task AKillUnderWriteLoadLosesNoAcknowledgedWriteLeavesNoStaleLastContactAndDeliversTheEventsItOwed(TestDatabaseKind database)
    {
        var options = await RestartableOptionsAsync(database, ModulesWith("notes"));
        string manager, token;
        var companies = new List<int>();
        await using (var setup = await CrmTestServer.StartAsync(options with { EnableModules = ["notes"] }))
        {
            manager = await setup.CreateUserAsync(CrmRoles.SalesManager);
            var client = await setup.TokenClientAsync(manager);
            token = client.DefaultRequestHeaders.Authorization!.Parameter!;
            for (var i = 0; i < 5; i++) companies.Add(await client.CreateAsync("/api/v1/companies", new { name = $"Client {i}" }));
        }

        var settings = new Dictionary<string, string>
        {
            ["Crm:DataDirectory"] = options.DataDirectory!, ["Crm:ModulesDirectory"] = options.ModulesDirectory,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Modules:notes:FailDeliveries"] = "true", // so every note's event is still owed to one handler at the kill
        };
        if (options.MySqlConnectionString is { } mysql)
        {
            settings["Crm:Database:Provider"] = "MySql";
            settings["Crm:Database:ConnectionString"] = mysql;
        }
        var activities = new ConcurrentBag<int>();
        var notes = new ConcurrentBag<string>();
        await using (var host = await HostProcess.StartAsync(settings))
        {
            using var api = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    try
                    {
                        if (writer == 0)
                        {
                            var title = $"Note {i}";
                            var response = await api.PostAsJsonAsync("/api/v1/notes", new { title, body = "flaky" });
                            if (response.StatusCode == HttpStatusCode.Created) notes.Add(title);
                        }
                        else
                        {
                            var response = await api.PostAsJsonAsync("/api/v1/activities",
                                new { kind = "Call", subject = $"Call {writer}.{i}", companyId = companies[(writer + i) % companies.Count] });
                            if (response.StatusCode == HttpStatusCode.Created) activities.Add((await response.JsonAsync()).GetProperty("id").GetInt32());
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or IOException) { return; }
                }
            })).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((activities.Count < 40 || notes.Count < 10) && DateTime.UtcNow < deadline) await Task.Delay(50);
            host.Kill();
            await Task.WhenAll(writers);
        }
        Assert.True(activities.Count >= 40 && notes.Count >= 10, $"too few writes before the kill: {activities.Count} activities, {notes.Count} notes");

        var after = await StartAsync(database, options);
        await using var scope = after.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var stored = await db.Activities.Select(a => a.Id).ToListAsync();
        Assert.Empty(activities.Except(stored));
        var stale = await db.Companies
            .Where(c => db.Activities.Any(a => a.CompanyId == c.Id && a.DoneAtUtc != null && (c.LastContactAtUtc == null || a.DoneAtUtc > c.LastContactAtUtc)))
            .Select(c => c.Name).ToListAsync();
        Assert.Empty(stale);

        var owed = notes.Select(n => $"Delivered on attempt 2: {n}").ToHashSet();
        var waitUntil = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var delivered = await db.Notifications.AsNoTracking().Where(n => n.Title.StartsWith("Delivered on attempt")).Select(n => n.Title).ToListAsync();
            var missing = owed.Where(o => !delivered.Contains(o)).ToList();
            if (missing.Count == 0) break;
            Assert.True(DateTime.UtcNow < waitUntil, $"events owed at the kill and not delivered after the restart: {string.Join(", ", missing.Take(5))}");
            await Task.Delay(500);
        }
    }
}
