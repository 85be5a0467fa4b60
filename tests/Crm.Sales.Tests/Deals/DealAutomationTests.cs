using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Deals;

public sealed class DealAutomationTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ADealStalledBeyondItsStageNormGivesItsOwnerOneTaskOnMyDay(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Alpha Ltd" });
        var stalled = await DealAsync(anna, "Old tender", companyId: company);
        await DealAsync(anna, "Fresh tender");
        await using (var scope = Server.Services.CreateAsyncScope())
            // "New" has a norm of 3 days; this deal came in 4 days ago.
            await SalesDb(scope.ServiceProvider).Database.ExecuteSqlAsync(
                $"UPDATE sales_deals SET StageEnteredAtUtc = {DateTime.UtcNow.AddDays(-4)} WHERE Id = {stalled}");

        Assert.True((await GetDealAsync(anna, stalled)).GetProperty("stalled").GetBoolean());
        await RunJobAsync("Crm.Sales.Deals.StalledDeals");
        var myDay = await anna.GetFromJsonAsync<JsonElement>("/api/v1/my-day");
        var tasks = myDay.GetProperty("overdue").EnumerateArray().Concat(myDay.GetProperty("today").EnumerateArray()).ToList();
        var task = Assert.Single(tasks);
        Assert.Contains("Old tender", task.GetProperty("title").GetString());
        Assert.Equal(company, task.GetProperty("companyId").GetInt32());
        Assert.Equal($"/Sales/Deals/{stalled}", task.GetProperty("linkUrl").GetString());
        Assert.Contains($"href=\"/Sales/Deals/{stalled}\"", await anna.GetStringAsync("/MyDay"));

        // While the task is open, the next run does not set it again.
        await using (var scope = Server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Crm.Host.Data.CoreDbContext>().JobLeases.ExecuteDeleteAsync();
        await RunJobAsync("Crm.Sales.Deals.StalledDeals");
        myDay = await anna.GetFromJsonAsync<JsonElement>("/api/v1/my-day");
        Assert.Single(myDay.GetProperty("overdue").EnumerateArray().Concat(myDay.GetProperty("today").EnumerateArray()));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ALeaversDealsFollowTheirClientsAndAMergeMovesTheDuplicatesDeals(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var (leo, leoId) = await UserAsync(CrmRoles.SalesManager, "Leo");
        var (_, annaId) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var (_, borisId) = await UserAsync(CrmRoles.SalesManager, "Boris");
        var alpha = await leo.CreateAsync("/api/v1/companies", new { name = "Alpha" });
        var bravo = await leo.CreateAsync("/api/v1/companies", new { name = "Bravo" });
        var alphaDeal = await DealAsync(leo, "Alpha pumps", companyId: alpha);
        var bravoDeal = await DealAsync(leo, "Bravo valves", companyId: bravo);
        var loneDeal = await DealAsync(leo, "Walk-in");

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{leoId}/handover", new { successorIds = new[] { annaId, borisId } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deals = (await response.JsonAsync()).GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "Deal")
            .ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("toUserId").GetString());
        Assert.Equal(3, deals.Count);
        Assert.Equal(await CompanyOwnerAsync(admin, alpha), deals["Alpha pumps"]);
        Assert.Equal(await CompanyOwnerAsync(admin, bravo), deals["Bravo valves"]);
        Assert.Equal(annaId, deals["Walk-in"]);
        foreach (var id in new[] { alphaDeal, bravoDeal, loneDeal })
            Assert.NotEqual(leoId, (await GetDealAsync(admin, id)).GetProperty("ownerId").GetString());
        // The deals' stage histories follow them, so that the successors' funnels count them (the funnel reads visits by owner).
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var owners = await SalesDb(scope.ServiceProvider).Database.SqlQueryRaw<string>(
                "SELECT v.OwnerId AS Value FROM sales_stage_visits v JOIN sales_deals d ON d.Id = v.DealId WHERE d.Id IN ({0}, {1}, {2}) AND v.OwnerId = d.OwnerId",
                alphaDeal, bravoDeal, loneDeal).ToListAsync();
            Assert.Equal(3, owners.Count);
            Assert.DoesNotContain(leoId, owners);
        }

        var merged = await admin.PostAsJsonAsync($"/api/v1/companies/{alpha}/merge", new { mergeId = bravo });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(alpha, (await GetDealAsync(admin, bravoDeal)).GetProperty("companyId").GetInt32());
        Assert.Equal("Alpha", (await GetDealAsync(admin, bravoDeal)).GetProperty("clientName").GetString());
    }

    static async Task<string?> CompanyOwnerAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}")).GetProperty("ownerId").GetString();
}
