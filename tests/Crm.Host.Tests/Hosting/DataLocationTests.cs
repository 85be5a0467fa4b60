using Crm.Host.Hosting;

namespace Crm.Host.Tests.Hosting;

public sealed class DataLocationTests : IDisposable
{
    readonly string _program = Path.Combine(Path.GetTempPath(), "crm-program-" + Guid.NewGuid().ToString("N")[..8]);

    public DataLocationTests() => Directory.CreateDirectory(_program);

    [Fact]
    public void ByDefaultTheDataLivesOutsideTheProgramsFolderSoReplacingTheFolderKeepsIt()
    {
        var (path, warning) = DataLocation.Resolve(null, _program);
        Assert.False(path.StartsWith(_program, StringComparison.Ordinal), path);
        Assert.Equal(DataLocation.Default(), path);
        Assert.Null(warning);
    }

    [Fact]
    public void AnInstallationWhoseDataIsBesideTheProgramKeepsItAndIsWarned()
    {
        Directory.CreateDirectory(Path.Combine(_program, "data"));
        File.WriteAllText(Path.Combine(_program, "data", "crm.db"), "");
        var (path, warning) = DataLocation.Resolve("", _program);
        Assert.Equal(Path.Combine(_program, "data"), path);
        Assert.Contains("Crm:DataDirectory", warning);
    }

    [Fact]
    public void AConfiguredDirectoryWinsRelativeToTheContentRoot()
    {
        Assert.Equal(Path.Combine(_program, "mine"), DataLocation.Resolve("mine", _program).Path);
        Assert.Equal("/srv/crm", DataLocation.Resolve("/srv/crm", _program).Path);
    }

    [Fact]
    public void AFullDiskIsRecognisedWhereverItStrikes()
    {
        Assert.True(DiskFull.Is(new IOException("No space left on device : '/var/lib/crm/attachments/x'", 28)));
        Assert.True(DiskFull.Is(new InvalidOperationException("saving failed", new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13))));
        Assert.False(DiskFull.Is(new IOException("The process cannot access the file", 32)));
        Assert.False(DiskFull.Is(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)));
    }

    public void Dispose() => Directory.Delete(_program, recursive: true);
}
