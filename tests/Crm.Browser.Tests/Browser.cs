using Microsoft.Playwright;

namespace Crm.Browser.Tests;

/// <summary>The system's Chromium driven by Playwright; never a downloaded browser. Skips with a reason where Chromium is absent (fails under CI).</summary>
public sealed class Browser : IAsyncDisposable
{
    IPlaywright? _playwright;
    IBrowser? _browser;

    public async Task<IPage> NewPageAsync()
    {
        if (TestEnvironment.MissingReason(File.Exists(TestEnvironment.ChromiumPath),
                $"Chromium is not installed at {TestEnvironment.ChromiumPath} (apt-get install chromium)") is { } reason)
            Assert.Skip(reason);
        _playwright ??= await Playwright.CreateAsync();
        _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>A new page signed in to <paramref name="site"/> through its sign-in form, with the test kit's password.</summary>
    public async Task<IPage> SignInAsync(Uri site, string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(site + "Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CrmTestServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser != null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
