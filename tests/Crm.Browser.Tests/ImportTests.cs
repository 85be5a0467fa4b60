using System.Text;
using Crm.Sdk.Security;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

public sealed class ImportTests : IAsyncDisposable
{
    readonly Browser _browser = new();
    CrmTestServer? _server;

    static FilePayload Csv(string content) => new() { Name = "clients.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) };

    [Fact]
    public async Task AManagerImportsACsvSeesTheBadRowFixesItAndFindsTheCompaniesInTheList()
    {
        _server = await CrmTestServer.StartAsync(new CrmTestOptions { UseKestrel = true });
        var email = await _server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var page = await _browser.SignInAsync(_server.BaseAddress, email);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Companies" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("File").SetInputFilesAsync(Csv("Name,Tax number\nRomashka,7701234567\nVasilek,77O1234568\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator(".row-errors")).ToContainTextAsync("row 3: taxNumber: A tax number has digits only.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".row-errors")).ToContainTextAsync("row 3: taxNumber"); // nothing imported with a bad row

        await page.GotoAsync(_server.BaseAddress + "Companies");
        await Assertions.Expect(page.Locator("table.companies tbody tr")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("File").SetInputFilesAsync(Csv("Name,Tax number\nRomashka,7701234567\nVasilek,7701234568\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator(".row-errors")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 2 companies.");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Companies" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.companies tbody")).ToContainTextAsync("Romashka");
        await Assertions.Expect(page.Locator("table.companies tbody")).ToContainTextAsync("Vasilek");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
        await _browser.DisposeAsync();
    }
}
