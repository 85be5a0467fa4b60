using System.Management.Automation.Language;

namespace Crm.Host.Tests.Build;

public sealed class BuildScriptTests
{
    static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "build.ps1"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("build.ps1 not found above the test output");
    }

    [Fact]
    public void BuildPs1ParsesWithoutErrors()
    {
        var ast = Parser.ParseFile(Path.Combine(RepositoryRoot(), "build.ps1"), out _, out var errors);
        Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"));
        var commands = ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>()
            .Select(c => c.GetCommandName()).Where(n => n != null).Distinct().ToList();
        Assert.Contains("dotnet", commands);
    }

    [Fact]
    public void BuildPs1OffersEveryTarget()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "build.ps1"));
        foreach (var target in new[] { "'build'", "'test'", "'publish'", "'pack'" }) Assert.Contains(target, text);
    }
}
