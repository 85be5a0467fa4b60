using Crm.Host.Backups;
using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Modules;
using Crm.Host.Security;

namespace Crm.Host.Cli;

/// <summary>
/// Administrator verbs answered without starting the web server:
/// <c>modules list | modules enable ID [--yes] | modules disable ID | migrate | users create-admin --email E --password P [--name N]
/// | backup [--to DIR] | restore FILE</c>.
/// Settings can follow as <c>--Crm:Database:Provider=MySql</c>, as for the server.
/// </summary>
public static class AdminCommands
{
    static readonly string[] Verbs = ["modules", "migrate", "users", "backup", "restore", "help"];
    static readonly string[] ValueOptions = ["--email", "--password", "--name", "--to"];

    /// <summary>
    /// Whether the arguments name a command rather than start the server: settings start with "--", so any other first word
    /// is a verb, and a mistyped one must be refused rather than quietly start a web server.
    /// </summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var @out = output ?? Console.Out;
        var words = new List<string>();
        var options = new Dictionary<string, string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (ValueOptions.Contains(args[i]) && i + 1 < args.Length) options[args[i]] = args[++i];
            else if (args[i] == "--yes") options["--yes"] = "true";
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) settings.Add(args[i]);
            else words.Add(args[i]);
        }
        if (words is ["help"] or []) { @out.WriteLine(Usage); return 0; }
        if (!Verbs.Contains(words[0]))
        {
            await Console.Error.WriteLineAsync($"Unknown command: {words[0]}\n{Usage}");
            return 1;
        }

        // An administrator at a console wants the verb's answer, not the server's information log.
        settings.Insert(0, "--Serilog:MinimumLevel:Default=Warning");
        if (words is ["migrate"]) settings.Add("--Crm:Database:MigrateOnStart=true"); // what the command is for
        var app = CrmApplication.Build(settings.ToArray());
        try
        {
            // A restore needs the database empty: it migrates each schema to the archive's version itself.
            if (words is ["restore", var archive]) return await RestoreAsync(app.Services, archive, @out);
            await app.Services.GetRequiredService<Initializer>().InitializeAsync(CancellationToken.None);
            return await RunVerbAsync(app.Services, words, options, @out);
        }
        catch (DatabaseUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (BackupRefusedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    const string Usage = """
        Usage: Crm.Host <command> [--Crm:Setting=value ...]
          modules list                       every discovered module with version, state and reason if failed
          modules enable <id> [--yes]        enable a module (--yes also enables the modules it needs)
          modules disable <id>               disable a module; its data is kept
          migrate                            apply pending migrations of the host and every enabled module
          users create-admin --email <e> --password <p> [--name <n>]
          backup [--to <dir>]                write a backup archive (database, files, keys) while the server may run
          restore <file>                     restore an archive into an empty installation (either database)
        """;

    static async Task<int> RunVerbAsync(IServiceProvider services, List<string> words, Dictionary<string, string> options, TextWriter @out)
    {
        var lifecycle = services.GetRequiredService<ModuleLifecycle>();
        switch (words)
        {
            case ["modules", "list"]:
                foreach (var m in services.GetRequiredService<ModuleCatalog>().All)
                    @out.WriteLine($"{m.Id,-20} {m.Manifest?.Version,-10} {m.Status,-10} {m.Error}");
                return 0;
            case ["modules", "enable", var id]:
                return Report(await lifecycle.EnableAsync(id, options.ContainsKey("--yes"), CancellationToken.None), @out);
            case ["modules", "disable", var id]:
                return Report(await lifecycle.DisableAsync(id, CancellationToken.None), @out);
            case ["migrate"]:
                var migrated = lifecycle.MigrateEnabled();
                @out.WriteLine($"Migrated: core{string.Concat(migrated.Select(m => ", " + m))}");
                return 0;
            case ["users", "create-admin"]:
                if (!options.TryGetValue("--email", out var email) || !options.TryGetValue("--password", out var password))
                {
                    await Console.Error.WriteLineAsync("users create-admin needs --email and --password");
                    return 1;
                }
                await using (var scope = services.CreateAsyncScope())
                {
                    var result = await scope.ServiceProvider.GetRequiredService<AdminAccounts>()
                        .CreateAdministratorAsync(email, password, options.GetValueOrDefault("--name", email));
                    if (!result.Succeeded)
                    {
                        foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.Description);
                        return 1;
                    }
                }
                @out.WriteLine($"Administrator {email} created.");
                return 0;
            case ["backup"]:
                var path = await services.GetRequiredService<BackupWriter>().CreateAsync(options.GetValueOrDefault("--to"), CancellationToken.None);
                @out.WriteLine($"Backup written: {path} ({new FileInfo(path).Length} bytes)");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command: {string.Join(' ', words)}\n{Usage}");
                return 1;
        }
    }

    static async Task<int> RestoreAsync(IServiceProvider services, string archive, TextWriter @out)
    {
        var report = await services.GetRequiredService<BackupRestorer>().RestoreAsync(Path.GetFullPath(archive), CancellationToken.None);
        @out.WriteLine($"Restored {report.Tables} tables ({report.Rows} rows) and {report.Files} files from a {report.Provider} backup into " +
                       services.GetRequiredService<InstallationDatabase>().Describe() + ".");
        return 0;
    }

    static int Report(ModuleChangeResult result, TextWriter @out)
    {
        @out.WriteLine(result.Message);
        if (result.NeedsConfirmation.Count > 0) @out.WriteLine("Run again with --yes to enable them too.");
        return result.Succeeded ? 0 : 1;
    }
}
