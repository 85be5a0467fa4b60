using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Security;

public sealed class PermissionsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task AnonymousRequestsGetNoDataFromAnyPageOrApi(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var id = await admin.CreateNoteAsync("Secret deal terms");
        var anonymous = server.CreateClient();

        foreach (var page in new[] { "/", "/Notes", "/Admin/Modules", "/Admin/Users", "/Admin/Roles", "/Admin/Templates", "/Notifications" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }
        foreach (var api in new[] { "/api/v1/notes", $"/api/v1/notes/{id}", $"/api/v1/notes/{id}/card", "/api/v1/modules", "/api/v1/me",
                     $"/api/v1/audit/notes_items/{id}", "/api/v1/notifications", "/api/v1/tokens" })
        {
            var response = await anonymous.GetAsync(api);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("Secret", await response.Content.ReadAsStringAsync());
        }
        var bogusToken = server.CreateClient();
        bogusToken.DefaultRequestHeaders.Authorization = new("Bearer", "crm_0000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogusToken.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AUserWithoutThePermissionGetsNoData(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var id = await admin.CreateNoteAsync("Secret deal terms");
        var marketerEmail = await server.CreateUserAsync(CrmRoles.Marketer);
        var marketer = await server.SignInAsync(marketerEmail);
        var marketerApi = await server.TokenClientAsync(marketerEmail);

        var page = await marketer.GetAsync("/Notes");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Denied", page.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/Notes\"", await marketer.GetStringAsync("/"));
        foreach (var api in new[] { "/api/v1/notes", $"/api/v1/notes/{id}", $"/api/v1/notes/{id}/card", "/api/v1/modules", $"/api/v1/audit/notes_items/{id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync(api)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await marketerApi.GetAsync(api)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await marketerApi.PostAsJsonAsync("/api/v1/notes", new { title = "x" })).StatusCode);
        foreach (var adminPage in new[] { "/Admin/Modules", "/Admin/Users", "/Admin/Roles", "/Admin/Templates" })
            Assert.StartsWith("/Account/Denied", (await marketer.GetAsync(adminPage)).Headers.Location!.PathAndQuery);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task RecordScopesLimitWhatEachRoleSees(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var teamId = await CreateTeamAsync(server);
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, teamId));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, teamId));
        var outsider = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var head = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales, teamId));

        var annasNote = await anna.CreateNoteAsync("Anna's client");
        await boris.CreateNoteAsync("Boris's client");
        await outsider.CreateNoteAsync("Outsider's client");

        Assert.Equal(["Anna's client"], await TitlesAsync(anna));
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/notes/{annasNote}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/notes/{annasNote}/card")).StatusCode);
        Assert.Equal(["Anna's client", "Boris's client"], await TitlesAsync(head));
        Assert.Equal(["Anna's client", "Boris's client", "Outsider's client"], await TitlesAsync(admin));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorTakesAPermissionFromARoleInTheBrowser(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var manager = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/notes")).StatusCode);

        string roleId;
        await using (var scope = server.Services.CreateAsyncScope())
            roleId = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Roles
                .Where(r => r.Name == CrmRoles.SalesManager).Select(r => r.Id).SingleAsync();
        var saved = await admin.PostFormAsync("/Admin/Roles", new Dictionary<string, string>
        {
            ["roleId"] = roleId, ["scope"] = "Own", ["permissions"] = "notes.edit",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/notes")).StatusCode);
        var roles = await admin.GetStringAsync("/Admin/Roles");
        var managerForm = roles[roles.IndexOf("data-role=\"SalesManager\"")..];
        managerForm = managerForm[..managerForm.IndexOf("</form>")];
        Assert.DoesNotContain("value=\"notes.view\" checked", managerForm);
        Assert.Contains("value=\"notes.edit\" checked", managerForm);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADeactivatedEmployeeCanNoLongerSignInOrUseTheirToken(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var token = await server.TokenClientAsync(email);
        var session = await server.SignInAsync(email);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            (await db.Users.SingleAsync(u => u.Email == email)).IsActive = false;
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<Crm.Host.Security.UserAccessCache>().Invalidate();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/notes")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignInAsync(email));
    }

    [Fact]
    public async Task ABrowserSessionCannotBeMadeToChangeThingsByAnotherSite()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        admin.DefaultRequestHeaders.Remove(CrmTestServer.AntiforgeryHeader); // a forged cross-site request has no token
        var forged = await admin.PostAsync("/api/v1/modules/notes/disable", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/notes")).StatusCode); // still enabled
    }

    [Fact]
    public async Task OnlyAnAdministratorMakesAdministratorsOrGrantsWhatTheyDoNotHold()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        await server.AdminClientAsync();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var headRole = await db.Roles.SingleAsync(r => r.Name == CrmRoles.HeadOfSales);
            db.RoleClaims.Add(new() { RoleId = headRole.Id, ClaimType = Crm.Host.Security.RoleSeeder.PermissionClaim, ClaimValue = "core.users.manage" });
            await db.SaveChangesAsync();
        }
        var head = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales));

        var refused = await head.PostFormAsync("/Admin/Users", new()
        {
            ["Input.Name"] = "Mallory", ["Input.Email"] = "mallory@example.test", ["Input.Password"] = "passw0rd-long", ["Input.Role"] = CrmRoles.Administrator,
        });
        Assert.Contains("Only an administrator can make another administrator.", await refused.Content.ReadAsStringAsync());

        string managerRole;
        await using (var scope = server.Services.CreateAsyncScope())
            managerRole = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Roles
                .Where(r => r.Name == CrmRoles.SalesManager).Select(r => r.Id).SingleAsync();
        await head.PostFormAsync("/Admin/Roles", new() { ["roleId"] = managerRole, ["scope"] = "All", ["permissions"] = "core.modules.manage" });
        var manager = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/modules")).StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccount()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        for (var i = 0; i < 5; i++) await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignInAsync(email, "wrong-password1"));
        var client = server.CreateClient();
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = CrmTestServer.Password, ["__RequestVerificationToken"] = CrmTestServer.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheFirstRunPageCreatesTheAdministratorAndThenCloses()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var client = server.CreateClient();
        Assert.Equal("/Setup", (await client.GetAsync("/")).Headers.Location!.OriginalString);

        var weak = await client.PostFormAsync("/Setup", new() { ["Input.Name"] = "Olga", ["Input.Email"] = "olga@example.test", ["Input.Password"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 8 characters", await weak.Content.ReadAsStringAsync());

        var created = await client.PostFormAsync("/Setup", new() { ["Input.Name"] = "Olga", ["Input.Email"] = "olga@example.test", ["Input.Password"] = "good-passw0rd" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Olga", await client.GetStringAsync("/"));
        Assert.Equal("/Account/Login", (await server.CreateClient().GetAsync("/Setup")).Headers.Location!.OriginalString);
    }

    static async Task<List<string>> TitlesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/notes"))!.Select(n => n.GetProperty("title").GetString()!).Order().ToList();
}
