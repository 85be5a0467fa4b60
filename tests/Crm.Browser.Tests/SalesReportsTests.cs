using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class SalesReportsTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    [Fact]
    public async Task AHeadOpensTheFunnelFromTheMenuAndReadsHowManyDealsEnteredAStage()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true, EnableModules = ["sales"] });
        var admin = await _server.AdminClientAsync();
        var pipeline = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sales/pipelines/1");
        var proposal = pipeline.GetProperty("stages").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Proposal").GetProperty("id").GetInt32();
        foreach (var title in new[] { "Pumps", "Valves", "Hoses" })
        {
            var created = await admin.PostAsJsonAsync("/api/v1/sales/deals", new { title, amount = 100m });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            if (title != "Hoses") (await admin.PostAsJsonAsync($"/api/v1/sales/deals/{id}/move", new { stageId = proposal })).EnsureSuccessStatusCode();
        }

        var page = await _browser.SignInAsync(_server.BaseAddress, CrmTestServer.AdminEmail);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sales reports" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Funnel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var entered = page.Locator("table.report tr", new() { HasText = "Proposal" }).Locator("td").Nth(2);
        await Assertions.Expect(entered).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("table.report tr", new() { HasText = "New" }).Locator("td").Nth(2)).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(1);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
    }
}
