using System.Net;
using System.Net.Http.Json;
using Crm.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Reports;

/// <summary>
/// The funnel's stage visits counted per month ahead of time: every change to a deal keeps them as counting them again
/// from the visits would, and a funnel whose period starts or ends inside a month adds the part-months from the visits.
/// </summary>
public sealed class VisitMonthsTests(MariaDbFixture mariaDb) : ReportTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task EveryChangeToADealKeepsTheMonthlyCountsAsCountingThemAgainWould(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var stages = await StagesAsync(Admin);
        var price = await LossReasonAsync(Admin);
        var before = await CountedAsync();

        var deal = await DealAsync(Anna, "Pumps");
        await KeptAsCountedAgainAsync("create");
        Assert.NotEqual(before, await CountedAsync());
        foreach (var stage in new[] { "Qualified", "New", "Qualified", "Proposal" })
        {
            Assert.True((await MoveAsync(Anna, deal, stages[stage])).IsSuccessStatusCode);
            await KeptAsCountedAgainAsync($"move to {stage}");
        }
        Assert.True((await MoveAsync(Boris, Deals["D3"], stages["Lost"], price)).IsSuccessStatusCode);
        await KeptAsCountedAgainAsync("lose");

        var d1 = await GetDealAsync(Admin, Deals["D1"]);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PutAsJsonAsync($"/api/v1/sales/deals/{Deals["D1"]}",
            new { title = "D1", companyId = AlphaId, ownerId = CarlId, version = d1.GetProperty("version").GetInt32() })).StatusCode);
        await KeptAsCountedAgainAsync("give to another owner");

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/sales/deals/{Deals["D5"]}")).StatusCode);
        await KeptAsCountedAgainAsync("recycle bin");

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/v1/users/{BorisId}/handover", new { successorIds = new[] { CarlId } })).StatusCode);
        await KeptAsCountedAgainAsync("handover");
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AFunnelWithPartMonthsCountsReentriesAgainstThePeriodsFirstDay(TestDatabaseKind database)
    {
        await SeedAsync(database);
        var stages = await StagesAsync(Admin);
        // D12 enters New in January, and again in April: an entry for a period from February, not for one from mid-January.
        await DatedDealAsync("D12", Anna, AlphaId, 900, null, null, stages, [("New", "2025-01-20"), ("Qualified", "2025-02-10"), ("New", "2025-04-15")]);
        await CountSummariesAgainAsync();

        // February to April, whole months: New from D2 (02-01), D3 (03-01) and D12's return; it stayed 4, 2 days (D12 is still there).
        var whole = RowsBy((await ReportAsync(Admin, "funnel?from=2025-02-01&to=2025-04-30")).GetProperty("stages"), "name");
        Assert.Equal(3, whole["New"].GetProperty("entered").GetInt32());
        Assert.Equal(3.0m, Number(whole["New"], "averageDays"));
        Assert.Equal(3, whole["Qualified"].GetProperty("entered").GetInt32()); // D2, D3 (twice, once counted), D12

        // From January 15: D12's first entry (read from the visits) counts, its return does not; New times 21, 4, 2 days.
        var fromMidJanuary = RowsBy((await ReportAsync(Admin, "funnel?from=2025-01-15&to=2025-04-30")).GetProperty("stages"), "name");
        Assert.Equal(3, fromMidJanuary["New"].GetProperty("entered").GetInt32());
        Assert.Equal(9.0m, Number(fromMidJanuary["New"], "averageDays"));
        Assert.Equal(3, fromMidJanuary["Qualified"].GetProperty("entered").GetInt32());

        // Part-months at both ends (January 15 to May 4): May 1-4 adds D5 and D7 entering New, D5 Qualified (05-03).
        var bothEnds = RowsBy((await ReportAsync(Admin, "funnel?from=2025-01-15&to=2025-05-04")).GetProperty("stages"), "name");
        Assert.Equal(5, bothEnds["New"].GetProperty("entered").GetInt32());
        Assert.Equal(4, bothEnds["Qualified"].GetProperty("entered").GetInt32());

        // Inside one month: D3 came back to Qualified on 03-10 after entering it on 03-03, before the period.
        var week = RowsBy((await ReportAsync(Admin, "funnel?from=2025-03-05&to=2025-03-11")).GetProperty("stages"), "name");
        Assert.Equal(1, week["Qualified"].GetProperty("entered").GetInt32());
        Assert.Equal(0, week["Proposal"].GetProperty("entered").GetInt32());

        // A head of sales sees the team's part (D12 is Anna's): the same figures without Carl's deals, none here.
        var team = RowsBy((await ReportAsync(Hanna, "funnel?from=2025-01-15&to=2025-04-30")).GetProperty("stages"), "name");
        Assert.Equal(3, team["New"].GetProperty("entered").GetInt32());
    }

    /// <summary>The summary as the services kept it equals the summary counted again from the visits.</summary>
    async Task KeptAsCountedAgainAsync(string after)
    {
        var kept = await CountedAsync();
        await CountSummariesAgainAsync();
        Assert.True(kept.SequenceEqual(await CountedAsync()), $"after {after}: kept\n{string.Join("\n", kept)}\ncounted again\n{string.Join("\n", await CountedAsync())}");
    }

    /// <summary>The summary's rows, one line each.</summary>
    async Task<List<string>> CountedAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = SalesDb(scope.ServiceProvider);
        var sql = $"SELECT {Concat(db.Database.ProviderName!)} AS Value FROM sales_visit_months"; // built from constants only
        return await db.Database.SqlQueryRaw<string>(sql).OrderBy(v => v).ToListAsync();
    }

    static string Concat(string database) => database.Contains("Sqlite")
        ? "PipelineId || ' ' || Month || ' ' || StageId || ' ' || OwnerId || ' ' || PreviousEntryOn || ': ' || Visits || ' ' || Finished || ' ' || Seconds"
        : "CONCAT_WS(' ', PipelineId, Month, StageId, OwnerId, PreviousEntryOn, ':', Visits, Finished, Seconds)";
}
