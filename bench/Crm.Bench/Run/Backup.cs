using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Crm.Bench.Run;

/// <summary>
/// Backup and restore at the scale: the administrator's command line takes a backup of the running server while the
/// managers keep logging calls (each manager on their own companies); their p95 during the backup is held against their p95
/// over as many seconds right after it. Then the archive is restored into a new data directory (SQLite only; a
/// MariaDB run would need a second empty database). Targets: backup ≤ 30 s at M, writers' p95 ≤ 2× without the backup.
/// </summary>
public static class Backup
{
    public static async Task<List<Figure>> MeasureAsync(RunOptions options, IReadOnlyList<Session> managers, DbConnection setup,
        string[] hostArguments, string work, CancellationToken ct)
    {
        var companies = managers.Select(m => Sql.List(setup,
            "SELECT c.Id FROM core_companies c JOIN core_users u ON u.Id = c.OwnerId WHERE u.Email = @email AND c.DeletedAtUtc IS NULL LIMIT 50",
            r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), ("@email", m.Email))).ToList();
        var folder = Path.Combine(work, "backups");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);

        var quiet = new Latencies();
        using (var warm = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await WriteAsync(managers, companies, new Latencies(), warm.Token);
        var during = new Latencies();
        var (seconds, archive) = await WhileWritingAsync(options, managers, companies, during, hostArguments, folder, ct);
        using (var window = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(5, seconds))))
            await WriteAsync(managers, companies, quiet, window.Token);
        var ratio = during.P95 / quiet.P95;
        var bytes = new FileInfo(archive).Length;
        var figures = new List<Figure>
        {
            new("backup while 4 managers log calls (CLI)", $"{seconds:F1} s", "", null, "≤ 30 s at M", seconds <= 30,
                $"archive {bytes / 1024.0 / 1024.0:F0} MB"),
            new("managers' writes during the backup against without", $"{during.P95:F1} ms", $"{quiet.P95:F1} ms", ratio, "p95 ≤ 2× without", ratio <= 2,
                $"{during.Count} calls logged during, {quiet.Count} without"),
        };
        if (options.MySql == null)
        {
            var target = Path.Combine(work, "restored");
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            var restore = Stopwatch.StartNew();
            await CliAsync(options, ["restore", archive, $"--Crm:DataDirectory={target}"], ct);
            var db = new FileInfo(Path.Combine(target, "crm.db")).Length;
            figures.Add(new Figure("restore into a new installation (CLI)", $"{restore.Elapsed.TotalSeconds:F1} s", "", null, "", null,
                $"database {db / 1024.0 / 1024.0:F0} MB from an archive of {bytes / 1024.0 / 1024.0:F0} MB"));
            Directory.Delete(target, recursive: true);
        }
        foreach (var f in figures) Console.WriteLine($"  {f.Name}: {f.Value} {f.Floor} {f.Detail}");
        return figures;
    }

    static async Task<(double Seconds, string Archive)> WhileWritingAsync(RunOptions options, IReadOnlyList<Session> managers, List<List<int>> companies,
        Latencies during, string[] hostArguments, string folder, CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var writing = WriteAsync(managers, companies, during, stop.Token);
        var watch = Stopwatch.StartNew();
        await CliAsync(options, ["backup", "--to", folder, .. hostArguments.Where(a => a.StartsWith("--Crm:D", StringComparison.Ordinal))], ct);
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await writing;
        return (seconds, Directory.GetFiles(folder, "*.zip").Single());
    }

    /// <summary>Each manager logs calls on their companies until cancelled; the server's time of each goes into <paramref name="latencies"/>.</summary>
    static Task WriteAsync(IReadOnlyList<Session> managers, List<List<int>> companies, Latencies latencies, CancellationToken stop) =>
        Task.WhenAll(managers.Select((session, w) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities")
                {
                    Content = JsonContent.Create(new { kind = "Call", subject = $"Bench call {i}", companyId = companies[w][i % companies[w].Count] }),
                };
                request.Headers.Add("RequestVerificationToken", session.Antiforgery);
                using var response = await session.Http.SendAsync(request, CancellationToken.None);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"logging a call as {session.Email}: {(int)response.StatusCode}");
                if (response.Headers.TryGetValues("Server-Timing", out var timing))
                    latencies.Add(double.Parse(string.Join(", ", timing).Split("dur=")[1].Split(',')[0], CultureInfo.InvariantCulture));
            }
        })));

    static async Task CliAsync(RunOptions options, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(options.ServerDirectory, "Crm.Host.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', arguments.Take(2))} failed: {await output}{await error}");
    }
}
