using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Crm.Sales.Tests.Reports;

public sealed class FunnelReportTests(MariaDbFixture mariaDb) : ReportTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task TheFunnelCountsDistinctDealsEnteringEachStageWithConversionTimesAndStalledDeals(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var funnel = await ReportAsync(Admin, "funnel?" + Year2025);
        var stages = RowsBy(funnel.GetProperty("stages"), "name");
        Assert.Equal(["New", "Qualified", "Proposal", "Negotiation", "Won", "Lost"], stages.Keys);

        // Entered in 2025: D4 entered New in 2024, D8 is all 2024, D11 is now; D3 entering Qualified and Proposal twice counts once.
        Assert.Equal([8, 5, 3, 1, 5, 2], stages.Values.Select(s => s.GetProperty("entered").GetInt32()));
        // 5/8, 3/5, 1/3, and Negotiation on to Won 5/1 (deals skip stages).
        Assert.Equal([62.5m, 60.0m, 33.3m, 500.0m, null, null], stages.Values.Select(s => Number(s, "conversionPercent")));
        Assert.Equal([3, 2, 2, 0, 0, 0], stages.Values.Select(s => s.GetProperty("dropOff").GetInt32()));
        // New: 2,4,2,2,1,19,20,5 days; Qualified: 5,1,1,2,7; Proposal: 10,6,8,9; nobody has left Negotiation.
        Assert.Equal([6.9m, 3.2m, 8.3m, null, null, null], stages.Values.Select(s => Number(s, "averageDays")));
        Assert.Equal([3.0m, 2.0m, 8.5m, null, null, null], stages.Values.Select(s => Number(s, "medianDays")));
        // Now: D4 has sat in Qualified since January (norm 7 days), D3 in Negotiation since March (norm 14); D11 just entered Proposal.
        Assert.Equal([0, 1, 0, 1, 0, 0], stages.Values.Select(s => s.GetProperty("stalled").GetInt32()));
        Assert.Equal([3m, 7m, 10m, 14m, null, null], stages.Values.Select(s => Number(s, "normDays")));

        // Another period: only what entered in it.
        var spring = RowsBy((await ReportAsync(Admin, "funnel?from=2025-03-01&to=2025-03-31")).GetProperty("stages"), "name");
        Assert.Equal([1, 1, 1, 1, 0, 0], spring.Values.Select(s => s.GetProperty("entered").GetInt32()));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AHeadSeesTheTeamsFunnelAndAManagerOnlyTheirOwn(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var team = RowsBy((await ReportAsync(Hanna, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([7, 4, 3, 1, 4, 2], team.Values.Select(s => s.GetProperty("entered").GetInt32())); // without Carl's D4 and D9
        Assert.Equal([0, 0, 0, 1, 0, 0], team.Values.Select(s => s.GetProperty("stalled").GetInt32()));

        var own = RowsBy((await ReportAsync(Anna, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([4, 3, 1, 0, 3, 1], own.Values.Select(s => s.GetProperty("entered").GetInt32())); // D1, D2, D5, D10
        Assert.Equal([0, 0, 0, 0, 0, 0], own.Values.Select(s => s.GetProperty("stalled").GetInt32()));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealGivenToAnotherManagerTakesItsStagesIntoTheirFunnel(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var d1 = await GetDealAsync(Admin, Deals["D1"]);
        var given = await Admin.PutAsJsonAsync($"/api/v1/sales/deals/{Deals["D1"]}",
            new { title = "D1", companyId = AlphaId, ownerId = CarlId, version = d1.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.NoContent, given.StatusCode);

        // D1 went New → Qualified → Proposal → Won in 2025: it leaves Anna's and her team's funnel and joins Carl's.
        var own = RowsBy((await ReportAsync(Anna, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([3, 2, 0, 0, 2, 1], own.Values.Select(s => s.GetProperty("entered").GetInt32()));
        var team = RowsBy((await ReportAsync(Hanna, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([6, 3, 2, 1, 3, 2], team.Values.Select(s => s.GetProperty("entered").GetInt32()));
        var carls = RowsBy((await ReportAsync(Carl, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([2, 2, 1, 0, 2, 0], carls.Values.Select(s => s.GetProperty("entered").GetInt32())); // D9, D4's Qualified, and D1
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealInTheRecycleBinLeavesTheFunnel(TestDatabaseKind database)
    {
        await SeedAsync(database);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/sales/deals/{Deals["D1"]}")).StatusCode);

        // D1 went New (2 days) → Qualified → Proposal → Won in 2025.
        var stages = RowsBy((await ReportAsync(Admin, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([7, 4, 2, 1, 4, 2], stages.Values.Select(s => s.GetProperty("entered").GetInt32()));
        Assert.Equal(7.6m, Number(stages["New"], "averageDays")); // 4,2,2,1,19,20,5
        Assert.Equal(4.0m, Number(stages["New"], "medianDays"));
        var team = RowsBy((await ReportAsync(Hanna, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal([6, 3, 2, 1, 3, 2], team.Values.Select(s => s.GetProperty("entered").GetInt32()));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheMedianOfManyVisitsComesFromAnEvenSampleOfThePeriod(TestDatabaseKind database)
    {
        await SeedAsync(database);
        // 12,000 visits to Negotiation over 2025 (more than the 10,000 read in full): a day each from January to April,
        // five days from May to August, thirty from September. Only a sample spread over the whole year gives five days.
        var stages = await StagesAsync(Admin);
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = SalesDb(scope.ServiceProvider);
            var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var batch = 0; batch < 12; batch++)
            {
                var rows = Enumerable.Range(batch * 1000, 1000).Select(i =>
                {
                    var entered = start.AddMinutes(i * 43.8);
                    var days = entered.Month <= 4 ? 1 : entered.Month <= 8 ? 5 : 30;
                    return $"({Deals["D3"]}, 1, {stages["Negotiation"]}, '{entered:yyyy-MM-dd HH:mm:ss}', '{entered.AddDays(days):yyyy-MM-dd HH:mm:ss}', {days * 86400}, '{BorisId}', 'seed')";
                });
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO sales_stage_visits (DealId, PipelineId, StageId, EnteredAtUtc, LeftAtUtc, SecondsInStage, OwnerId, ByUserId) VALUES " + string.Join(", ", rows));
            }
        }
        await CountSummariesAgainAsync();

        var everyone = RowsBy((await ReportAsync(Admin, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal(5.0m, Number(everyone["Negotiation"], "medianDays"));
        Assert.Equal(12_001, everyone["Negotiation"].GetProperty("entered").GetInt32());
        var team = RowsBy((await ReportAsync(Hanna, "funnel?" + Year2025)).GetProperty("stages"), "name");
        Assert.Equal(5.0m, Number(team["Negotiation"], "medianDays"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheFunnelExportsToCsvAndXlsxAndItsPageDrawsIt(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var csv = await Admin.GetAsync("/api/v1/sales/reports/funnel?" + Year2025 + "&format=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Stage,Norm, days", lines[0].Replace("\"", ""));
        var qualified = lines.Single(l => l.StartsWith("Qualified,")).TrimEnd('\r').Split(',');
        Assert.Equal([7m, 5m, 60m, 2m, 3.2m, 2m, 1m], qualified.Skip(1).Select(decimal.Parse));

        var xlsx = await Admin.GetAsync("/api/v1/sales/reports/funnel?" + Year2025 + "&format=Xlsx");
        var rows = (await new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true))
            .Cast<IDictionary<string, object>>().ToList();
        var proposal = rows.Single(r => (string)r["Stage"] == "Proposal");
        Assert.Equal(3d, Convert.ToDouble(proposal["Entered"]));
        Assert.Equal(8.5d, Convert.ToDouble(proposal["Median days in stage"]));

        var page = await Hanna.GetStringAsync("/Sales/Reports/Funnel?" + Year2025);
        Assert.Contains("<svg", page);
        Assert.Contains("Negotiation", page);
        Assert.Contains("/api/v1/sales/reports/funnel?from=2025-01-01&amp;to=2025-12-31&amp;format=Xlsx&amp;pipelineId=1", page);
        Assert.Contains("Sales reports", await Hanna.GetStringAsync("/Sales/Reports"));

        var reversed = await Admin.GetAsync("/api/v1/sales/reports/funnel?from=2025-12-31&to=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("to", (await reversed.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/v1/sales/reports/funnel?pipelineId=999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Server.SignInAsync(await Server.CreateUserAsync(Crm.Sdk.Security.CrmRoles.Accountant)))
            .GetAsync("/api/v1/sales/reports/funnel")).StatusCode);
    }
}
