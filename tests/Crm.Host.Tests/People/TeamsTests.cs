using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.People;

public sealed class TeamsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<string> IdOfAsync(CrmTestServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    static async Task<List<string>> CompanyNamesAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/companies")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).Order().ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorMakesATeamAndItsHeadSeesExactlyItsMembersCompaniesFromTheNextRequest(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var hannaEmail = await server.CreateUserAsync(CrmRoles.HeadOfSales, name: "Hanna");
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var borisEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris");
        var south = await CreateTeamAsync(server, "South");
        var pavelEmail = await server.CreateUserAsync(CrmRoles.SalesManager, south, "Pavel");
        var hanna = await server.SignInAsync(hannaEmail);
        var hannaApi = await server.TokenClientAsync(hannaEmail);
        (await (await server.TokenClientAsync(annaEmail)).PostAsJsonAsync("/api/v1/companies", new { name = "Romashka" })).EnsureSuccessStatusCode();
        (await (await server.TokenClientAsync(borisEmail)).PostAsJsonAsync("/api/v1/companies", new { name = "Vasilek" })).EnsureSuccessStatusCode();
        (await (await server.TokenClientAsync(pavelEmail)).PostAsJsonAsync("/api/v1/companies", new { name = "Southern Star" })).EnsureSuccessStatusCode();
        Assert.Empty(await CompanyNamesAsync(hannaApi));

        var hannaId = await IdOfAsync(server, hannaEmail);
        var annaId = await IdOfAsync(server, annaEmail);
        var borisId = await IdOfAsync(server, borisEmail);
        var north = await admin.CreateAsync("/api/v1/teams", new { name = "North", headIds = new[] { hannaId }, memberIds = new[] { annaId, borisId } });

        // Hanna leads North without belonging to it; her already open session and token see its companies at once.
        Assert.Equal(["Romashka", "Vasilek"], await CompanyNamesAsync(hannaApi));
        Assert.Equal(["Romashka", "Vasilek"], await CompanyNamesAsync(hanna));
        var page = await hanna.GetStringAsync("/Companies");
        Assert.Contains("Romashka", page);
        Assert.Contains("Vasilek", page);
        Assert.DoesNotContain("Southern Star", page);

        var teams = await admin.GetFromJsonAsync<JsonElement>("/api/v1/teams");
        var row = teams.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == north);
        Assert.Equal("North", row.GetProperty("name").GetString());
        Assert.Equal(["Hanna"], row.GetProperty("heads").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(2, row.GetProperty("memberCount").GetInt32());
        var one = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/teams/{north}");
        Assert.Equal(["Anna", "Boris"], one.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));

        // Boris moves out: from the next request Hanna no longer sees his company.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{north}",
            new { name = "North-West", headIds = new[] { hannaId }, memberIds = new[] { annaId } })).StatusCode);
        Assert.Equal(["Romashka"], await CompanyNamesAsync(hannaApi));
        Assert.Equal("North-West", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/teams/{north}")).GetProperty("name").GetString());

        // A team with members is not deleted; emptied, it is, and its head's scope goes with it.
        var refused = await admin.DeleteAsync($"/api/v1/teams/{north}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("still has members", (await refused.JsonAsync()).GetProperty("errors").GetProperty("memberIds")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{north}",
            new { name = "North-West", memberIds = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{north}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/teams/{north}")).StatusCode);
        Assert.Empty(await CompanyNamesAsync(hannaApi));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AHeadSeesTheTeamsSheLeadsAndHerOwn(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var north = await CreateTeamAsync(server, "North");
        var south = await CreateTeamAsync(server, "South");
        var east = await CreateTeamAsync(server, "East");
        var olgaEmail = await server.CreateUserAsync(CrmRoles.HeadOfSales, south, "Olga");
        foreach (var (team, company) in new[] { (north, "Northern"), (south, "Southern"), (east, "Eastern") })
            (await (await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, team))).PostAsJsonAsync("/api/v1/companies",
                new { name = company })).EnsureSuccessStatusCode();
        var olga = await server.TokenClientAsync(olgaEmail);
        Assert.Equal(["Southern"], await CompanyNamesAsync(olga));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{north}",
            new { name = "North", headIds = new[] { await IdOfAsync(server, olgaEmail) } })).StatusCode);
        Assert.Equal(["Northern", "Southern"], await CompanyNamesAsync(olga));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TeamsAreMadeInTheBrowserAndBadInputNamesTheField(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var headEmail = await server.CreateUserAsync(CrmRoles.HeadOfSales, name: "Hanna");
        var annaId = await IdOfAsync(server, await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        var borisId = await IdOfAsync(server, await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris"));
        var headId = await IdOfAsync(server, headEmail);

        var created = await admin.PostFormAsync("/Admin/Teams", new() { ["Name"] = "East" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var teamPage = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/Admin/Team/", teamPage);
        var saved = await admin.PostAsync(teamPage, new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("Name", "East"), new("HeadIds", headId), new("MemberIds", annaId), new("MemberIds", borisId),
            new("__RequestVerificationToken", CrmTestServer.AntiforgeryToken(await admin.GetStringAsync(teamPage))),
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await admin.GetStringAsync("/Admin/Teams");
        Assert.Contains("East", list);
        Assert.Contains("Hanna", list);
        Assert.Matches("<td>2</td>", list);
        var team = await server.TokenClientAsync(headEmail);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync("/api/v1/companies")).StatusCode);

        // Deleting asks first; a team with members is refused with the reason on the page.
        Assert.Contains("Delete the team East?", await admin.GetStringAsync(teamPage + "?confirmDelete=true"));
        var refused = await admin.PostFormAsync(teamPage + "?handler=Delete", new(), tokenFrom: teamPage + "?confirmDelete=true");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("still has members", await refused.Content.ReadAsStringAsync());

        var empty = await admin.PostAsJsonAsync("/api/v1/teams", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        var taken = await admin.PostAsJsonAsync("/api/v1/teams", new { name = "east" });
        Assert.Equal("A team with this name exists.", (await taken.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        var unknown = await admin.PostAsJsonAsync("/api/v1/teams", new { name = "West", headIds = new[] { "nobody" } });
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("headIds", out _));
        var nulls = await admin.PostAsJsonAsync("/api/v1/teams", new { name = "West", memberIds = new string?[] { null } });
        Assert.Equal(HttpStatusCode.BadRequest, nulls.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/teams/9999", new { name = "X" })).StatusCode);

        // Only those who manage users make teams.
        var manager = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/teams", new { name = "Mine" })).StatusCode);
        Assert.StartsWith("/Account/Denied", (await manager.GetAsync("/Admin/Teams")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/Account/Denied", (await manager.GetAsync(teamPage)).Headers.Location!.PathAndQuery);
    }
}
