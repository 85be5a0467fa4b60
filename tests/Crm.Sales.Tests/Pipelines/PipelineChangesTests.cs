using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        // A stage added around the host (by another process, say), with the deal moved into it: the list reads the stages
        // again rather than fail on one it does not know.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = SalesDb(scope.ServiceProvider).Database;
            await db.ExecuteSqlRawAsync("INSERT INTO sales_stages (PipelineId, Name, SortOrder, Probability, NormDays, Kind, IsArchived) VALUES (1, 'Audit', 9, 50, NULL, 0, 0)");
            await db.ExecuteSqlAsync($"UPDATE sales_deals SET StageId = (SELECT MAX(Id) FROM sales_stages) WHERE Id = {deal}");
        }
        Assert.Contains("<td>Audit</td>", await anna.GetStringAsync("/Sales/Deals"));
        Assert.Contains("Audit", await anna.GetStringAsync($"/Sales/Deals/{deal}"));
    }
}
