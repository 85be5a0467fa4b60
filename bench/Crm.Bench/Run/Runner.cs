using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Crm.Bench.Generate;
using Microsoft.Data.Sqlite;

namespace Crm.Bench.Run;

/// <summary>Where the published server, the floor app and the generated data are, and how hard to push.</summary>
public sealed record RunOptions(string ServerDirectory, string FloorDirectory, string DataDirectory, string? MySql, string ScaleName,
    string ResultsFile, int Concurrency = 4, int Requests = 400, int ImportRows = 100_000, int ColdStarts = 3,
    IReadOnlyList<string>? Only = null)
{
    /// <summary>Whether a figure is measured: all of them, or those whose name contains one of <see cref="Only"/>.</summary>
    public bool Wants(string figure) => Only == null || Only.Any(o => figure.Contains(o, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One row of the results table.</summary>
public sealed record Figure(string Name, string Value, string Floor, double? Ratio, string Target, bool? Pass, string Detail = "");

/// <summary>
/// Runs the published host on a copy of the generated database and measures each key operation over HTTP as signed-in
/// users, against the same data read by hand-written SQL (the floor) and a static file on the same Kestrel (the ceiling).
/// </summary>
public static class Runner
{
    const int Port = 5097;
    /// <summary>A slow operation stops early (after at least 10 counted requests per user and round), so a run stays within minutes.</summary>
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    /// <summary>How many alternating rounds of HTTP and floor an operation is measured in.</summary>
    const int Rounds = 4;

    public static async Task<int> RunAsync(RunOptions options, CancellationToken ct)
    {
        var figures = new List<Figure>();
        var work = Path.Combine(Path.GetTempPath(), "crm-bench", "run");
        var data = PrepareData(options, work);
        var connectionString = options.MySql ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "crm.db"), Pooling = true }.ToString();
        string[] hostArguments =
        [
            $"--Crm:DataDirectory={data}", "--Crm:ServerTiming=true",
            "--Crm:Security:LoginAttemptsPerMinute=1000", // the benchmark signs in 3 × users sessions at once
            // Recurring jobs (reminders, stalled deals) would catch up on days since the data was generated in the middle of
            // the measurements; the generator leaves what they would have done.
            "--Crm:RunJobsInBackground=false",
            .. options.MySql == null ? Array.Empty<string>() : ["--Crm:Database:Provider=MySql", $"--Crm:Database:ConnectionString={options.MySql}"],
        ];

        if (options.Wants("cold start")) await MeasureColdStartAsync(options, hostArguments, figures, ct);

        var (host, _) = await HostProcess.StartAsync(options.ServerDirectory, "Crm.Host.dll", Port, "/Account/Login", hostArguments, ct);
        await using (host)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            var idle = host.Memory().Rss;
            if (options.Wants("idle RSS")) figures.Add(new Figure("idle RSS 5 s after start", $"{idle:F0} MB", "", null, "≤ 250 MB", idle <= 250));

            using var setup = Open(options.MySql, connectionString);
            var managers = new List<Session>();
            var admins = new List<Session>();
            var heads = new List<Session>();
            var teams = Convert.ToInt32(Sql.List(setup, "SELECT COUNT(*) FROM core_teams", r => r.GetValue(0))[0]);
            for (var w = 0; w < options.Concurrency; w++)
            {
                managers.Add(await SignInAsync(host.BaseUrl, $"manager{w + 1}@bench.test", setup, ct));
                admins.Add(await SignInAsync(host.BaseUrl, Staff.AdminEmail, setup, ct));
                heads.Add(await SignInAsync(host.BaseUrl, $"head{w % Math.Max(1, teams) + 1}@bench.test", setup, ct));
            }

            var connections = Enumerable.Range(0, options.Concurrency).Select(_ => Open(options.MySql, connectionString)).ToList();
            if (options.Wants("ceiling"))
            {
                var ceiling = new Timings();
                await MeasureHttpAsync(admins, _ => [new Case("/css/site.css", _ => 0)], options.Requests, Budget, ceiling, ct);
                figures.Add(new Figure("ceiling: static file on the same Kestrel", Ms(ceiling.Server), "", null, "", null,
                    $"client p95 {ceiling.Client.P95:F2} ms"));
                Console.WriteLine($"  {figures[^1].Name}: {figures[^1].Value}");
            }

            foreach (var operation in KeyOperations.All(setup, seed: 7).Concat(SalesOperations.All(setup)).Where(o => options.Wants(o.Name)))
            {
                var sessions = operation.AsAdmin ? admins : operation.AsHead ? heads : managers;
                var cases = sessions.Select((s, w) => operation.Cases(w, s)).ToList();
                var (http, floor) = await MeasureWithFloorAsync(sessions, connections, w => cases[w], options, ct);
                // A list or card is held to its own SQL against the floor's (the page's HTML, cookie and layout come on top of
                // both); other figures compare the whole request with the floor.
                var ratio = (operation.Target == Target.ListOrCard ? http.Database.P95 : http.Server.P95) / floor.P95;
                var (target, pass) = operation.Target switch
                {
                    Target.ListOrCard => ("p95 ≤ 30 ms, its SQL ≤ 2× floor", http.Server.P95 <= 30 && ratio <= 2),
                    Target.Search => ("p95 ≤ 50 ms", http.Server.P95 <= 50),
                    Target.Report => ("p95 ≤ 300 ms", http.Server.P95 <= 300),
                    Target.Column => ("p95 ≤ 50 ms", http.Server.P95 <= 50),
                    _ => ("", (bool?)null),
                };
                // Reports read through their own ADO.NET commands, which the header's db entry does not see.
                figures.Add(new Figure(operation.Name, Ms(http.Server), Ms(floor), ratio, target, pass, operation.Target == Target.Report
                    ? $"client p95 {http.Client.P95:F1} ms"
                    : $"client p95 {http.Client.P95:F1} ms; SQL p50 {http.Database.P50:F1}, p95 {http.Database.P95:F1} ms; page {http.Server.P95 / floor.P95:F1}× floor"));
                Console.WriteLine($"  {operation.Name}: {figures[^1].Value} | floor {figures[^1].Floor}");
            }

            if (options.Wants("import of companies"))
            {
                var import = await Import.MeasureAsync(admins[0], connections[0], options.ImportRows, ct);
                figures.Add(import);
                Console.WriteLine($"  {import.Name}: {import.Value} | floor {import.Floor}");
            }
            if (options.Wants("import of contacts"))
            {
                var contactsImport = await Import.MeasureContactsAsync(admins[0], connections[0], options.ImportRows, ct);
                figures.Add(contactsImport);
                Console.WriteLine($"  {contactsImport.Name}: {contactsImport.Value} | floor {contactsImport.Floor}");
            }

            if (options.Wants("backup")) figures.AddRange(await Backup.MeasureAsync(options, managers, setup, hostArguments, work, ct));

            var (rss, peak) = host.Memory();
            figures.Add(new Figure("RSS after the load (peak)", $"{rss:F0} MB ({peak:F0} MB)", "", null, "", null));
            foreach (var c in connections) c.Dispose();
            foreach (var s in managers.Concat(admins).Concat(heads)) s.Dispose();
        }
        Results.Write(options, figures);
        return 0;
    }

    static async Task MeasureColdStartAsync(RunOptions options, string[] hostArguments, List<Figure> figures, CancellationToken ct)
    {
        Console.WriteLine($"cold start: {options.ColdStarts} runs each of the server and a bare ASP.NET Core app");
        var crmStarts = new List<double>();
        var floorStarts = new List<double>();
        for (var i = 0; i < options.ColdStarts; i++)
        {
            var (crm, ms) = await HostProcess.StartAsync(options.ServerDirectory, "Crm.Host.dll", Port, "/Account/Login", hostArguments, ct);
            await crm.DisposeAsync();
            crmStarts.Add(ms);
            var (bare, floorMs) = await HostProcess.StartAsync(options.FloorDirectory, "StartupFloor.dll", Port, "/", [], ct);
            await bare.DisposeAsync();
            floorStarts.Add(floorMs);
        }
        var startMedian = Median(crmStarts);
        figures.Add(new Figure("cold start to first page (median)", $"{startMedian:F0} ms", $"{Median(floorStarts):F0} ms",
            startMedian / Median(floorStarts), "≤ 2000 ms", startMedian <= 2000, string.Join(", ", crmStarts.Select(s => s.ToString("F0")))));
    }

    static string Ms(Latencies l) => string.Create(CultureInfo.InvariantCulture, $"{l.P50:F1} / {l.P95:F1} / {l.Max:F1}");

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The generated database is copied (SQLite), so the import and any writes never change it.</summary>
    static string PrepareData(RunOptions options, string work)
    {
        var data = Path.Combine(work, "data");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(data);
        if (options.MySql != null) return data;
        var source = Path.Combine(options.DataDirectory, "crm.db");
        if (!File.Exists(source)) throw new FileNotFoundException($"no generated database at {source}; run generate first");
        using (var connection = new SqliteConnection($"Data Source={source}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.Copy(source, Path.Combine(data, "crm.db"));
        var keys = Path.Combine(options.DataDirectory, "keys");
        if (Directory.Exists(keys))
        {
            Directory.CreateDirectory(Path.Combine(data, "keys"));
            foreach (var key in Directory.GetFiles(keys)) File.Copy(key, Path.Combine(data, "keys", Path.GetFileName(key)));
        }
        return data;
    }

    static DbConnection Open(string? mysql, string connectionString)
    {
        DbConnection connection = mysql == null ? new SqliteConnection(connectionString) : new MySqlConnector.MySqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    static async Task<Session> SignInAsync(string baseUrl, string email, DbConnection setup, CancellationToken ct)
    {
        var session = await Session.SignInAsync(baseUrl, email, Staff.Password, ct);
        session.UserId = Sql.List(setup, "SELECT Id FROM core_users WHERE Email = @e", r => r.GetString(0), ("@e", email))[0];
        session.TeamMembers = Sql.List(setup, "SELECT Id FROM core_users WHERE TeamId = (SELECT TeamId FROM core_users WHERE Id = @me)",
            r => r.GetString(0), ("@me", session.UserId));
        return session;
    }

    /// <summary>Latencies of HTTP requests: the server's whole time, its time in database commands, and the client's.</summary>
    sealed record Timings(Latencies Server, Latencies Database, Latencies Client)
    {
        public Timings() : this(new Latencies(), new Latencies(), new Latencies()) { }
    }

    /// <summary>
    /// The cases over HTTP and by the floor's SQL, in alternating rounds: a slow spell of the machine (the neighbours of a
    /// shared VM) then falls on both sides of a ratio rather than on one of them.
    /// </summary>
    static async Task<(Timings Http, Latencies Floor)> MeasureWithFloorAsync(IReadOnlyList<Session> sessions, IReadOnlyList<DbConnection> connections,
        Func<int, IReadOnlyList<Case>> cases, RunOptions options, CancellationToken ct)
    {
        var http = new Timings();
        var floor = new Latencies();
        // One round first whose figures are dropped: the first operation after start-up would otherwise pay for the JIT's
        // second tier and the database's cold pages, which are start-up costs (measured on their own), not the operation's.
        await MeasureHttpAsync(sessions, cases, options.Requests / Rounds, Budget / Rounds, new Timings(), ct);
        for (var round = 0; round < Rounds; round++)
        {
            await MeasureHttpAsync(sessions, cases, options.Requests / Rounds, Budget / Rounds, http, ct);
            MeasureFloor(connections, cases, options.Requests / Rounds, Budget / Rounds, floor);
        }
        return (http, floor);
    }

    /// <summary>Each worker (one signed-in user) runs its cases in turn; a few rounds warm up first and are not counted.</summary>
    static async Task MeasureHttpAsync(IReadOnlyList<Session> sessions, Func<int, IReadOnlyList<Case>> cases, int requests, TimeSpan budget,
        Timings timings, CancellationToken ct)
    {
        var (server, database, client) = timings;
        var perWorker = requests / sessions.Count;
        await Task.WhenAll(sessions.Select((session, w) => Task.Run(async () =>
        {
            var mine = cases(w);
            var deadline = Stopwatch.StartNew();
            for (var i = -10; i < perWorker && !(i >= 10 && deadline.Elapsed > budget); i++)
            {
                var path = mine[(i + 10) % mine.Count].Path;
                var started = Stopwatch.GetTimestamp();
                using var response = await session.Http.GetAsync(path, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)response.StatusCode != 200) throw new InvalidOperationException($"GET {path} as {session.Email}: {(int)response.StatusCode}");
                if (i < 0) continue;
                client.Add(elapsed);
                // "app;dur=12.34, db;dur=5.67": the whole request, and its time in database commands.
                if (response.Headers.TryGetValues("Server-Timing", out var timing))
                {
                    var durations = string.Join(", ", timing).Split("dur=").Skip(1)
                        .Select(d => double.Parse(d.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
                    server.Add(durations[0]);
                    if (durations.Count > 1) database.Add(durations[1]);
                }
            }
        }, ct)));
    }

    /// <summary>The floor: the same cases' hand-written SQL, with as many concurrent connections as the HTTP run had users.</summary>
    static void MeasureFloor(IReadOnlyList<DbConnection> connections, Func<int, IReadOnlyList<Case>> cases, int requests, TimeSpan budget, Latencies latencies)
    {
        var perWorker = requests / connections.Count;
        Parallel.For(0, connections.Count, new ParallelOptions { MaxDegreeOfParallelism = connections.Count }, w =>
        {
            var mine = cases(w);
            var deadline = Stopwatch.StartNew();
            for (var i = -10; i < perWorker && !(i >= 10 && deadline.Elapsed > budget); i++)
            {
                var started = Stopwatch.GetTimestamp();
                mine[(i + 10) % mine.Count].Floor(connections[w]);
                if (i >= 0) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}
