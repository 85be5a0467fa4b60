using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Sales.Tests.Pipelines;

/// <summary>
/// Lists, the board and the card name stages and owners from memory (the reference cache); what an administrator changes
/// shows on the very next page.
/// </summary>
public sealed class PipelineChangesTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ARenamedStageAndANewColleagueShowOnTheNextPage(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deal = await DealAsync(anna, "Pumps for Alpha");
        var before = await anna.GetStringAsync("/Sales/Deals");
        Assert.Contains("<td>New</td>", before);
        Assert.DoesNotContain(">Vera</option>", before);
        Assert.Contains(">New<", await anna.GetStringAsync("/Sales/Board"));

        var pipeline = JsonNode.Parse(await admin.GetStringAsync("/api/v1/sales/pipelines/1"))!;
        Assert.Equal("New", (string?)pipeline["stages"]![0]!["name"]);
        pipeline["stages"]![0]!["name"] = "Incoming";
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/sales/pipelines/1", pipeline)).StatusCode);
        await Server.CreateUserAsync(CrmRoles.SalesManager, name: "Vera");

        var after = await anna.GetStringAsync("/Sales/Deals");
        Assert.Contains("<td>Incoming</td>", after);
        Assert.DoesNotContain("<td>New</td>", after);
        Assert.Contains(">Incoming</option>", after);
        Assert.Contains(">Vera</option>", after);
        var board = await anna.GetStringAsync("/Sales/Board");
        Assert.Contains(">Incoming<", board);
        Assert.DoesNotContain(">New<", board);
        Assert.Contains("Incoming", await anna.GetStringAsync($"/Sales/Deals/{deal}"));
    }
}
