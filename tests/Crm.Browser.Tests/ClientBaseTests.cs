using Crm.Sdk.Security;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class ClientBaseTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    Task<IPage> SignInAsync(string email) => _browser.SignInAsync(_server!.BaseAddress, email);

    [Fact]
    public async Task AManagerEntersAClientLogsACallAndSeesTheTaskOnMyDay()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true });
        var page = await SignInAsync(await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Companies" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New company" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Romashka");
        await page.GetByLabel("Tax number").FillAsync("7701234567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Romashka");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Contacts" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Ivan");
        await page.GetByLabel("Last name").FillAsync("Ivanov");
        await page.GetByLabel("Phone").FillAsync("+7 495 123-45-67");
        await page.Locator("select[name='Input.CompanyId']").SelectOptionAsync(new SelectOptionValue { Label = "Romashka" });
        await page.Locator("select[name='Input.Role']").SelectOptionAsync("DecisionMaker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".places")).ToContainTextAsync("Romashka — decision maker");

        await page.GetByRole(AriaRole.Link, new() { Name = "Romashka" }).ClickAsync();
        await page.GetByLabel("What about").FillAsync("Price list");
        await page.GetByLabel("Outcome").FillAsync("Wants 5% off");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Price list — Wants 5% off");

        await page.GetByLabel("Task").FillAsync("Send the offer");
        // Today at 23:59 local: on "my day" either as due today or, if the clock passed it, as overdue.
        await page.GetByLabel("Deadline").FillAsync(DateTime.Now.Date.AddHours(23).AddMinutes(59).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Set a task" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "My day" }).ClickAsync();
        var task = page.Locator("li[data-task]", new() { HasText = "Send the offer" });
        await Assertions.Expect(task).ToContainTextAsync("Romashka");
        await task.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(page.Locator("li[data-task]", new() { HasText = "Send the offer" })).ToHaveCountAsync(0);

        await page.GetByLabel("Search clients and records").FillAsync("84951234567");
        await page.GetByLabel("Search clients and records").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".hits")).ToContainTextAsync("Ivan Ivanov");
    }

    [Fact]
    public async Task AnAdministratorHandsALeaversClientsToAColleague()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true });
        await _server.AdminClientAsync();
        var leoEmail = await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Leo");
        await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var leo = await _server.TokenClientAsync(leoEmail);
        (await leo.PostAsync("/api/v1/companies", System.Net.Http.Json.JsonContent.Create(new { name = "Romashka" }))).EnsureSuccessStatusCode();

        var page = await SignInAsync(CrmTestServer.AdminEmail);
        await page.GotoAsync(_server.BaseAddress + "Admin/Users");
        await page.GetByRole(AriaRole.Link, new() { Name = "An employee leaves" }).ClickAsync();
        await page.GetByLabel("Who leaves").SelectOptionAsync(new SelectOptionValue { Label = "Leo" });
        await page.Locator("fieldset label", new() { HasText = "Anna" }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand over and close the account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".report")).ToContainTextAsync("Romashka");
        await Assertions.Expect(page.Locator(".report")).ToContainTextAsync("Anna");

        await page.GotoAsync(_server.BaseAddress + "Companies");
        await Assertions.Expect(page.Locator(".companies")).ToContainTextAsync("Anna");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
    }
}
