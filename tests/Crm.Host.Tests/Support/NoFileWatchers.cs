using System.Runtime.CompilerServices;

namespace Crm.Host.Tests.Support;

/// <summary>
/// Hosts built in these tests (also through the command line's <c>CrmApplication.Build</c>, without the test kit) poll for
/// file changes instead of taking one of the 128 inotify instances a user may hold (see <c>CrmTestServer</c>).
/// </summary>
static class NoFileWatchers
{
    [ModuleInitializer]
    internal static void Poll() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
