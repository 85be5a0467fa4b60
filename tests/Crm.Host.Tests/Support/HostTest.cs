using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Support;

/// <summary>Starts test hosts on the database a theory case names, with a modules folder holding just the modules asked for.</summary>
public abstract class HostTest(MariaDbFixture mariaDb) : IAsyncDisposable
{
    readonly List<CrmTestServer> _servers = [];
    readonly List<string> _folders = [];

    public static TheoryData<TestDatabaseKind> Databases => new(TestDatabaseKind.Sqlite, TestDatabaseKind.MariaDb);

    /// <summary>The test run's MariaDB server, for a test that needs a database made its own way (another character set).</summary>
    protected MariaDbFixture MariaDb => mariaDb;

    /// <summary>A fresh modules folder with copies of the named test modules (built into this test project's output).</summary>
    protected string ModulesWith(params string[] modules)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-modules-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var module in modules) CopyDirectory(Path.Combine(AppContext.BaseDirectory, "modules", module), Path.Combine(folder, module));
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Options whose database and data folder stay the same across restarts of a host.</summary>
    protected async Task<CrmTestOptions> RestartableOptionsAsync(TestDatabaseKind database, string modulesDirectory)
    {
        var data = Path.Combine(Path.GetTempPath(), "crm-data-" + Guid.NewGuid().ToString("N")[..8]);
        _folders.Add(data);
        return new CrmTestOptions
        {
            ModulesDirectory = modulesDirectory,
            DataDirectory = data,
            MySqlConnectionString = database == TestDatabaseKind.MariaDb ? await mariaDb.CreateDatabaseAsync() : null,
        };
    }

    protected async Task<CrmTestServer> StartAsync(TestDatabaseKind database, string modulesDirectory, params string[] enable) =>
        await StartAsync(database, new CrmTestOptions { ModulesDirectory = modulesDirectory, EnableModules = enable });

    protected async Task<CrmTestServer> StartAsync(TestDatabaseKind database, CrmTestOptions options)
    {
        if (database == TestDatabaseKind.MariaDb && options.MySqlConnectionString == null)
            options = options with { MySqlConnectionString = await mariaDb.CreateDatabaseAsync() };
        var server = await CrmTestServer.StartAsync(options);
        _servers.Add(server);
        return server;
    }

    /// <summary>Creates a sales team and returns its id.</summary>
    protected static async Task<int> CreateTeamAsync(CrmTestServer server, string name = "North")
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Crm.Host.Data.CoreDbContext>();
        var team = new Crm.Host.Data.Entities.Team { Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    protected static void CopyDirectory(string from, string to) => HostTestCopy.Directory(from, to);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        foreach (var folder in _folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

public static class HostTestCopy
{
    public static void Directory(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in System.IO.Directory.GetDirectories(from)) Directory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
