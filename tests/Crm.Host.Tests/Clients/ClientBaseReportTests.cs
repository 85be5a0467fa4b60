using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class ClientBaseReportTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static Dictionary<string, int> Bars(JsonElement figures, string name) =>
        figures.GetProperty(name).EnumerateArray().ToDictionary(b => b.GetProperty("label").GetString()!, b => b.GetProperty("count").GetInt32());

    [Theory, MemberData(nameof(Databases))]
    public async Task TheReportCountsWhatEachLeaderMaySee(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var team = await CreateTeamAsync(server);
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, team, name: "Anna"));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris"));
        var head = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales, team));
        foreach (var body in new object[]
                 {
                     new { name = "A1", territory = "Moscow", industry = "Retail", status = "Active" },
                     new { name = "A2", territory = "Moscow", industry = "Retail", status = "Lost", lossReason = "Price" },
                     new { name = "A3", territory = "Kazan", status = "Lost", lossReason = "Price" },
                 })
            (await anna.PostAsJsonAsync("/api/v1/companies", body)).EnsureSuccessStatusCode();
        (await boris.PostAsJsonAsync("/api/v1/companies", new { name = "B1", territory = "Kazan", status = "Lost", lossReason = "Service" })).EnsureSuccessStatusCode();
        await using (var scope = server.Services.CreateAsyncScope()) // one of Anna's clients came three months ago
            await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Companies.Where(c => c.Name == "A3")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, DateTime.UtcNow.AddMonths(-3)));

        var teamView = await head.GetFromJsonAsync<JsonElement>("/api/v1/reports/clients");
        Assert.Equal(3, teamView.GetProperty("total").GetInt32()); // Boris is not in the team
        Assert.Equal(new Dictionary<string, int> { ["Price"] = 2 }, Bars(teamView, "lostReasons"));
        Assert.Equal(new Dictionary<string, int> { ["Moscow"] = 2, ["Kazan"] = 1 }, Bars(teamView, "byTerritory"));
        Assert.Equal(new Dictionary<string, int> { ["Anna"] = 3 }, Bars(teamView, "byManager"));
        var perMonth = teamView.GetProperty("newPerMonth").EnumerateArray().Select(b => b.GetProperty("count").GetInt32()).ToList();
        Assert.Equal(12, perMonth.Count);
        Assert.Equal(2, perMonth[^1]);
        Assert.Equal(1, perMonth[^4]);
        Assert.Equal(3, teamView.GetProperty("totalOverTime").EnumerateArray().Last().GetProperty("count").GetInt32());

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reports/clients");
        Assert.Equal(new Dictionary<string, int> { ["Price"] = 2, ["Service"] = 1 }, Bars(all, "lostReasons"));
        var page = await admin.GetStringAsync("/Reports/Clients");
        Assert.Contains("<svg role=\"img\" aria-label=\"Why clients were lost\"", page);
        Assert.DoesNotContain("<script", page);
    }
}
