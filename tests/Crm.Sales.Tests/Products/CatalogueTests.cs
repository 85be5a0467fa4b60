using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Sales.Tests.Products;

public sealed class CatalogueTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorKeepsTheCatalogueAndManagersReadIt(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var pumps = await admin.CreateAsync("/api/v1/sales/products/groups", new { name = "Pumps" });
        var id = await admin.CreateAsync("/api/v1/sales/products", new
        {
            sku = "P-100", name = "Pump 100", unit = "pcs", groupId = pumps,
            prices = new[] { new { currency = "RUB", price = 12500.50m }, new { currency = "usd", price = 140m } },
        });
        await admin.CreateAsync("/api/v1/sales/products", new { sku = "S-1", name = "Installation", unit = "h" });

        var product = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/products/{id}");
        Assert.Equal("Pumps", product.GetProperty("groupName").GetString());
        Assert.Equal(["RUB 12500.5", "USD 140"], product.GetProperty("prices").EnumerateArray()
            .Select(p => $"{p.GetProperty("currency").GetString()} {p.GetProperty("price").GetDecimal()}").Order());

        var version = product.GetProperty("version").GetInt32();
        var changed = await admin.PutAsJsonAsync($"/api/v1/sales/products/{id}", new
        {
            sku = "P-100", name = "Pump 100 M", unit = "pcs", groupId = pumps, prices = new[] { new { currency = "EUR", price = 130m } }, version,
        });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/v1/sales/products/{id}", new { sku = "P-100", name = "Old", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        product = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/products/{id}");
        Assert.Equal("Pump 100 M", product.GetProperty("name").GetString());
        Assert.Equal(["EUR"], product.GetProperty("prices").EnumerateArray().Select(p => p.GetProperty("currency").GetString()));

        var inGroup = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/products?groupId={pumps}");
        Assert.Equal(["Pump 100 M"], inGroup.GetProperty("rows").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var found = await anna.GetFromJsonAsync<JsonElement>("/api/v1/sales/products?search=S-");
        Assert.Equal(["Installation"], found.GetProperty("rows").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        // Managers read the catalogue but may not change it, over the API or the pages.
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync("/api/v1/sales/products", new { sku = "X", name = "X" })).StatusCode);
        Assert.Contains("Pump 100 M", await anna.GetStringAsync("/Sales/Products"));
        Assert.StartsWith("/Account/Denied", (await anna.GetAsync($"/Sales/Products/Edit/{id}")).Headers.Location!.PathAndQuery);
        Assert.Contains("/Sales/Products", await anna.GetStringAsync("/"));

        // Archived products leave the list unless asked for.
        var withoutVersion = await admin.PutAsJsonAsync($"/api/v1/sales/products/{id}", new { sku = "P-100", name = "Pump 100 M", isArchived = true });
        Assert.Equal(HttpStatusCode.BadRequest, withoutVersion.StatusCode);
        Assert.True((await withoutVersion.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
        var current = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sales/products/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/sales/products/{id}",
            new { sku = "P-100", name = "Pump 100 M", isArchived = true, version = current })).StatusCode);
        Assert.Equal(["Installation"], (await anna.GetFromJsonAsync<JsonElement>("/api/v1/sales/products")).GetProperty("rows").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(2, (await anna.GetFromJsonAsync<JsonElement>("/api/v1/sales/products?includeArchived=true")).GetProperty("rows").GetArrayLength());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADuplicateSkuANegativePriceAndAnUnknownCurrencyAreRefused(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        await admin.CreateAsync("/api/v1/sales/products", new { sku = "P-100", name = "Pump" });

        var response = await admin.PostAsJsonAsync("/api/v1/sales/products", new
        {
            sku = " P-100 ", name = "", prices = new[] { new { currency = "XXX", price = 1m }, new { currency = "RUB", price = -5m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["name", "prices[0].currency", "prices[1].price", "sku"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Another product already has this SKU.", errors.GetProperty("sku")[0].GetString());
        Assert.Equal("A price cannot be negative.", errors.GetProperty("prices[1].price")[0].GetString());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/sales/products")).GetProperty("rows").GetArrayLength());

        // The form shows the same messages.
        var form = await admin.PostFormAsync("/Sales/Products/Edit", new()
        {
            ["Input.Sku"] = "P-100", ["Input.Name"] = "Pump again", ["Input.Prices[RUB]"] = "-1",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Another product already has this SKU.", html);
        Assert.Contains("A price cannot be negative.", html);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheCatalogueFormCreatesAProductAndTheListPagesByName(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var saved = await admin.PostFormAsync("/Sales/Products/Edit", new()
        {
            ["Input.Sku"] = "V-1", ["Input.Name"] = "Valve", ["Input.Unit"] = "pcs", ["Input.Prices[RUB]"] = "300", ["Input.Prices[USD]"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        for (var i = 1; i <= 4; i++) await admin.CreateAsync("/api/v1/sales/products", new { sku = $"A-{i}", name = $"Adapter {i}" });

        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sales/products?limit=2{(after == null ? "" : "&after=" + after)}");
            names.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        } while (after != null);
        Assert.Equal(["Adapter 1", "Adapter 2", "Adapter 3", "Adapter 4", "Valve"], names);
        var valve = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/sales/products?search=Valve")).GetProperty("rows")[0];
        Assert.Equal(300m, valve.GetProperty("prices").EnumerateArray().Single().GetProperty("price").GetDecimal());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task PricesAreReadAsTheUsersLanguageWritesThemAndAnAmbiguousOneIsRefused(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await admin.PostFormAsync("/Sales/Products/Edit", new()
        {
            ["Input.Sku"] = "E-1", ["Input.Name"] = "Pump", ["Input.Unit"] = "pcs", ["Input.Prices[RUB]"] = "1250,50",
        });
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("is not a number as typed here: write it like 1,234.50", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/sales/products?search=Pump")).GetProperty("rows").GetArrayLength());

        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        foreach (var (sku, typed) in new[] { ("R-1", "1 250,50"), ("R-2", "1250.50") })
        {
            var saved = await admin.PostFormAsync("/Sales/Products/Edit", new()
            {
                ["Input.Sku"] = sku, ["Input.Name"] = "Насос " + sku, ["Input.Unit"] = "шт", ["Input.Prices[RUB]"] = typed,
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var product = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/sales/products?search=" + sku)).GetProperty("rows")[0];
            Assert.Equal(1250.50m, product.GetProperty("prices").EnumerateArray().Single().GetProperty("price").GetDecimal());
        }
    }
}
