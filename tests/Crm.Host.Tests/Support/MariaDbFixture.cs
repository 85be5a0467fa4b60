[assembly: AssemblyFixture(typeof(Crm.Host.Tests.Support.MariaDbFixture))]

namespace Crm.Host.Tests.Support;

/// <summary>One throwaway MariaDB server for the whole test run, started the first time a test asks for it.</summary>
public sealed class MariaDbFixture : IAsyncDisposable
{
    readonly SemaphoreSlim _gate = new(1, 1);
    MariaDbServer? _server;

    /// <summary>
    /// A new empty database (utf8mb4 unless another default character set is named), or a skip when MariaDB is not
    /// installed (a failure under CI).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string characterSet = "utf8mb4")
    {
        if (TestEnvironment.MissingReason(MariaDbServer.Unavailable() == null, MariaDbServer.Unavailable() ?? "") is { } reason)
            Assert.Skip(reason);
        await _gate.WaitAsync();
        try { _server ??= await MariaDbServer.StartAsync(); }
        finally { _gate.Release(); }
        return await _server.CreateDatabaseAsync(characterSet);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
    }
}
