using System.Reflection;
using Crm.Host.Localization;
using Crm.Host.Tests.Support;

namespace Crm.Host.Tests.Localization;

public sealed class LocalizationTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    public static TheoryData<string> Assemblies => new(
        typeof(HostText).Assembly.Location,
        Path.Combine(AppContext.BaseDirectory, "modules", "notes", "Crm.TestModules.Notes.dll"));

    [Theory, MemberData(nameof(Assemblies))]
    public void EveryEnglishTextHasARussianTranslation(string assemblyFile)
    {
        var assembly = Assembly.LoadFrom(assemblyFile);
        var english = JsonStringLocalizerFactory.Texts(assembly, "en");
        var russian = JsonStringLocalizerFactory.Texts(assembly, "ru");
        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(russian.Keys));
        Assert.Empty(russian.Keys.Except(english.Keys));
    }

    [Fact]
    public async Task AUserSwitchesTheInterfaceToRussianAndItStays()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        Assert.Contains(">Notes</a>", await admin.GetStringAsync("/"));

        var switched = await admin.PostFormAsync("/Account/Language", new() { ["culture"] = "ru", ["returnUrl"] = "/Notes" }, tokenFrom: "/");
        Assert.Equal("/Notes", switched.Headers.Location!.OriginalString);
        var page = await admin.GetStringAsync("/Notes");
        Assert.Contains("Добавить заметку", page); // the module's text
        Assert.Contains(">Заметки</a>", page);     // its menu item
        Assert.Contains("Выйти", page);            // the host's shell

        var again = await server.SignInAsync(CrmTestServer.AdminEmail); // a new browser: the profile remembers
        Assert.Contains("Выйти", await again.GetStringAsync("/"));
    }
}
