using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace Crm.Sdk.Testing;

/// <summary>
/// A throwaway MariaDB server started from the installed binaries (mariadb-install-db, mariadbd) on a loopback port,
/// with its data under /tmp; each test gets its own database. Stopped and deleted on dispose.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    readonly Process _process;
    readonly string _directory;
    int _databases;

    MariaDbServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    static string? Find(string name) =>
        new[] { "/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin" }.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Why MariaDB cannot run here, or null if its binaries are installed.</summary>
    public static string? Unavailable() =>
        Find("mariadbd") != null && Find("mariadb-install-db") != null ? null : "MariaDB is not installed (apt-get install mariadb-server)";

    public static async Task<MariaDbServer> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "crm-mariadb-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        var user = Environment.UserName;
        await RunAsync(Find("mariadb-install-db")!,
            $"--no-defaults --datadir={data} --auth-root-authentication-method=normal --skip-test-db --user={user}");

        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(Find("mariadbd")!,
            $"--no-defaults --datadir={data} --port={port} --bind-address=127.0.0.1 --socket={directory}/mysqld.sock " +
            $"--pid-file={directory}/mysqld.pid --user={user} --innodb-buffer-pool-size=64M " +
            "--innodb-flush-log-at-trx-commit=2 --skip-log-bin --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MariaDbServer(process, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(server.RootConnectionString());
                await connection.OpenAsync();
                await using var command = new MySqlCommand(
                    "CREATE USER IF NOT EXISTS 'crm'@'127.0.0.1' IDENTIFIED BY 'crm'; GRANT ALL ON *.* TO 'crm'@'127.0.0.1';", connection);
                await command.ExecuteNonQueryAsync();
                return server;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    string RootConnectionString() => $"Server=127.0.0.1;Port={Port};User ID=root;Password=;SslMode=None";

    /// <summary>
    /// Creates an empty database and returns a connection string for it. Its default character set is utf8mb4 unless
    /// another is named (<c>utf8mb3</c>, <c>latin1</c>), as an administrator's <c>CREATE DATABASE</c> on an older server
    /// may leave it; the host must then still store any Unicode.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string characterSet = "utf8mb4")
    {
        if (!characterSet.All(char.IsAsciiLetterOrDigit)) throw new ArgumentException("Not a character set name.", nameof(characterSet));
        var name = $"crm_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        await using var connection = new MySqlConnection(RootConnectionString());
        await connection.OpenAsync();
        var collation = characterSet == "utf8mb4" ? " COLLATE utf8mb4_unicode_ci" : "";
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET {characterSet}{collation}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Server=127.0.0.1;Port={Port};Database={name};User ID=crm;Password=crm;SslMode=None;AllowUserVariables=true";
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
