using System.Diagnostics;

namespace Crm.Bench.Run;

/// <summary>A published server started as an administrator starts it (<c>dotnet X.dll</c> in its folder), on a loopback port.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    readonly Process _process;

    HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Pid => _process.Id;

    /// <summary>Starts the app and waits for the first 200 from <paramref name="readyPath"/>; returns it with the milliseconds that took.</summary>
    public static async Task<(HostProcess Host, double Milliseconds)> StartAsync(string folder, string dll, int port, string readyPath,
        IEnumerable<string> arguments, CancellationToken ct)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) Console.Error.WriteLine($"  [{dll}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before answering");
            try
            {
                using var response = await http.GetAsync(baseUrl + readyPath, ct);
                if ((int)response.StatusCode == 200) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(20, ct);
        }
        return (new HostProcess(process, baseUrl), clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Resident memory now and at its peak, in MB.</summary>
    public (double Rss, double Peak) Memory()
    {
        double Read(string field) => File.ReadLines($"/proc/{Pid}/status").Where(l => l.StartsWith(field + ":"))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
