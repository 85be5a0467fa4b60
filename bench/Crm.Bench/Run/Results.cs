using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Crm.Bench.Run;

/// <summary>The results table, printed and written to bench/RESULTS.md with the machine and the commit it ran on.</summary>
public static class Results
{
    public static void Write(RunOptions options, IReadOnlyList<Figure> figures)
    {
        var table = new StringBuilder();
        table.AppendLine("| operation | figure | floor | ratio | target | result |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in figures)
            table.AppendLine($"| {f.Name} | {f.Value}{(f.Detail.Length > 0 ? $" <sub>{f.Detail}</sub>" : "")} | {f.Floor} | " +
                             $"{(f.Ratio is { } r ? r.ToString("F1", CultureInfo.InvariantCulture) + "×" : "")} | {f.Target} | " +
                             $"{(f.Pass switch { true => "pass", false => "**miss**", _ => "" })} |");
        Console.WriteLine();
        Console.WriteLine(table);

        var text = new StringBuilder();
        text.AppendLine("# Benchmark results");
        text.AppendLine();
        text.AppendLine($"Machine: {Cpu()}, {Environment.ProcessorCount} cores, {Memory()}, {RuntimeInformation.OSDescription}; " +
                        $".NET {Environment.Version}; commit {Commit()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine($"Scale {options.ScaleName} on {(options.MySql == null ? "SQLite" : "MariaDB")}; {options.Concurrency} concurrent signed-in users, " +
                        $"{options.Requests} requests per operation after a warm-up.");
        text.AppendLine();
        text.AppendLine("Latencies are p50 / p95 / max in ms of server time (the host's `Server-Timing` header: from the request entering the");
        text.AppendLine("pipeline to the response starting); the floor is the same data read by hand-written SQL over ADO.NET with as many");
        text.AppendLine("concurrent connections, in the same run; the ratio is p95 over floor p95: for lists and cards the p95 of the time the");
        text.AppendLine("request spent in database commands (`db` in the header; the whole page's ratio is given beside it), for the others the");
        text.AppendLine("whole request's. The ceiling is a static file served by the same Kestrel. How to run it and what the figures mean:");
        text.AppendLine("[README.md](README.md).");
        text.AppendLine();
        text.Append(table);
        var notes = Path.Combine(Path.GetDirectoryName(options.ResultsFile)!, "RESULTS.notes.md");
        if (File.Exists(notes)) text.AppendLine().Append(File.ReadAllText(notes));
        File.WriteAllText(options.ResultsFile, text.ToString());
        Console.WriteLine($"written to {options.ResultsFile}");
    }

    static string Cpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();

    static string Memory() =>
        File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb
            ? $"{double.Parse(kb) / 1048576:F0} GiB RAM" : "";

    static string Commit()
    {
        if (Environment.GetEnvironmentVariable("CRM_BENCH_COMMIT") is { Length: > 0 } commit) return commit;
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown"; }
    }
}
