using System.Net.Http.Json;
using System.Text.Json;
using Crm.Sdk.Security;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class QuoteTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    [Fact]
    public async Task AManagerAddsALineFromTheCatalogueIssuesAQuoteAndOpensItForPrinting()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true, EnableModules = ["sales"] });
        var admin = await _server.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/sales/products", new { sku = "P-100", name = "Pump 100", unit = "pcs", prices = new[] { new { currency = "RUB", price = 1250m } } }))
            .EnsureSuccessStatusCode();
        var email = await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var anna = await _server.TokenClientAsync(email);
        var company = await (await anna.PostAsJsonAsync("/api/v1/companies", new { name = "Romashka" })).Content.ReadFromJsonAsync<JsonElement>();
        var deal = await (await anna.PostAsJsonAsync("/api/v1/sales/deals", new { title = "Pumps for Romashka", companyId = company.GetProperty("id").GetInt32() }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var page = await _browser.SignInAsync(_server.BaseAddress, email);
        await page.GotoAsync(_server.BaseAddress + $"Sales/Deals/{deal.GetProperty("id").GetInt32()}");

        await page.GetByLabel("Product").SelectOptionAsync(new SelectOptionValue { Label = "Pump 100 (P-100) — 1,250.00 RUB" });
        await Assertions.Expect(page.Locator("form.add-line").GetByLabel("Price")).ToHaveValueAsync("1250.00");
        await page.Locator("form.add-line").GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add line" }).ClickAsync();
        await Assertions.Expect(page.Locator("tfoot .line-total")).ToHaveTextAsync("2,500.00 RUB");

        await page.GetByRole(AriaRole.Button, new() { Name = "Issue a quote" }).ClickAsync();
        var number = $"Q-{DateTime.UtcNow.Year}-0001";
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Commercial offer № {number}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Romashka");
        Assert.Equal(0, await page.Locator("nav").CountAsync()); // the printable page has no navigation

        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("tr.total")).ToContainTextAsync("2,500.00");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
    }
}
