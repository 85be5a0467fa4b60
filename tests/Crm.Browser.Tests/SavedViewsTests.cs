using Crm.Sdk.Security;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class SavedViewsTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    [Fact]
    public async Task AManagerTagsACompanyFiltersTheListByTheTagSavesTheViewAndPicksItAgain()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true });
        var email = await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var page = await _browser.SignInAsync(_server.BaseAddress, email);

        foreach (var (name, tags) in new[] { ("Romashka", "VIP, Exhibition"), ("Vasilek", "") })
        {
            await page.GotoAsync(_server.BaseAddress + "Companies/Edit");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("Tags", new() { Exact = true }).FillAsync(tags);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("ul.tags")).ToHaveTextAsync(""); // Vasilek has none
        await page.GotoAsync(_server.BaseAddress + "Companies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Romashka" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.tags")).ToContainTextAsync("VIP");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Companies" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.companies tbody tr")).ToHaveCountAsync(2);
        await page.Locator("select.tag-filter").SelectOptionAsync("VIP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.companies tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.companies tbody")).ToContainTextAsync("Romashka");

        await page.GetByLabel("Save current filters as").FillAsync("My VIPs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await Assertions.Expect(page.Locator("select.saved-views-select")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));

        // Later: the list opens unfiltered, and picking the view filters it again.
        await page.GotoAsync(_server.BaseAddress + "Companies");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("table.companies tbody tr")).ToHaveCountAsync(2);
        await page.Locator("select.saved-views-select").SelectOptionAsync(new SelectOptionValue { Label = "My VIPs" });
        await page.WaitForURLAsync(url => url.Contains("tag=VIP"));
        await Assertions.Expect(page.Locator("table.companies tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.companies tbody")).ToContainTextAsync("Romashka");
        await Assertions.Expect(page.Locator("select.tag-filter")).ToHaveValueAsync("VIP");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
        await _browser.DisposeAsync();
    }
}
