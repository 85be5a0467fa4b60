namespace Crm.Host.Hosting;

/// <summary>
/// Where the installation keeps its data (database file, attachments, keys, logs, backups) when no setting says: outside
/// the program's folder, so that an upgrade that replaces that folder never takes the data with it. An installation that
/// already keeps its data in "data" beside the program (the default before) keeps using it, with a warning at each start.
/// </summary>
public static class DataLocation
{
    public const string Legacy = "data";

    /// <summary>The data directory: the configured one (relative to the content root), else the per-system default.</summary>
    public static (string Path, string? Warning) Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return (System.IO.Path.GetFullPath(configured, contentRoot), null);
        var legacy = System.IO.Path.GetFullPath(Legacy, contentRoot);
        if (File.Exists(System.IO.Path.Combine(legacy, "crm.db")) || Directory.Exists(System.IO.Path.Combine(legacy, "keys")))
            return (legacy, $"The data lives inside the program's folder ({legacy}); replacing that folder on an upgrade would delete it. " +
                            "Move the folder elsewhere and set Crm:DataDirectory (or Crm__DataDirectory) to it.");
        return (Default(), null);
    }

    /// <summary>%ProgramData%\Crm on Windows; $XDG_DATA_HOME/crm or ~/.local/share/crm elsewhere.</summary>
    public static string Default()
    {
        if (OperatingSystem.IsWindows())
            return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Crm");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return System.IO.Path.Combine(string.IsNullOrEmpty(xdg)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg, "crm");
    }
}
