using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.People;

public sealed class UserAdministrationTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<string> IdOfAsync(CrmTestServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    static async Task<string> FirstErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADeactivatedUserIsRefusedAtSignInWithAnOldCookieAndAnOldTokenAndReactivatedWorksAgain(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var email = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var id = await IdOfAsync(server, email);
        var cookie = await server.SignInAsync(email);
        var token = await server.TokenClientAsync(email);
        var company = await token.CreateAsync("/api/v1/companies", new { name = "Romashka" });

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/companies")).StatusCode);
        Assert.StartsWith("/Account/Login", (await cookie.GetAsync("/Companies")).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/companies")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignInAsync(email));

        // She keeps her clients until a handover, and the list says she is deactivated.
        Assert.Equal(id, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company}")).GetProperty("ownerId").GetString());
        var deactivated = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?state=deactivated");
        Assert.Equal([id], deactivated.EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.DoesNotContain(id, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?state=active")).EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        var list = await admin.GetStringAsync("/Admin/Users?State=deactivated");
        Assert.Contains("Anna", list);
        Assert.Contains("Deactivated", list);

        var reactivated = await admin.PostFormAsync($"/Admin/User/{id}?handler=Reactivate", new(), tokenFrom: $"/Admin/User/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/companies")).StatusCode);
        var again = await server.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/companies")).StatusCode);

        // The page deactivates as the API does.
        var closed = await admin.PostFormAsync($"/Admin/User/{id}?handler=Deactivate", new(), tokenFrom: $"/Admin/User/{id}");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/v1/companies")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheLastActiveAdministratorIsNeitherDemotedNorDeactivated(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var adminId = await IdOfAsync(server, CrmTestServer.AdminEmail);

        Assert.Equal("This is the last active administrator: make someone else an administrator first.", await FirstErrorAsync(
            await admin.PutAsJsonAsync($"/api/v1/users/{adminId}", new { name = "Admin", email = CrmTestServer.AdminEmail, role = CrmRoles.SalesManager }), "role"));
        Assert.Equal("You cannot deactivate yourself.", await FirstErrorAsync(await admin.PostAsync($"/api/v1/users/{adminId}/deactivate", null), "id"));

        // Another administrator cannot deactivate the last active one either, once the first is gone.
        var secondEmail = await server.CreateUserAsync(CrmRoles.Administrator, name: "Second");
        var second = await server.TokenClientAsync(secondEmail);
        var secondId = await IdOfAsync(server, secondEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync($"/api/v1/users/{adminId}/deactivate", null)).StatusCode);
        Assert.Equal("This is the last active administrator: make someone else an administrator first.", await FirstErrorAsync(
            await second.PutAsJsonAsync($"/api/v1/users/{secondId}", new { name = "Second", email = secondEmail, role = CrmRoles.HeadOfSales }), "role"));
        var page = await second.GetAsync($"/Admin/User/{secondId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync($"/api/v1/users/{adminId}/reactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.PutAsJsonAsync($"/api/v1/users/{secondId}",
            new { name = "Second", email = secondEmail, role = CrmRoles.HeadOfSales })).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AUserManagerWhoIsNotAnAdministratorCannotRaiseAnyonesRights(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var headRole = await db.Roles.SingleAsync(r => r.Name == CrmRoles.HeadOfSales);
            db.RoleClaims.Add(new() { RoleId = headRole.Id, ClaimType = Crm.Host.Security.RoleSeeder.PermissionClaim, ClaimValue = "core.users.manage" });
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<Crm.Host.Security.UserAccessCache>().Invalidate();
        }
        var headEmail = await server.CreateUserAsync(CrmRoles.HeadOfSales, name: "Hanna");
        var headId = await IdOfAsync(server, headEmail);
        var head = await server.SignInAsync(headEmail);
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var annaId = await IdOfAsync(server, annaEmail);
        var adminId = await IdOfAsync(server, CrmTestServer.AdminEmail);

        Assert.Equal("Only an administrator can make another administrator.", await FirstErrorAsync(
            await head.PutAsJsonAsync($"/api/v1/users/{annaId}", new { name = "Anna", email = annaEmail, role = CrmRoles.Administrator }), "role"));
        Assert.Equal("Only an administrator can make another administrator.", await FirstErrorAsync(
            await head.PutAsJsonAsync($"/api/v1/users/{headId}", new { name = "Hanna", email = headEmail, role = CrmRoles.Administrator }), "role"));
        Assert.Equal("You cannot change your own role.", await FirstErrorAsync(
            await head.PutAsJsonAsync($"/api/v1/users/{headId}", new { name = "Hanna", email = headEmail, role = CrmRoles.Marketer }), "role"));
        // Nor take over an administrator's account by a new password, nor lock them out.
        Assert.Equal("Only an administrator can change an administrator's account.", await FirstErrorAsync(
            await head.PostAsJsonAsync($"/api/v1/users/{adminId}/password", new { password = "new-passw0rd" }), "id"));
        Assert.Equal("Only an administrator can change an administrator's account.", await FirstErrorAsync(
            await head.PostAsync($"/api/v1/users/{adminId}/deactivate", null), "id"));
        var form = await head.PostFormAsync($"/Admin/User/{annaId}", new()
        {
            ["Input.Name"] = "Anna", ["Input.Email"] = annaEmail, ["Input.Role"] = CrmRoles.Administrator,
        });
        Assert.Contains("Only an administrator can make another administrator.", await form.Content.ReadAsStringAsync());

        // What she may do: change others' details within her rights, and keep her own role.
        Assert.Equal(HttpStatusCode.NoContent, (await head.PutAsJsonAsync($"/api/v1/users/{annaId}",
            new { name = "Anna K.", email = annaEmail, role = CrmRoles.Marketer })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await head.PutAsJsonAsync($"/api/v1/users/{headId}",
            new { name = "Hanna", email = headEmail, role = CrmRoles.HeadOfSales })).StatusCode);
        var anna = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{annaId}");
        Assert.Equal("Anna K.", anna.GetProperty("name").GetString());
        Assert.Equal([CrmRoles.Marketer], anna.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(CrmRoles.Administrator, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{headId}"))
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var manager = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/users/{annaId}/deactivate", null)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorFindsEditsAndSetsAPasswordAndBadInputNamesTheField(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var north = await CreateTeamAsync(server, "North");
        var south = await CreateTeamAsync(server, "South");
        var olgaEmail = await server.CreateUserAsync(CrmRoles.SalesManager, north, "Ольга Петрова");
        var olgaId = await IdOfAsync(server, olgaEmail);
        await server.CreateUserAsync(CrmRoles.Marketer, south, "Mark");

        static async Task<List<string>> NamesAsync(HttpClient client, string query) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/users" + query)).EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();
        Assert.Equal(["Ольга Петрова"], await NamesAsync(admin, "?search=ольга"));
        Assert.Equal(["Ольга Петрова"], await NamesAsync(admin, "?search=" + olgaEmail[..6].ToUpperInvariant()));
        Assert.Equal(["Mark"], await NamesAsync(admin, $"?role={CrmRoles.Marketer}"));
        Assert.Equal(["Ольга Петрова"], await NamesAsync(admin, $"?teamId={north}&state=active"));
        Assert.Contains("Ольга Петрова", await admin.GetStringAsync("/Admin/Users?Search=%D0%BE%D0%BB%D1%8C%D0%B3%D0%B0"));
        Assert.DoesNotContain(">Mark<", await admin.GetStringAsync("/Admin/Users?Search=%D0%BE%D0%BB%D1%8C%D0%B3%D0%B0"));
        var created = await admin.PostFormAsync("/Admin/Users", new()
        {
            ["Input.Name"] = "Nina", ["Input.Email"] = "nina@example.test", ["Input.Password"] = "passw0rd-long",
            ["Input.Role"] = CrmRoles.SalesManager, ["Input.TeamId"] = south.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(["Mark", "Nina"], (await NamesAsync(admin, $"?teamId={south}")).Order());
        Assert.Equal("Choose active or deactivated.", await FirstErrorAsync(await admin.GetAsync("/api/v1/users?state=gone"), "state"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/users?teamId=999")).StatusCode);

        var edited = await admin.PostFormAsync($"/Admin/User/{olgaId}", new()
        {
            ["Input.Name"] = "Olga Petrova", ["Input.Email"] = "olga@example.test", ["Input.Role"] = CrmRoles.HeadOfSales, ["Input.TeamId"] = south.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var olga = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{olgaId}");
        Assert.Equal("olga@example.test", olga.GetProperty("email").GetString());
        Assert.Equal(south, olga.GetProperty("teamId").GetInt32());
        Assert.Equal("South", olga.GetProperty("teamName").GetString());
        Assert.Equal([CrmRoles.HeadOfSales], olga.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await server.SignInAsync("olga@example.test"); // the email is the sign-in name

        Assert.Equal("This is not an email address.", await FirstErrorAsync(
            await admin.PutAsJsonAsync($"/api/v1/users/{olgaId}", new { name = "Olga", email = "nope", role = CrmRoles.HeadOfSales }), "email"));
        Assert.Equal("This email is already taken.", await FirstErrorAsync(
            await admin.PutAsJsonAsync($"/api/v1/users/{olgaId}", new { name = "Olga", email = CrmTestServer.AdminEmail, role = CrmRoles.HeadOfSales }), "email"));
        Assert.Equal("Choose a role from the list.", await FirstErrorAsync(
            await admin.PutAsJsonAsync($"/api/v1/users/{olgaId}", new { name = "Olga", email = "olga@example.test", role = "Boss" }), "role"));
        Assert.Equal("Choose a team from the list.", await FirstErrorAsync(
            await admin.PutAsJsonAsync($"/api/v1/users/{olgaId}", new { name = "Olga", email = "olga@example.test", role = CrmRoles.HeadOfSales, teamId = 999 }), "teamId"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/users/{olgaId}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/users/nobody", new { name = "X", email = "x@example.test", role = "SalesManager" })).StatusCode);

        Assert.Equal("The password must be at least 8 characters.", await FirstErrorAsync(
            await admin.PostAsJsonAsync($"/api/v1/users/{olgaId}/password", new { password = "short1" }), "password"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{olgaId}/password", new { password = "fresh-passw0rd" })).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignInAsync("olga@example.test"));
        await server.SignInAsync("olga@example.test", "fresh-passw0rd");
        var byPage = await admin.PostFormAsync($"/Admin/User/{olgaId}?handler=Password", new() { ["Password"] = "other-passw0rd" }, tokenFrom: $"/Admin/User/{olgaId}");
        Assert.Equal(HttpStatusCode.Redirect, byPage.StatusCode);
        await server.SignInAsync("olga@example.test", "other-passw0rd");
    }
}
