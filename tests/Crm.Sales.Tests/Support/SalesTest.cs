using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Support;

/// <summary>A host with the sales module enabled, and the people and records sales tests start from.</summary>
public abstract class SalesTest(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    protected CrmTestServer Server { get; private set; } = null!;

    /// <summary>
    /// Starts a host with the sales module on; background jobs wait for the test to run them, so that runs are deterministic.
    /// On MariaDB, the database's default character set is utf8mb4 unless another is named.
    /// </summary>
    protected async Task<CrmTestServer> StartSalesAsync(TestDatabaseKind database, string characterSet = "utf8mb4") =>
        Server = await StartAsync(database, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith("sales"), EnableModules = ["sales"],
            Settings = new Dictionary<string, string> { ["Crm:RunJobsInBackground"] = "false" },
            MySqlConnectionString = database == TestDatabaseKind.MariaDb ? await MariaDb.CreateDatabaseAsync(characterSet) : null,
        });

    /// <summary>Runs one of the module's recurring jobs now, as the scheduler would.</summary>
    protected async Task RunJobAsync(string typeName)
    {
        var job = Server.Services.GetRequiredService<Crm.Host.Modules.ModuleCatalog>().Find("sales")!.Assembly!.GetType(typeName)!;
        Assert.True(await Server.Services.GetRequiredService<Crm.Host.Jobs.JobScheduler>().RunIfDueAsync(job, CancellationToken.None));
    }

    /// <summary>A new employee with a role, signed in through the browser form; returns the client and the user's id.</summary>
    protected async Task<(HttpClient Client, string Id)> UserAsync(string role, string name, int? teamId = null)
    {
        var email = await Server.CreateUserAsync(role, teamId, name);
        var client = await Server.SignInAsync(email);
        return (client, await UserIdAsync(name));
    }

    /// <summary>
    /// The module's DbContext from a scope. The module lives in its own load context, as on a server, so its types are
    /// reached by name rather than referenced.
    /// </summary>
    protected DbContext SalesDb(IServiceProvider services) =>
        (DbContext)services.GetRequiredService(Server.Services.GetRequiredService<Crm.Host.Modules.ModuleCatalog>().Find("sales")!.Assembly!
            .GetType("Crm.Sales.Data.SalesDbContext")!);

    protected async Task<string> UserIdAsync(string name)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The default pipeline's stages by name (New, Qualified, Proposal, Negotiation, Won, Lost).</summary>
    protected static async Task<Dictionary<string, int>> StagesAsync(HttpClient client, int pipelineId = 1)
    {
        var pipeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sales/pipelines/{pipelineId}");
        return pipeline.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("id").GetInt32());
    }

    protected static async Task<int> LossReasonAsync(HttpClient client, string name = "Price") =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/sales/loss-reasons")).EnumerateArray()
        .First(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

    protected static Task<int> DealAsync(HttpClient client, string title, decimal amount = 1000m, int? companyId = null, string? currency = null) =>
        client.CreateAsync("/api/v1/sales/deals", new { title, amount, companyId, currency });

    protected static async Task<JsonElement> GetDealAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{id}")).GetProperty("deal");

    protected static Task<HttpResponseMessage> MoveAsync(HttpClient client, int dealId, int stageId, int? lossReasonId = null, int? version = null) =>
        client.PostAsJsonAsync($"/api/v1/sales/deals/{dealId}/move", new { stageId, lossReasonId, version });
}
