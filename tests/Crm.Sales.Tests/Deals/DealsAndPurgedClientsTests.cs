using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Deals;

public sealed class DealsAndPurgedClientsTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ALiveDealStandsInTheWayOfDeletingItsClientForGoodAndADeletedOneGoesWithIt(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var alpha = await admin.CreateAsync("/api/v1/companies", new { name = "Alpha" });
        var bravo = await admin.CreateAsync("/api/v1/companies", new { name = "Bravo" });
        var ivan = await admin.CreateAsync("/api/v1/contacts", new { firstName = "Ivan" });
        var deal = await DealAsync(admin, "Alpha pumps", companyId: alpha);
        var bravoDeal = await admin.CreateAsync("/api/v1/sales/deals", new { title = "Bravo valves", amount = 500m, companyId = bravo, contactId = ivan });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/companies/{alpha}")).StatusCode);

        var refused = await admin.PostAsync($"/api/v1/companies/{alpha}/purge", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Deals that still belong to this client: 1.", (await refused.JsonAsync()).GetProperty("detail").GetString());
        var question = await admin.GetStringAsync($"/RecycleBin/Purge/company/{alpha}");
        Assert.Contains("Deals that still belong to this client: 1.", question);
        Assert.DoesNotContain("data-purge-confirm", question);
        var posted = await admin.PostFormAsync($"/RecycleBin/Purge/company/{alpha}", [], tokenFrom: "/RecycleBin");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Deals that still belong to this client: 1.", await posted.Content.ReadAsStringAsync());
        Assert.Equal("Alpha pumps", (await GetDealAsync(admin, deal)).GetProperty("title").GetString());

        // Once the deal is in the recycle bin it goes for good with its client.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/sales/deals/{deal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/companies/{alpha}/purge", null)).StatusCode);
        await using (var scope = Server.Services.CreateAsyncScope())
            Assert.Equal(0, await SalesDb(scope.ServiceProvider).Database
                .SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sales_deals WHERE Id = {0} OR CompanyId = {1}", deal, alpha).SingleAsync());

        // A contact's place on a company's deal is cleared; the deal stays with the company.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/contacts/{ivan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/contacts/{ivan}/purge", null)).StatusCode);
        var kept = await GetDealAsync(admin, bravoDeal);
        Assert.Equal(bravo, kept.GetProperty("companyId").GetInt32());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("contactId").ValueKind);
    }
}
