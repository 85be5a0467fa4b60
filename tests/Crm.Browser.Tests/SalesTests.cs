using Crm.Sdk.Security;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class SalesTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    Task<IPage> SignInAsync(string email) => _browser.SignInAsync(_server!.BaseAddress, email);

    [Fact]
    public async Task AnAdminSetsUpAPipelineAndAManagerDragsADealAcrossTheBoardAndLosesAnother()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true, EnableModules = ["sales"] });
        await _server.AdminClientAsync();
        var admin = await SignInAsync(CrmTestServer.AdminEmail);
        await admin.GotoAsync(_server.BaseAddress + "Sales/Pipelines");
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Pipeline" }).Last.FillAsync("Wholesale");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create" }).First.ClickAsync();
        await Assertions.Expect(admin.Locator("input[name='name'][value='Wholesale']")).ToHaveCountAsync(1);

        var page = await SignInAsync(await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        foreach (var title in new[] { "Pumps for Alpha", "Valves for Bravo" })
        {
            await page.GotoAsync(_server.BaseAddress + "Sales/Deals/Edit");
            await page.GetByLabel("Deal", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Pipeline").SelectOptionAsync(new SelectOptionValue { Label = "Wholesale" });
            await page.GetByLabel("Amount").FillAsync("1200.50");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        }

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Deal board" }).ClickAsync();
        await page.GetByLabel("Pipeline").SelectOptionAsync(new SelectOptionValue { Label = "Wholesale" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var column = (string stage) => page.Locator($"section.board-column[aria-label='{stage}']");
        var card = (string title) => page.Locator("li.deal-card", new() { HasText = title });
        await Assertions.Expect(column("New").Locator("li.deal-card")).ToHaveCountAsync(2);

        await card("Pumps for Alpha").DragToAsync(column("Proposal"));
        await Assertions.Expect(column("Proposal").Locator("li.deal-card", new() { HasText = "Pumps for Alpha" })).ToHaveCountAsync(1);
        await Assertions.Expect(column("Proposal").Locator("[data-count]")).ToHaveTextAsync("1");

        await card("Valves for Bravo").DragToAsync(column("Lost"));
        var dialog = page.Locator("dialog[data-loss-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("[data-loss-reason]").SelectOptionAsync(new SelectOptionValue { Label = "No budget" });
        await dialog.GetByLabel("Comment on the loss").FillAsync("Budget moved to next year");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as lost" }).ClickAsync();
        await Assertions.Expect(card("Valves for Bravo")).ToHaveCountAsync(0);
        await Assertions.Expect(column("Lost").Locator("[data-count]")).ToHaveTextAsync("1");

        // What the board did is what the server saved.
        await page.ReloadAsync();
        await Assertions.Expect(column("Proposal").Locator("li.deal-card", new() { HasText = "Pumps for Alpha" })).ToHaveCountAsync(1);
        await page.GotoAsync(_server.BaseAddress + "Sales/Deals?Status=Lost");
        await page.GetByRole(AriaRole.Link, new() { Name = "Valves for Bravo" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.figures")).ToContainTextAsync("No budget: Budget moved to next year");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
    }
}
