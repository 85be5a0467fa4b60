using System.Diagnostics;
using Crm.Host;
using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Modules;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Bench.Generate;

/// <summary>What to generate and where.</summary>
public sealed record GenerateOptions(Scale Scale, int Seed, string DataDirectory, string? MySqlConnectionString, bool Force);

/// <summary>
/// Creates the schema through the host's own start-up path (migrations, built-in roles, accounts) and enables the sales
/// module as an administrator would, then bulk-loads the client base and the sales data over ADO.NET. SQLite runs the load with its journal and syncs off and turns WAL back on at the end.
/// </summary>
public static class Generator
{
    const string SalesModuleId = "sales";

    public static async Task<int> RunAsync(GenerateOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var mysql = options.MySqlConnectionString;
        if (mysql == null)
        {
            var file = Path.Combine(options.DataDirectory, "crm.db");
            if (File.Exists(file))
            {
                if (!options.Force) { await Console.Error.WriteLineAsync($"{file} exists; add --force to replace it."); return 1; }
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            }
        }
        else await MySqlDatabase.RecreateAsync(mysql, options.Force, ct);

        string[] settings =
        [
            $"--Crm:DataDirectory={options.DataDirectory}",
            "--Serilog:MinimumLevel:Default=Warning",
            "--Crm:Database:MigrateOnStart=true",
            "--Crm:RunJobsInBackground=false",
            .. mysql == null ? Array.Empty<string>() : ["--Crm:Database:Provider=MySql", $"--Crm:Database:ConnectionString={mysql}"],
        ];
        var ru = Vocabulary.Russian(options.Seed);
        var en = Vocabulary.English(options.Seed + 1);
        var nowUtc = DateTime.UtcNow;

        List<Employee> staff;
        InstallationDatabase database;
        await using (var app = CrmApplication.Build(settings))
        {
            await app.Services.GetRequiredService<Initializer>().InitializeAsync(ct);
            // As an administrator turns it on: the module's migrations, its default permissions and its state row.
            var sales = await app.Services.GetRequiredService<ModuleLifecycle>().EnableAsync(SalesModuleId, withDependencies: true, ct);
            if (!sales.Succeeded)
            {
                await Console.Error.WriteLineAsync($"the sales module could not be enabled: {sales.Message} (modules are looked for in " +
                                                   $"{Path.Combine(AppContext.BaseDirectory, "modules")}; build the host first)");
                return 1;
            }
            Console.WriteLine($"schema: migrated through the host, sales module enabled ({clock.Elapsed.TotalSeconds:F1} s)");
            staff = await Staff.CreateAsync(app.Services, options.Scale, ru, en, ct);
            Console.WriteLine($"staff: {staff.Count} employees in {options.Scale.Teams} teams ({clock.Elapsed.TotalSeconds:F1} s)");
            database = app.Services.GetRequiredService<InstallationDatabase>();
        }
        SqliteConnection.ClearAllPools();

        var load = Stopwatch.StartNew();
        ClientBaseSummary summary;
        DealsSummary deals;
        using (var connection = database.OpenConnection())
        {
            ForLoad(connection, database.Provider, loading: true);
            using (var loader = new BulkLoader(connection))
                summary = new ClientBase(options.Scale, staff, ru, en, nowUtc).Load(loader, Console.WriteLine);
            var rows = summary.Companies + summary.Contacts + summary.Places + summary.Activities + summary.Tasks;
            Console.WriteLine($"client base: {summary.Companies:N0} companies, {summary.Contacts:N0} contacts ({summary.Places:N0} places), " +
                              $"{summary.Activities:N0} activities, {summary.Tasks:N0} tasks in {load.Elapsed.TotalSeconds:F1} s " +
                              $"({rows / load.Elapsed.TotalSeconds:N0} rows/s)");
            var salesLoad = Stopwatch.StartNew();
            using (var loader = new BulkLoader(connection))
                deals = new Deals(options.Scale, staff, summary, nowUtc, options.Seed).Load(loader, Console.WriteLine);
            var salesRows = deals.Deals + deals.Lines + deals.Visits + deals.Plans + deals.StalledTasks;
            Console.WriteLine($"sales: {deals.Deals:N0} deals, {deals.Lines:N0} lines, {deals.Visits:N0} stage visits, {deals.Products:N0} products, " +
                              $"{deals.Plans:N0} plans, {deals.StalledTasks:N0} tasks for stalled deals in {salesLoad.Elapsed.TotalSeconds:F1} s " +
                              $"({salesRows / salesLoad.Elapsed.TotalSeconds:N0} rows/s)");
            ForLoad(connection, database.Provider, loading: false);
        }
        SqliteConnection.ClearAllPools();

        // The load wrote the rows around the services that keep the report summaries, so these are counted again now.
        var recount = Stopwatch.StartNew();
        await using (var app = CrmApplication.Build(settings))
        {
            // The modules' states, so that the sales module's summaries count as installed.
            await app.Services.GetRequiredService<Initializer>().InitializeAsync(ct);
            using var scope = app.Services.CreateScope();
            var rebuilt = await scope.ServiceProvider.GetRequiredService<ReportSummaries>().RebuildAllAsync(ct);
            Console.WriteLine($"report summaries: {string.Join(", ", rebuilt)} counted again in {recount.Elapsed.TotalSeconds:F1} s");
        }
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s: {database.Describe()}");
        Console.WriteLine($"sign in as {Staff.AdminEmail} (administrator), head1@bench.test (head of sales) or manager1@bench.test " +
                          $"(sales manager), password {Staff.Password}");
        return 0;
    }

    /// <summary>SQLite: no journal, no syncs and no foreign key checks while loading; WAL and checks as the host runs them after.</summary>
    static void ForLoad(System.Data.Common.DbConnection connection, DatabaseProvider provider, bool loading)
    {
        var sql = (provider, loading) switch
        {
            (DatabaseProvider.Sqlite, true) => "PRAGMA foreign_keys=OFF; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;",
            (DatabaseProvider.Sqlite, false) => "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            (_, true) => "SET FOREIGN_KEY_CHECKS=0; SET UNIQUE_CHECKS=0;",
            _ => "SET FOREIGN_KEY_CHECKS=1; SET UNIQUE_CHECKS=1;",
        };
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
