using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Hosting;

public sealed class DashboardAndSearchTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task TheHomePageShowsEnabledModulesWidgetsToThoseAllowed(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"));
        var admin = await server.AdminClientAsync();
        Assert.DoesNotContain("Latest notes", await admin.GetStringAsync("/")); // the home page was rendered before the module came
        await admin.PostAsync("/api/v1/modules/notes/enable", null);
        var managerEmail = await server.CreateUserAsync(CrmRoles.SalesManager);
        await (await server.TokenClientAsync(managerEmail)).CreateNoteAsync("Visit the Kazan office");
        var manager = await server.SignInAsync(managerEmail);
        var marketer = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.Marketer));

        var home = await manager.GetStringAsync("/");
        Assert.Contains("Latest notes", home);
        Assert.Contains("Visit the Kazan office", home);
        Assert.DoesNotContain("Latest notes", await marketer.GetStringAsync("/"));

        await admin.PostAsync("/api/v1/modules/notes/disable", null);
        Assert.DoesNotContain("Latest notes", await manager.GetStringAsync("/"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task GlobalSearchFindsOnlyRecordsWithinTheUsersScope(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await anna.CreateNoteAsync("Romashka wants a discount");
        await boris.CreateNoteAsync("Romashka's director is on leave");

        var annaHits = await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=Romashka");
        Assert.Equal(["Romashka wants a discount"], annaHits!.Select(h => h.GetProperty("title").GetString()));
        Assert.Equal(2, (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=Romashka"))!.Count);
        Assert.Empty((await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=R"))!);

        var page = await admin.GetStringAsync("/Search?q=discount");
        Assert.Contains("Romashka wants a discount", page);
        Assert.DoesNotContain("on leave", page);

        await admin.PostAsync("/api/v1/modules/notes/disable", null);
        Assert.Empty((await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/search?q=Romashka"))!);
    }
}
