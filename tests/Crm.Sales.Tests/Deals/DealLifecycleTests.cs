using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Tests.Deals;

public sealed class DealLifecycleTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ADealMovesThroughStagesAndLosingItNeedsAReason(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Alpha Ltd" });
        var stages = await StagesAsync(anna);
        var deal = await DealAsync(anna, "Pumps for Alpha", 1500.50m, company);

        var created = await GetDealAsync(anna, deal);
        Assert.Equal("New", created.GetProperty("stageName").GetString());
        Assert.Equal("Alpha Ltd", created.GetProperty("clientName").GetString());
        Assert.Equal(1500.50m, created.GetProperty("amount").GetDecimal());
        Assert.Equal("RUB", created.GetProperty("currency").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await MoveAsync(anna, deal, stages["Proposal"])).StatusCode);
        var noReason = await MoveAsync(anna, deal, stages["Lost"]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lossReasonId", (await noReason.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("Proposal", (await GetDealAsync(anna, deal)).GetProperty("stageName").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await MoveAsync(anna, deal, stages["Lost"], await LossReasonAsync(anna))).StatusCode);
        var card = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}");
        Assert.Equal("Lost", card.GetProperty("deal").GetProperty("status").GetString());
        Assert.Equal("Price", card.GetProperty("lossReason").GetString());
        Assert.Equal(["Lost", "Proposal", "New"], card.GetProperty("history").EnumerateArray().Select(v => v.GetProperty("stageName").GetString()));
        Assert.Equal(1, card.GetProperty("history").EnumerateArray().Count(v => v.GetProperty("leftAtUtc").ValueKind == JsonValueKind.Null));

        // The client's card shows the deal in the module's panel and on the timeline.
        var clientCard = await anna.GetStringAsync($"/Companies/{company}");
        Assert.Contains("Pumps for Alpha", clientCard);
        Assert.Contains("Deal lost: Pumps for Alpha", clientCard);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task BadInputIsRefusedFieldByFieldAndNothingIsSaved(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");

        var response = await anna.PostAsJsonAsync("/api/v1/sales/deals", new { title = "", amount = -5m, currency = "XXX", companyId = 999 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["amount", "companyId", "currency", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("The amount cannot be negative.", errors.GetProperty("amount")[0].GetString());
        Assert.Empty((await anna.GetFromJsonAsync<JsonElement>("/api/v1/sales/deals")).GetProperty("rows").EnumerateArray());

        var malformed = await anna.PostAsync("/api/v1/sales/deals", new StringContent("{\"amount\": \"lots\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheSecondOfTwoConcurrentEditsIsToldAndOverwritesNothing(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deal = await DealAsync(anna, "Valves");
        var version = (await GetDealAsync(anna, deal)).GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await anna.PutAsJsonAsync($"/api/v1/sales/deals/{deal}", new { title = "Valves, 40 pcs", amount = 2000m, version })).StatusCode);
        var second = await anna.PutAsJsonAsync($"/api/v1/sales/deals/{deal}", new { title = "Valves, 10 pcs", amount = 500m, version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stages = await StagesAsync(anna);
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(anna, deal, stages["Proposal"], version: version)).StatusCode);

        var saved = await GetDealAsync(anna, deal);
        Assert.Equal("Valves, 40 pcs", saved.GetProperty("title").GetString());
        Assert.Equal("New", saved.GetProperty("stageName").GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AManagerNeitherSeesNorMovesAnotherManagersDealsAndTheHeadSeesTheTeam(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var team = await CreateTeamAsync(Server);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna", team);
        var (boris, _) = await UserAsync(CrmRoles.SalesManager, "Boris", team);
        var (head, _) = await UserAsync(CrmRoles.HeadOfSales, "Hanna", team);
        var (outsider, _) = await UserAsync(CrmRoles.SalesManager, "Oleg");
        var deal = await DealAsync(anna, "Secret tender");
        var stages = await StagesAsync(anna);

        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/sales/deals/{deal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(boris, deal, stages["Won"])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PutAsJsonAsync($"/api/v1/sales/deals/{deal}", new { title = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync($"/api/v1/sales/deals/{deal}")).StatusCode);
        Assert.Empty((await boris.GetFromJsonAsync<JsonElement>("/api/v1/sales/deals")).GetProperty("rows").EnumerateArray());
        Assert.DoesNotContain("Secret tender", await boris.GetStringAsync("/Sales/Board"));
        Assert.DoesNotContain("Secret tender", await boris.GetStringAsync("/Search?q=Secret"));
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/Sales/Deals/{deal}")).StatusCode);

        Assert.Contains("Secret tender", await head.GetStringAsync("/Sales/Board"));
        Assert.Equal(HttpStatusCode.NoContent, (await MoveAsync(head, deal, stages["Won"])).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/sales/deals")).GetProperty("rows").EnumerateArray());
        Assert.Equal("Won", (await GetDealAsync(anna, deal)).GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheBoardMovesADealWithoutScriptAndListsPageByKeyset(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var stages = await StagesAsync(anna);
        var ids = new List<int>();
        for (var i = 1; i <= 5; i++) ids.Add(await DealAsync(anna, $"Deal {i}", i * 100m));

        var response = await anna.PostFormAsync("/Sales/Board", new Dictionary<string, string>
        {
            ["dealId"] = ids[0].ToString(), ["stageId"] = stages["Negotiation"].ToString(), ["PipelineId"] = "1",
        }, handler: "Move");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Negotiation", (await GetDealAsync(anna, ids[0])).GetProperty("stageName").GetString());

        var lost = await anna.PostFormAsync("/Sales/Board", new Dictionary<string, string>
        {
            ["dealId"] = ids[1].ToString(), ["stageId"] = stages["Lost"].ToString(),
        }, handler: "Move");
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Contains("Say why the deal was lost", await lost.Content.ReadAsStringAsync());

        var titles = new List<string>();
        string? after = null;
        do
        {
            var page = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals?sort=Amount&limit=2{(after == null ? "" : "&after=" + after)}");
            titles.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("title").GetString()!));
            after = page.GetProperty("next").GetString();
        } while (after != null);
        Assert.Equal(["Deal 5", "Deal 4", "Deal 3", "Deal 2", "Deal 1"], titles);
    }
}
