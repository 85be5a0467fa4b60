using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Sales.Tests.Deals;

public sealed class DealLinesTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task LinesMakeTheDealsAmountAndTakeTheCataloguePriceInTheDealsCurrency(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var pump = await admin.CreateAsync("/api/v1/sales/products", new
        {
            sku = "P-1", name = "Pump", unit = "pcs", prices = new[] { new { currency = "RUB", price = 1000m }, new { currency = "USD", price = 12m } },
        });
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deal = await DealAsync(anna, "Pumps", 50m, currency: "USD");

        var first = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { productId = pump, quantity = 3m });
        await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Delivery", quantity = 1m, unitPrice = 7.5m });
        var lines = await LinesAsync(anna, deal);
        Assert.Equal(["Pump", "Delivery"], lines.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("description").GetString()));
        Assert.Equal(12m, lines.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(43.5m, (await GetDealAsync(anna, deal)).GetProperty("amount").GetDecimal());

        // Editing a line changes the amount and the version; an edit based on the old version is refused.
        var version = lines.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await anna.PutAsJsonAsync($"/api/v1/sales/deals/{deal}/lines/{first}",
            new { productId = pump, quantity = 2m, unitPrice = 12m, discountPercent = 0m, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PutAsJsonAsync($"/api/v1/sales/deals/{deal}/lines/{first}",
            new { productId = pump, quantity = 9m, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/lines",
            new { description = "Extra", quantity = 1m, unitPrice = 1m, version })).StatusCode);
        Assert.Equal(31.5m, (await GetDealAsync(anna, deal)).GetProperty("amount").GetDecimal());

        // The amount typed on the deal no longer counts while it has lines.
        var current = (await GetDealAsync(anna, deal)).GetProperty("version").GetInt32();
        await anna.PutAsJsonAsync($"/api/v1/sales/deals/{deal}", new { title = "Pumps", amount = 999m, version = current });
        Assert.Equal(31.5m, (await GetDealAsync(anna, deal)).GetProperty("amount").GetDecimal());

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"/api/v1/sales/deals/{deal}/lines/{first}")).StatusCode);
        Assert.Equal(7.5m, (await GetDealAsync(anna, deal)).GetProperty("amount").GetDecimal());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task BadLinesAreRefusedFieldByField(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var euroOnly = await admin.CreateAsync("/api/v1/sales/products", new { sku = "E-1", name = "Euro thing", prices = new[] { new { currency = "EUR", price = 5m } } });
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deal = await DealAsync(anna, "Things", 100m);

        var response = await anna.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/lines", new { quantity = 0m, unitPrice = -1m, discountPercent = 120m });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["description", "discountPercent", "quantity", "unitPrice"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("A discount is a percentage from 0 to 100.", errors.GetProperty("discountPercent")[0].GetString());

        var noPrice = await anna.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/lines", new { productId = euroOnly, quantity = 1m });
        Assert.Equal("This product has no price in the deal's currency: enter the price.",
            (await noPrice.JsonAsync()).GetProperty("errors").GetProperty("unitPrice")[0].GetString());
        Assert.Empty((await LinesAsync(anna, deal)).GetProperty("lines").EnumerateArray());
        Assert.Equal(100m, (await GetDealAsync(anna, deal)).GetProperty("amount").GetDecimal());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnotherManagerNeitherSeesNorAddsLinesToADeal(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var team = await CreateTeamAsync(Server);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna", team);
        var (boris, _) = await UserAsync(CrmRoles.SalesManager, "Boris", team);
        var deal = await DealAsync(anna, "Secret tender");
        var line = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Valve", quantity = 1m, unitPrice = 10m });

        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/sales/deals/{deal}/lines")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/lines",
            new { description = "Mine", quantity = 1m, unitPrice = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PutAsJsonAsync($"/api/v1/sales/deals/{deal}/lines/{line}",
            new { description = "Mine", quantity = 1m, unitPrice = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.DeleteAsync($"/api/v1/sales/deals/{deal}/lines/{line}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Quote" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostFormAsync($"/Sales/Deals/{deal}", new()
        {
            ["line.description"] = "Mine", ["line.quantity"] = "1", ["line.unitPrice"] = "1",
        }, handler: "AddLine", tokenFrom: "/Sales/Deals")).StatusCode);
        Assert.Single((await LinesAsync(anna, deal)).GetProperty("lines").EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheCardAddsChangesAndRemovesLinesWithoutScript(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deal = await DealAsync(anna, "Valves");
        var card = $"/Sales/Deals/{deal}";
        var version = (await GetDealAsync(anna, deal)).GetProperty("version").GetInt32().ToString();

        var added = await anna.PostFormAsync(card, new()
        {
            ["line.description"] = "Valve DN50", ["line.quantity"] = "4", ["line.unitPrice"] = "250", ["line.discountPercent"] = "0", ["line.version"] = version,
        }, handler: "AddLine");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = await anna.GetStringAsync(card);
        Assert.Contains("Valve DN50", html);
        Assert.Contains("1,000.00", html);

        var stale = await anna.PostFormAsync(card, new()
        {
            ["line.description"] = "Valve DN80", ["line.quantity"] = "1", ["line.unitPrice"] = "1", ["line.version"] = version,
        }, handler: "AddLine");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record meanwhile", await stale.Content.ReadAsStringAsync());

        var bad = await anna.PostFormAsync(card, new() { ["line.description"] = "Nothing", ["line.quantity"] = "0", ["line.unitPrice"] = "1" }, handler: "AddLine");
        Assert.Contains("The quantity must be greater than zero.", await bad.Content.ReadAsStringAsync());
        Assert.Equal(1000m, (await GetDealAsync(anna, deal)).GetProperty("amount").GetDecimal());
    }

    static Task<JsonElement> LinesAsync(HttpClient client, int deal) => client.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}/lines");
}
