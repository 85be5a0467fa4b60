using Crm.Bench.Generate;

// The benchmark tool of issue 5. Verbs:
//   generate --scale S|M|L [--seed N] [--data DIR] [--mysql "<connection string>"] [--force]
//   generate --demo [--data DIR] [--force]
//   run --server DIR --floor DIR [--scale M] [--seed N] [--data DIR] [--mysql "<cs>"] [--users 4] [--requests 400]
//       [--import-rows 100000] [--results bench/RESULTS.md]     (bench/run.sh publishes, generates and calls this)
//       [--only "client base,import of contacts"]   (only the figures whose names contain one of these)
var words = args.ToList();
string? Option(string name)
{
    var i = words.IndexOf(name);
    if (i < 0 || i + 1 >= words.Count) return null;
    var value = words[i + 1];
    words.RemoveRange(i, 2);
    return value;
}
bool Flag(string name) => words.Remove(name);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

switch (words.FirstOrDefault())
{
    case "generate":
    {
        var demo = Flag("--demo");
        var scaleName = Option("--scale") ?? (demo ? "demo" : "S");
        if (Scale.Parse(scaleName) is not { } scale) return Usage($"unknown scale {scaleName}");
        var seed = int.Parse(Option("--seed") ?? "42");
        var data = Path.GetFullPath(Option("--data") ?? (demo ? "/tmp/crm-demo" : $"/tmp/crm-bench/{scale.Name.ToLowerInvariant()}-{seed}"));
        var mysql = Option("--mysql");
        var force = Flag("--force");
        if (words.Count > 1) return Usage($"unknown option {words[1]}");
        Console.WriteLine($"generating scale {scale.Name} (seed {seed}) into {mysql ?? data}");
        return await Generator.RunAsync(new GenerateOptions(scale, seed, data, mysql, force), cancel.Token);
    }
    case "run":
    {
        var scaleName = Option("--scale") ?? "M";
        var seed = Option("--seed") ?? "42";
        var options = new Crm.Bench.Run.RunOptions(
            ServerDirectory: Option("--server") ?? throw new ArgumentException("--server <published host folder> is required"),
            FloorDirectory: Option("--floor") ?? throw new ArgumentException("--floor <published StartupFloor folder> is required"),
            DataDirectory: Path.GetFullPath(Option("--data") ?? $"/tmp/crm-bench/{scaleName.ToLowerInvariant()}-{seed}"),
            MySql: Option("--mysql"), ScaleName: scaleName.ToUpperInvariant(),
            ResultsFile: Path.GetFullPath(Option("--results") ?? "bench/RESULTS.md"),
            Concurrency: int.Parse(Option("--users") ?? "4"), Requests: int.Parse(Option("--requests") ?? "400"),
            ImportRows: int.Parse(Option("--import-rows") ?? "100000"),
            Only: Option("--only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (words.Count > 1) return Usage($"unknown option {words[1]}");
        return await Crm.Bench.Run.Runner.RunAsync(options, cancel.Token);
    }
    default:
        return Usage(null);
}

static int Usage(string? error)
{
    if (error != null) Console.Error.WriteLine(error);
    Console.WriteLine("""
        Usage: Crm.Bench generate --scale S|M|L [--seed N] [--data DIR] [--mysql "<connection string>"] [--force]
               Crm.Bench generate --demo [--data DIR] [--force]
               Crm.Bench run --server DIR --floor DIR [--scale M] [--seed N] [--data DIR] [--mysql "<connection string>"]
                             [--users 4] [--requests 400] [--import-rows 100000] [--results bench/RESULTS.md]
                             [--only "<part of a figure's name>,..."]
        bench/run.sh does it all in one command: see bench/README.md.
        """);
    return error == null ? 0 : 1;
}
