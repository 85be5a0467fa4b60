using System.Net;
using System.Net.Http.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Sales.Tests.Deals;

public sealed class DealViewsTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task TheDealListKeepsSavedViewsThroughTheSdk(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var (boris, _) = await UserAsync(CrmRoles.SalesManager, "Boris");
        await DealAsync(anna, "Pumps for Alpha");
        await DealAsync(anna, "Valves for Beta");

        var created = await anna.PostAsJsonAsync("/api/v1/saved-views", new { list = "sales.deals", name = "Pumps", query = "Search=Pumps" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.JsonAsync();
        var url = view.GetProperty("url").GetString()!;
        Assert.Equal("/Sales/Deals?Search=Pumps", url);

        var page = await anna.GetStringAsync(url);
        Assert.Contains($"<option value=\"{view.GetProperty("id").GetInt32()}\" selected=\"selected\">Pumps</option>", page);
        Assert.Contains("Pumps for Alpha", page);
        Assert.DoesNotContain("Valves for Beta", page);
        Assert.DoesNotContain(">Pumps</option>", await boris.GetStringAsync("/Sales/Deals")); // Anna's own
    }
}
