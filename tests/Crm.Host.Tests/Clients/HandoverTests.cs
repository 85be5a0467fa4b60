using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class HandoverTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ALeaversClientsTasksAndModuleRecordsAllMoveAndTheReportListsThem(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var leoEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Leo");
        var leo = await server.TokenClientAsync(leoEmail);
        await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris");
        string Id(string name)
        {
            using var scope = server.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Single(u => u.DisplayName == name).Id;
        }
        var (leoId, annaId, borisId) = (Id("Leo"), Id("Anna"), Id("Boris"));

        var alpha = await leo.CreateAsync("/api/v1/companies", new { name = "Alpha" });
        var bravo = await leo.CreateAsync("/api/v1/companies", new { name = "Bravo" });
        var charlie = await leo.CreateAsync("/api/v1/companies", new { name = "Charlie" });
        await leo.CreateAsync("/api/v1/contacts", new { firstName = "Boris's new contact", companies = new[] { new { companyId = bravo } } });
        await leo.CreateAsync("/api/v1/contacts", new { firstName = "Loner" });
        await leo.CreateAsync("/api/v1/tasks", new { title = "Call Alpha", dueAtUtc = DateTime.UtcNow.AddDays(1), companyId = alpha });
        await leo.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "First call", companyId = alpha });
        await leo.CreateAsync("/api/v1/notes", new { title = "Charlie's director", companyId = charlie });

        var refused = await admin.PostAsJsonAsync($"/api/v1/users/{leoId}/handover", new { successorIds = new[] { leoId } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{leoId}/handover", new { successorIds = new[] { annaId, borisId } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (Kind: i.GetProperty("kind").GetString(), Title: i.GetProperty("title").GetString(), To: i.GetProperty("toUserId").GetString()))
            .ToList();
        Assert.Equal(
            [("Company", "Alpha", annaId), ("Company", "Bravo", borisId), ("Company", "Charlie", annaId),
             ("Contact", "Boris's new contact", borisId), ("Contact", "Loner", annaId), ("Task", "Call Alpha", annaId),
             ("Note", "Charlie's director", annaId)],
            items.OrderBy(i => i.Kind switch { "Company" => 0, "Contact" => 1, "Task" => 2, _ => 3 }).ThenBy(i => i.Title).ToList());

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            Assert.False(await db.Companies.AnyAsync(c => c.OwnerId == leoId));
            Assert.False(await db.Contacts.AnyAsync(c => c.OwnerId == leoId));
            Assert.False(await db.Tasks.AnyAsync(t => t.AssigneeId == leoId && t.DoneAtUtc == null));
            Assert.True(await db.Activities.AnyAsync(a => a.OwnerId == leoId)); // history still says who did what
        }
        Assert.DoesNotContain(leoId, await admin.GetStringAsync("/api/v1/notes"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await leo.GetAsync("/api/v1/companies")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignInAsync(leoEmail));
        Assert.Contains("<td>Leo</td>", await admin.GetStringAsync($"/Companies/{alpha}")); // the change history keeps the leaver's name
    }
}
