using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Reports;

/// <summary>
/// The fixed data set every report test reads, built through the API and then dated by SQL (2025, except where said):
/// team North is Anna and Boris (managers) and Hanna (head of sales); Carl is a manager in no team.
/// <code>
///  D1  Anna  Alpha  1000 RUB  New 01-10, Qualified 01-12, Proposal 01-17, Won 01-27
///  D2  Anna  Beta    500 RUB  New 02-01, Qualified 02-05, Lost 02-06 (Price)
///  D3  Boris Gamma  2000 RUB  New 03-01, Qualified 03-03, Proposal 03-04, Qualified 03-10, Proposal 03-12, Negotiation 03-20 (open, expected 2026-11-30)
///  D4  Carl  Delta   300 RUB  New 2024-12-20, Qualified 01-05 (open, expected 2026-12-20)
///  D5  Anna  Alpha  4000 RUB  New 05-01, Qualified 05-03, Won 05-10
///  D6  Boris Gamma   700 RUB  New 06-01, Proposal 06-02, Lost 06-11 (No budget)
///  D7  Boris Gamma  1500 RUB  New 05-01, Won 05-20
///  D8  Boris Gamma   100 RUB  New 2024-11-01, Won 2024-11-10
///  D9  Carl  Delta   600 RUB  New 05-05, Won 05-25
///  D10 Anna  Beta    250 EUR  New 05-10, Won 05-15
///  D11 Anna  Beta    800 RUB  created and moved to Proposal now through the API (open, expected 2026-12-05)
/// </code>
/// </summary>
public abstract class ReportTest(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    protected HttpClient Admin { get; private set; } = null!;
    protected HttpClient Anna { get; private set; } = null!;
    protected HttpClient Boris { get; private set; } = null!;
    protected HttpClient Carl { get; private set; } = null!;
    protected HttpClient Hanna { get; private set; } = null!;
    protected string AnnaId { get; private set; } = "";
    protected string BorisId { get; private set; } = "";
    protected string CarlId { get; private set; } = "";
    protected string HannaId { get; private set; } = "";
    protected int NorthTeam { get; private set; }
    protected int AlphaId { get; private set; }
    protected Dictionary<string, int> Deals { get; } = [];

    protected const string Year2025 = "from=2025-01-01&to=2025-12-31";

    /// <summary>Starts the host and builds the data set; managers may open reports (for their own figures) besides heads of sales.</summary>
    protected async Task SeedAsync(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        Admin = await Server.AdminClientAsync();
        await GrantAsync(CrmRoles.SalesManager, "sales.reports.view");
        NorthTeam = await CreateTeamAsync(Server);
        (Anna, AnnaId) = await UserAsync(CrmRoles.SalesManager, "Anna", NorthTeam);
        (Boris, BorisId) = await UserAsync(CrmRoles.SalesManager, "Boris", NorthTeam);
        (Hanna, HannaId) = await UserAsync(CrmRoles.HeadOfSales, "Hanna", NorthTeam);
        (Carl, CarlId) = await UserAsync(CrmRoles.SalesManager, "Carl");
        var alpha = await Anna.CreateAsync("/api/v1/companies", new { name = "Alpha" });
        AlphaId = alpha;
        var beta = await Anna.CreateAsync("/api/v1/companies", new { name = "Beta" });
        var gamma = await Boris.CreateAsync("/api/v1/companies", new { name = "Gamma" });
        var delta = await Carl.CreateAsync("/api/v1/companies", new { name = "Delta" });
        var stages = await StagesAsync(Admin);
        var price = await LossReasonAsync(Admin, "Price");
        var noBudget = await LossReasonAsync(Admin, "No budget");

        await DealAsync("D1", Anna, alpha, 1000, null, null, [("New", "2025-01-10"), ("Qualified", "2025-01-12"), ("Proposal", "2025-01-17"), ("Won", "2025-01-27")]);
        await DealAsync("D2", Anna, beta, 500, price, null, [("New", "2025-02-01"), ("Qualified", "2025-02-05"), ("Lost", "2025-02-06")]);
        await DealAsync("D3", Boris, gamma, 2000, null, "2026-11-30", [("New", "2025-03-01"), ("Qualified", "2025-03-03"), ("Proposal", "2025-03-04"),
            ("Qualified", "2025-03-10"), ("Proposal", "2025-03-12"), ("Negotiation", "2025-03-20")]);
        await DealAsync("D4", Carl, delta, 300, null, "2026-12-20", [("New", "2024-12-20"), ("Qualified", "2025-01-05")]);
        await DealAsync("D5", Anna, alpha, 4000, null, null, [("New", "2025-05-01"), ("Qualified", "2025-05-03"), ("Won", "2025-05-10")]);
        await DealAsync("D6", Boris, gamma, 700, noBudget, null, [("New", "2025-06-01"), ("Proposal", "2025-06-02"), ("Lost", "2025-06-11")]);
        await DealAsync("D7", Boris, gamma, 1500, null, null, [("New", "2025-05-01"), ("Won", "2025-05-20")]);
        await DealAsync("D8", Boris, gamma, 100, null, null, [("New", "2024-11-01"), ("Won", "2024-11-10")]);
        await DealAsync("D9", Carl, delta, 600, null, null, [("New", "2025-05-05"), ("Won", "2025-05-25")]);
        await DealAsync("D10", Anna, beta, 250, null, null, [("New", "2025-05-10"), ("Won", "2025-05-15")], currency: "EUR");
        await CountSummariesAgainAsync();
        Deals["D11"] = await Anna.CreateAsync("/api/v1/sales/deals", new { title = "D11", amount = 800m, companyId = beta, expectedCloseOn = "2026-12-05" });
        Assert.True((await MoveAsync(Anna, Deals["D11"], stages["Proposal"])).IsSuccessStatusCode);

        Task DealAsync(string title, HttpClient owner, int company, decimal amount, int? lossReason, string? expected,
            (string Stage, string At)[] path, string? currency = null) => DatedDealAsync(title, owner, company, amount, lossReason, expected, stages, path, currency);
    }

    /// <summary>
    /// Counts the reports' monthly summaries again from the rows, as after a bulk load: the dated deals' visits were written
    /// by SQL, around the services that keep the summaries.
    /// </summary>
    protected async Task CountSummariesAgainAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReportSummaries>().RebuildAllAsync(CancellationToken.None);
    }

    /// <summary>A deal of <paramref name="owner"/> with the stage history <paramref name="path"/> (stage, day), written by SQL.</summary>
    protected async Task DatedDealAsync(string title, HttpClient owner, int company, decimal amount, int? lossReason, string? expected,
        Dictionary<string, int> stages, (string Stage, string At)[] path, string? currency = null)
    {
        var id = await owner.CreateAsync("/api/v1/sales/deals", new { title, amount, companyId = company, currency, expectedCloseOn = expected });
        Deals[title] = id;
        var at = path.Select(p => DateTime.SpecifyKind(DateTime.ParseExact(p.At + " 10:00", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc)).ToList();
        var last = path[^1].Stage;
        var status = last == "Won" ? 1 : last == "Lost" ? 2 : 0;
        await using var scope = Server.Services.CreateAsyncScope();
        var db = SalesDb(scope.ServiceProvider);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM sales_stage_visits WHERE DealId = {0}", id);
        for (var i = 0; i < path.Length; i++)
        {
            var previous = Enumerable.Range(0, i).Where(j => path[j].Stage == path[i].Stage).Select(j => (DateTime?)at[j]).LastOrDefault();
            DateTime? left = i + 1 < path.Length ? at[i + 1] : null;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO sales_stage_visits (DealId, PipelineId, StageId, EnteredAtUtc, LeftAtUtc, PreviousEntryAtUtc, SecondsInStage, OwnerId, ByUserId) " +
                $"VALUES ({{0}}, 1, {{1}}, {{2}}, {(left == null ? "NULL" : "{3}")}, {(previous == null ? "NULL" : "{4}")}, {(left == null ? "NULL" : "{5}")}, " +
                "(SELECT d.OwnerId FROM sales_deals d WHERE d.Id = {0}), 'seed')",
                id, stages[path[i].Stage], at[i], left ?? at[i], previous ?? at[i], left == null ? 0L : (long)(left.Value - at[i]).TotalSeconds);
        }
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE sales_deals SET StageId = {{0}}, Status = {{1}}, CreatedAtUtc = {{2}}, StageEnteredAtUtc = {{3}}, ClosedAtUtc = {(status == 0 ? "NULL" : "{3}")}, " +
            $"CycleSeconds = {(status == 0 ? "NULL" : "{6}")}, LossReasonId = {(lossReason == null ? "NULL" : "{4}")} WHERE Id = {{5}}",
            stages[last], status, at[0], at[^1], lossReason ?? 0, id, (long)(at[^1] - at[0]).TotalSeconds);
    }

    /// <summary>Gives a built-in role a permission, as an administrator would on the roles page.</summary>
    protected async Task GrantAsync(string role, string permission)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var found = await db.Roles.SingleAsync(r => r.Name == role);
        db.RoleClaims.Add(new() { RoleId = found.Id, ClaimType = Crm.Host.Security.RoleSeeder.PermissionClaim, ClaimValue = permission });
        await db.SaveChangesAsync();
    }

    protected static async Task<JsonElement> ReportAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reports/{path}");

    /// <summary>A report's rows as name → row, by a property holding the name.</summary>
    protected static Dictionary<string, JsonElement> RowsBy(JsonElement rows, string nameProperty) =>
        rows.EnumerateArray().ToDictionary(r => r.GetProperty(nameProperty).GetString()!);

    protected static decimal? Number(JsonElement row, string property) =>
        row.GetProperty(property).ValueKind == JsonValueKind.Null ? null : row.GetProperty(property).GetDecimal();
}
