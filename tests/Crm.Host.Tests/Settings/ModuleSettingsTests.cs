using System.Net;
using Crm.Host.Tests.Support;

namespace Crm.Host.Tests.Settings;

public sealed class ModuleSettingsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorChangesAModulesSettingsAndTheModuleUsesThem(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        for (var i = 1; i <= 3; i++) await admin.CreateNoteAsync($"Note {i}");
        Assert.Contains("Note 1", await admin.GetStringAsync("/Notes"));

        var saved = await admin.PostFormAsync("/Admin/Settings/notes", new()
        {
            ["values[intro]"] = "Write down every promise to a client.", ["values[pagesize]"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetStringAsync("/Notes");
        Assert.Contains("Write down every promise to a client.", page);
        Assert.Contains("Note 3", page);
        Assert.DoesNotContain("Note 1", page); // two per page now
    }

    [Fact]
    public async Task ANumberIsReadInTheUsersLanguageAndNonsenseIsRefused()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();

        var refused = await admin.PostFormAsync("/Admin/Settings/notes", new() { ["values[intro]"] = "", ["values[pagesize]"] = "many" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Notes per page: this value does not fit.", await refused.Content.ReadAsStringAsync());

        await admin.PostFormAsync("/Account/Language", new() { ["culture"] = "ru", ["returnUrl"] = "/" }, tokenFrom: "/");
        var saved = await admin.PostFormAsync("/Admin/Settings/notes", new() { ["values[intro]"] = "", ["values[pagesize]"] = "2,5" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"2,5\"", await admin.GetStringAsync("/Admin/Settings/notes")); // shown back in Russian format
    }
}
