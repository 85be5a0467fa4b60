using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class FirstRunTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    [Fact]
    public async Task AnAdministratorSetsUpSignsInOpensAModulePageAndSwitchesToRussian()
    {
        var page = await _browser.NewPageAsync();
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true, EnableModules = ["notes"] });
        var site = _server.BaseAddress.ToString().TrimEnd('/');

        // First run: every page leads to the setup page, which creates the administrator.
        await page.GotoAsync(site + "/");
        Assert.EndsWith("/Setup", page.Url);
        await page.GetByLabel("Name").FillAsync("Olga Petrova");
        await page.GetByLabel("Email").FillAsync("olga@example.test");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("at least 8 characters");
        await page.GetByLabel("Password").FillAsync("good-passw0rd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Olga Petrova");

        // Sign out and in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("olga@example.test");
        await page.GetByLabel("Password").FillAsync("wrong-passw0rd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("Wrong email or password");
        await page.GetByLabel("Password").FillAsync("good-passw0rd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The module's page, reached through its menu item.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Notes" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Call Romashka about the contract");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notes .note")).ToHaveTextAsync(["Call Romashka about the contract"]);
        var css = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.note')).borderBottomStyle");
        Assert.Equal("dashed", css); // the module's own stylesheet was served

        // Switch the interface language.
        await page.GetByLabel("Language").SelectOptionAsync("ru");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Заметки");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Добавить заметку" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Выйти" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnAdministratorDisablesAModuleAndItsMenuAndPageDisappear()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true, EnableModules = ["notes"] });
        await _server.AdminClientAsync(); // creates the administrator
        var site = _server.BaseAddress.ToString().TrimEnd('/');
        var page = await _browser.SignInAsync(_server.BaseAddress, CrmTestServer.AdminEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "Modules" }).ClickAsync();
        var row = page.Locator("tr[data-module=notes]");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("Enabled");
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-module=notes] .state")).ToHaveTextAsync("Disabled");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Notes" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync(site + "/Notes");
        Assert.Equal(404, response!.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
    }
}
