using System.Net;
using System.Text.RegularExpressions;
using Crm.Host.Hosting;
using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Host.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.Testing;

/// <summary>How to start a test host.</summary>
public sealed record CrmTestOptions
{
    /// <summary>The folder the host discovers modules in (your test project's output "modules" folder).</summary>
    public string ModulesDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "modules");
    /// <summary>SQLite in a temporary file, unless a MySQL/MariaDB connection string is given.</summary>
    public string? MySqlConnectionString { get; init; }
    /// <summary>Modules to enable once the host runs (with their dependencies).</summary>
    public IReadOnlyList<string> EnableModules { get; init; } = [];
    /// <summary>A real Kestrel on a loopback port (for browsers) instead of the in-memory test server.</summary>
    public bool UseKestrel { get; init; }
    /// <summary>An existing data directory to reuse (to restart a host on the same data); a new temporary one by default.</summary>
    public string? DataDirectory { get; init; }
    /// <summary>More settings, as "Crm:Section:Key" = value.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>The host's clock (what "now" is when a record is saved), to create records in the past; the system clock by default.</summary>
    public TimeProvider? Time { get; init; }
}

/// <summary>
/// The real CRM host, started in-process on a fresh database with your modules loaded, for integration tests.
/// Dispose it to stop the host; the temporary data directory is deleted unless you passed your own.
/// </summary>
public sealed class CrmTestServer : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.test";
    public const string Password = "Passw0rd!x";
    /// <summary>The header a signed-in browser sends its antiforgery token in when it changes something through the API.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>
    /// Test hosts watch no files through inotify: a machine allows a user 128 inotify instances, and a test run starts
    /// hosts (each with watchers for its settings and static files) faster than the collector frees them. Polling watches
    /// the same files without the limit.
    /// </summary>
    static CrmTestServer() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    readonly WebApplication _app;
    readonly bool _ownsDataDirectory;
    int _users;

    CrmTestServer(WebApplication app, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public IServiceProvider Services => _app.Services;
    public string DataDirectory { get; }

    /// <summary>The base address of the Kestrel server, when <see cref="CrmTestOptions.UseKestrel"/> is set.</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<CrmTestServer> StartAsync(CrmTestOptions options)
    {
        var ownsData = options.DataDirectory == null;
        var data = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "crm-test-" + Guid.NewGuid().ToString("N")[..10]);
        var settings = new Dictionary<string, string>
        {
            ["Crm:DataDirectory"] = data,
            ["Crm:ModulesDirectory"] = options.ModulesDirectory,
            ["Crm:Security:LoginAttemptsPerMinute"] = "10000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Crm:Backups:Scheduled"] = "false", // a test asks for the backups it wants
            ["hostBuilder:reloadConfigOnChange"] = "false", // a test's settings do not change under it
        };
        if (options.MySqlConnectionString != null)
        {
            settings["Crm:Database:Provider"] = "MySql";
            settings["Crm:Database:ConnectionString"] = options.MySqlConnectionString;
        }
        foreach (var (key, value) in options.Settings) settings[key] = value;

        var app = CrmApplication.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray(), builder =>
        {
            if (options.Time != null) builder.Services.AddSingleton(options.Time);
            if (options.UseKestrel) builder.WebHost.UseUrls("http://127.0.0.1:0");
            else builder.WebHost.UseTestServer();
        });
        await app.StartAsync();
        var server = new CrmTestServer(app, data, ownsData);
        foreach (var module in options.EnableModules)
        {
            var result = await app.Services.GetRequiredService<ModuleLifecycle>().EnableAsync(module, withDependencies: true, CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException(result.Message);
        }
        return server;
    }

    /// <summary>A client with a cookie jar that does not follow redirects, so tests see 302s.</summary>
    public HttpClient CreateClient()
    {
        var handler = new CookieContainerHandler
        {
            InnerHandler = _app.Services.GetService<IServer>() is TestServer test
                ? test.CreateHandler()
                : new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false },
        };
        var baseAddress = _app.Services.GetService<IServer>() is TestServer ? new Uri("http://localhost") : BaseAddress;
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>Creates the first administrator (as the setup page would) unless one exists, and returns a signed-in client.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
            if (!await accounts.AnyUserAsync(CancellationToken.None))
                Check(await accounts.CreateAdministratorAsync(AdminEmail, Password, "Admin"));
        }
        return await SignInAsync(AdminEmail, Password);
    }

    /// <summary>Creates a user with a role (and optional team id) and returns the email.</summary>
    public async Task<string> CreateUserAsync(string role, int? teamId = null, string? name = null)
    {
        var email = $"user{Interlocked.Increment(ref _users)}.{Guid.NewGuid().ToString("N")[..4]}@example.test";
        await using var scope = Services.CreateAsyncScope();
        Check(await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync(email, Password, name ?? email, role, teamId));
        return email;
    }

    /// <summary>Signs in through the real login form (antiforgery included) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        // A browser session changing things through the API sends the antiforgery token, as the pages' scripts would.
        client.DefaultRequestHeaders.Add(AntiforgeryHeader, AntiforgeryToken(await client.GetStringAsync("/")));
        return client;
    }

    /// <summary>A client authenticated with a new personal API token of the user.</summary>
    public async Task<HttpClient> TokenClientAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Crm.Host.Data.Entities.CrmUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var (token, _) = await scope.ServiceProvider.GetRequiredService<TokenIssuer>().IssueAsync(user.Id, "test", CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The antiforgery token of the first form in a page.</summary>
    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The page has no antiforgery token");

    static void Check(Microsoft.AspNetCore.Identity.IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDataDirectory)
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
