using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Crm.Sales.Tests.Reports;

/// <summary>Effectiveness with plans and rewards, forecast, losses, ABC and new against repeat clients, on <see cref="ReportTest"/>'s data set.</summary>
public sealed class SalesReportsTests(MariaDbFixture mariaDb) : ReportTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ManagersGetWinsWinRateCyclePlanAgainstFactAndRewardWithinScope(TestDatabaseKind database)
    {
        await SeedAsync(database);
        await PlanAsync(AnnaId, null, "2025-01-01", 1000);
        await PlanAsync(AnnaId, null, "2025-05-01", 5000);
        await PlanAsync(BorisId, null, "2025-05-01", 1000);
        await PlanAsync(null, NorthTeam, "2025-05-01", 8000);
        var outOfScope = await Hanna.PutAsJsonAsync("/api/v1/sales/plans", new { month = "2025-05-01", ownerId = CarlId, amount = 1m });
        Assert.Equal(HttpStatusCode.BadRequest, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Anna.PutAsJsonAsync("/api/v1/sales/plans", new { month = "2025-05-01", ownerId = AnnaId, amount = 9m })).StatusCode);
        Assert.True((await Hanna.PutAsJsonAsync("/api/v1/sales/commission-rules", new { role = "SalesManager", percent = 5m, bonusPercent = 2m })).IsSuccessStatusCode);
        Assert.True((await Hanna.PutAsJsonAsync("/api/v1/sales/commission-rules", new { ownerId = AnnaId, percent = 10m, bonusPercent = 5m })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Hanna.PutAsJsonAsync("/api/v1/sales/commission-rules", new { role = "SalesManager", percent = 150m })).StatusCode);

        // Plan against fact per month: May's fact for Anna leaves out her EUR deal; the team's is Anna's and Boris's.
        var progress = (await Hanna.GetFromJsonAsync<JsonElement>("/api/v1/sales/plans/progress?year=2025")).EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("month").GetString(), p.GetProperty("fact").GetDecimal(), Number(p, "percentDone"))).ToList();
        Assert.Equal([("Anna", "2025-01-01", 1000m, 100m), ("Anna", "2025-05-01", 4000m, 80m), ("Boris", "2025-05-01", 1500m, 150m), ("North", "2025-05-01", 5500m, 68.8m)],
            progress.OrderBy(p => p.Item2).ThenBy(p => p.Item1).ToList());

        var managers = RowsBy((await ReportAsync(Admin, "managers?" + Year2025)).GetProperty("managers"), "name");
        Assert.Equal(["Anna", "Boris", "Carl", "Hanna"], managers.Keys);
        // Anna: won D1, D5 and D10 (EUR: counted, not summed), lost D2; cycles 17, 9 and 5 days; plan 6000, fact 5000, no bonus: 10%.
        Assert.Equal([3m, 5000m, 1m, 75m, 2500m, 10.3m, 6000m, 83.3m, 500m], Figures(managers["Anna"]));
        // Boris: met his plan, so the role's 5% and 2% bonus.
        Assert.Equal([1m, 1500m, 1m, 50m, 1500m, 19m, 1000m, 150m, 105m], Figures(managers["Boris"]));
        Assert.Equal([1m, 600m, 0m, 100m, 600m, 20m, 0m, null, 30m], Figures(managers["Carl"]));
        Assert.Equal([0m, 0m, 0m, null, null, null, 0m, null, 0m], Figures(managers["Hanna"]));

        Assert.Equal(["Anna", "Boris", "Hanna"], RowsBy((await ReportAsync(Hanna, "managers?" + Year2025)).GetProperty("managers"), "name").Keys);
        Assert.Equal(["Anna"], RowsBy((await ReportAsync(Anna, "managers?" + Year2025)).GetProperty("managers"), "name").Keys);

        // Activities logged this year count for this year's report.
        var alpha = AlphaId;
        await Anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Follow-up", companyId = alpha });
        await Anna.CreateAsync("/api/v1/activities", new { kind = "Meeting", subject = "Visit", companyId = alpha });
        var now = RowsBy((await ReportAsync(Admin, $"managers?from={DateTime.UtcNow.Year}-01-01")).GetProperty("managers"), "name");
        Assert.Equal(2, now["Anna"].GetProperty("activities").GetInt32());

        var xlsx = await Hanna.GetAsync("/api/v1/sales/reports/managers?" + Year2025 + "&format=Xlsx");
        var rows = (await new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(500d, Convert.ToDouble(rows.Single(r => (string)r["Manager"] == "Anna")["Reward"]));
        Assert.Contains("<svg", await Hanna.GetStringAsync("/Sales/Reports/Managers?" + Year2025));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheForecastWeighsOpenDealsByStageProbabilityPerExpectedMonth(TestDatabaseKind database)
    {
        await SeedAsync(database);
        const string year2026 = "from=2026-01-01&to=2026-12-31";
        // D3 in Negotiation (75%) in November; D4 in Qualified (25%) and D11 in Proposal (50%) in December.
        Assert.Equal([("2026-11-01", 1, 2000m, 1500m), ("2026-12-01", 2, 1100m, 475m)], Months(await ReportAsync(Admin, "forecast?" + year2026)));
        Assert.Equal([("2026-11-01", 1, 2000m, 1500m), ("2026-12-01", 1, 800m, 400m)], Months(await ReportAsync(Hanna, "forecast?" + year2026)));
        Assert.Equal([("2026-12-01", 1, 800m, 400m)], Months(await ReportAsync(Anna, "forecast?" + year2026)));
        Assert.Equal(1975m, (await ReportAsync(Admin, "forecast?" + year2026)).GetProperty("weighted").GetDecimal());
        var csv = await Admin.GetStringAsync("/api/v1/sales/reports/forecast?" + year2026 + "&format=Csv");
        Assert.Contains("2026-12,2,1100,475", csv.Replace(".00", ""));

        static List<(string?, int, decimal, decimal)> Months(JsonElement forecast) => forecast.GetProperty("months").EnumerateArray()
            .Select(m => (m.GetProperty("month").GetString(), m.GetProperty("deals").GetInt32(), m.GetProperty("amount").GetDecimal(), m.GetProperty("weighted").GetDecimal()))
            .ToList();
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task LossesGroupByReasonStageLostAtAndManager(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var losses = await ReportAsync(Admin, "losses?" + Year2025);
        Assert.Equal([("No budget", 1, 700m), ("Price", 1, 500m)], Rows(losses, "byReason"));
        Assert.Equal([("Qualified", 1, 500m), ("Proposal", 1, 700m)], Rows(losses, "byStage"));
        Assert.Equal([("Anna", 1, 500m), ("Boris", 1, 700m)], Rows(losses, "byManager"));
        Assert.Equal([("Price", 1, 500m)], Rows(await ReportAsync(Anna, "losses?" + Year2025), "byReason"));
        Assert.Contains("Stage lost at", await Admin.GetStringAsync("/Sales/Reports/Losses?" + Year2025));

        static List<(string?, int, decimal)> Rows(JsonElement report, string group) => report.GetProperty(group).EnumerateArray()
            .Select(r => (r.GetProperty("name").GetString(), r.GetProperty("deals").GetInt32(), r.GetProperty("amount").GetDecimal())).ToList();
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AbcClassesClientsAndProductsByRevenueShareAndNewClientsAreTheirFirstWin(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var pump = await Admin.CreateAsync("/api/v1/sales/products", new { sku = "P1", name = "Pump" });
        var valve = await Admin.CreateAsync("/api/v1/sales/products", new { sku = "P2", name = "Valve" });
        var hose = await Admin.CreateAsync("/api/v1/sales/products", new { sku = "P3", name = "Hose" });
        await LineAsync("D1", pump, 2, 300, 0);
        await LineAsync("D1", valve, 1, 400, 0);
        await LineAsync("D5", pump, 10, 400, 10);
        await LineAsync("D5", hose, 4, 100, 0);
        await LineAsync("D7", valve, 3, 500, 0);
        await LineAsync("D10", hose, 1, 250, 0); // EUR
        await LineAsync("D2", pump, 100, 100, 0); // lost

        // Clients: Alpha 5000, Gamma 1500, Delta 600 of 7100; products: Pump 4200, Valve 1900, Hose 400 of 6500 (A below 80% before, B below 95%).
        var abc = await ReportAsync(Admin, "abc?" + Year2025);
        Assert.Equal([("Alpha", 5000m, 70.42m, 70.42m, "A"), ("Gamma", 1500m, 21.13m, 91.55m, "A"), ("Delta", 600m, 8.45m, 100m, "B")], Abc(abc, "clients"));
        Assert.Equal([("Pump", 4200m, 64.62m, 64.62m, "A"), ("Valve", 1900m, 29.23m, 93.85m, "A"), ("Hose", 400m, 6.15m, 100m, "B")], Abc(abc, "products"));
        Assert.Equal(["Alpha"], Abc(await ReportAsync(Anna, "abc?" + Year2025), "clients").Select(r => r.Item1));

        // Alpha's first win was D1 (new), D5 repeats; Gamma won D8 in 2024, so D7 repeats; Delta's D9 is its first. D10 is in EUR.
        var clients = await ReportAsync(Admin, "new-vs-repeat?" + Year2025);
        Assert.Equal([("2025-01-01", 1, 1000m, 0, 0m), ("2025-05-01", 1, 600m, 2, 5500m)], Months(clients));
        Assert.Equal((1600m, 5500m), (clients.GetProperty("newRevenue").GetDecimal(), clients.GetProperty("repeatRevenue").GetDecimal()));
        var team = await ReportAsync(Hanna, "new-vs-repeat?" + Year2025);
        Assert.Equal((1000m, 5500m), (team.GetProperty("newRevenue").GetDecimal(), team.GetProperty("repeatRevenue").GetDecimal()));

        var xlsx = await Admin.GetAsync("/api/v1/sales/reports/abc?" + Year2025 + "&format=Xlsx");
        var rows = (await new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("B", rows.Single(r => (string)r["Name"] == "Hose")["Class"]);
        Assert.Contains("Repeat clients", await Admin.GetStringAsync("/Sales/Reports/NewClients?" + Year2025));
        Assert.Contains("Pump", await Admin.GetStringAsync("/Sales/Reports/Abc?" + Year2025));

        static List<(string?, decimal, decimal, decimal, string?)> Abc(JsonElement report, string of) => report.GetProperty(of).EnumerateArray()
            .Select(r => (r.GetProperty("name").GetString(), r.GetProperty("revenue").GetDecimal(), r.GetProperty("sharePercent").GetDecimal(),
                r.GetProperty("cumulativePercent").GetDecimal(), r.GetProperty("class").GetString())).ToList();
        static List<(string?, int, decimal, int, decimal)> Months(JsonElement report) => report.GetProperty("months").EnumerateArray()
            .Select(m => (m.GetProperty("month").GetString(), m.GetProperty("newDeals").GetInt32(), m.GetProperty("newRevenue").GetDecimal(),
                m.GetProperty("repeatDeals").GetInt32(), m.GetProperty("repeatRevenue").GetDecimal())).ToList();
    }

    async Task PlanAsync(string? ownerId, int? teamId, string month, decimal amount)
    {
        var response = await Hanna.PutAsJsonAsync("/api/v1/sales/plans", new { month, ownerId, teamId, amount });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    async Task LineAsync(string deal, int product, decimal quantity, decimal price, decimal discount)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await SalesDb(scope.ServiceProvider).Database.ExecuteSqlRawAsync(
            "INSERT INTO sales_deal_lines (DealId, ProductId, Description, Quantity, UnitPrice, DiscountPercent, Approval, SortOrder) VALUES ({0}, {1}, 'line', {2}, {3}, {4}, 0, 0)",
            Deals[deal], product, (long)(quantity * 1000), (long)(price * 100), (long)(discount * 100));
    }

    static List<decimal?> Figures(JsonElement m) =>
        new[] { "won", "wonAmount", "lost", "winRatePercent", "averageWon", "averageCycleDays", "plan", "percentDone", "reward" }.Select(p => Number(m, p)).ToList();
}
