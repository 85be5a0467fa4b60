using Crm.Host.Cli;

namespace Crm.Host.Tests.Cli;

public sealed class AdminCommandsTests : IDisposable
{
    readonly string _data = Path.Combine(Path.GetTempPath(), "crm-cli-" + Guid.NewGuid().ToString("N")[..8]);
    readonly string _modules = Path.Combine(Path.GetTempPath(), "crm-cli-modules-" + Guid.NewGuid().ToString("N")[..8]);

    public AdminCommandsTests()
    {
        foreach (var module in new[] { "notes", "reminders" })
            Support.HostTestCopy.Directory(Path.Combine(AppContext.BaseDirectory, "modules", module), Path.Combine(_modules, module));
    }

    async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await AdminCommands.RunAsync([.. args, $"--Crm:DataDirectory={_data}", $"--Crm:ModulesDirectory={_modules}"], output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task AnAdministratorManagesModulesFromTheCommandLine()
    {
        var (code, output) = await RunAsync("modules", "list");
        Assert.Equal(0, code);
        Assert.Matches(@"notes\s+1\.3\.0\s+Discovered", output);

        (code, output) = await RunAsync("modules", "enable", "reminders");
        Assert.Equal(1, code);
        Assert.Contains("needs notes", output);

        (code, _) = await RunAsync("modules", "enable", "reminders", "--yes");
        Assert.Equal(0, code);
        (_, output) = await RunAsync("modules", "list");
        Assert.Matches(@"notes\s+1\.3\.0\s+Enabled", output);
        Assert.Matches(@"reminders\s+1\.0\.0\s+Enabled", output);

        (code, output) = await RunAsync("modules", "disable", "notes");
        Assert.Equal(1, code);
        Assert.Contains("needed by reminders", output);

        (code, output) = await RunAsync("migrate");
        Assert.Equal(0, code);
        Assert.Contains("Migrated: core, notes, reminders", output);
    }

    [Fact]
    public async Task TheFirstAdministratorIsCreatedFromTheCommandLine()
    {
        var (code, output) = await RunAsync("users", "create-admin", "--email", "root@example.test", "--password", "long-passw0rd");
        Assert.Equal(0, code);
        Assert.Contains("Administrator root@example.test created", output);
        (code, _) = await RunAsync("users", "create-admin", "--email", "root@example.test", "--password", "long-passw0rd");
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task AnUnreachableDatabaseGivesOneClearLine()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var (code, _) = await RunAsync("modules", "list", "--Crm:Database:Provider=MySql",
                "--Crm:Database:ConnectionString=Server=127.0.0.1;Port=1;Database=crm;User ID=crm;Password=x;Connection Timeout=2");
            Assert.Equal(2, code);
        }
        finally { Console.SetError(previous); }
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot open the database (MySQL/MariaDB at 127.0.0.1:1/crm)", line);
    }

    [Fact]
    public async Task AnUnknownVerbIsAnErrorWithTheListOfVerbsNotAServer()
    {
        Assert.True(AdminCommands.IsCommand(["foo"]));
        Assert.False(AdminCommands.IsCommand(["--urls=http://127.0.0.1:5000"])); // settings still start the server
        Assert.False(AdminCommands.IsCommand([]));

        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int code;
        try { (code, _) = await RunAsync("foo"); }
        finally { Console.SetError(previous); }
        Assert.Equal(1, code);
        Assert.Contains("Unknown command: foo", error.ToString());
        foreach (var verb in new[] { "modules list", "modules enable", "modules disable", "migrate", "users create-admin" })
            Assert.Contains(verb, error.ToString());
        Assert.False(Directory.Exists(_data)); // refused before anything was started or created
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _data, _modules })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
