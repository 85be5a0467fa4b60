using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Jobs;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class ActivitiesAndTasksTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ACallLoggedOnACompanyShowsOnItsTimelineAndOthersCannotLogOnIt(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(annaEmail);
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });

        await anna.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Price list", outcome = "Wants 5% off", companyId = company });
        var timeline = await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline");
        var call = Assert.Single(timeline!);
        Assert.Equal("Call", call.GetProperty("kind").GetString());
        Assert.Equal("Wants 5% off", call.GetProperty("detail").GetString());

        var refused = await boris.PostAsJsonAsync("/api/v1/activities", new { kind = "Call", subject = "Poaching", companyId = company });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/api/v1/companies/{company}/timeline")).StatusCode);

        var browser = await server.SignInAsync(annaEmail);
        var logged = await browser.PostFormAsync($"/Companies/{company}", new() { ["kind"] = "Meeting", ["subject"] = "Contract signed", ["outcome"] = "" }, handler: "Log");
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var card = await browser.GetStringAsync($"/Companies/{company}");
        Assert.True(card.IndexOf("Contract signed") < card.IndexOf("Price list"), "the newest entry comes first");
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task MyDayShowsOverdueAndTodaysTasksAndTheHeadSeesOverdueByManager(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        await server.AdminClientAsync();
        var team = await CreateTeamAsync(server);
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager, team, name: "Anna");
        var anna = await server.TokenClientAsync(annaEmail);
        var head = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.HeadOfSales, team));
        var outsider = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Outsider"));
        var now = DateTime.UtcNow;

        var late = await anna.CreateAsync("/api/v1/tasks", new { title = "Call Ivanov back", dueAtUtc = now.AddDays(-2) });
        await anna.CreateAsync("/api/v1/tasks", new { title = "Send the contract", dueAtUtc = now.AddMinutes(1) });
        await anna.CreateAsync("/api/v1/tasks", new { title = "Next month", dueAtUtc = now.AddDays(30) });
        await outsider.CreateAsync("/api/v1/tasks", new { title = "Someone else's", dueAtUtc = now.AddDays(-1) });

        var day = await anna.GetFromJsonAsync<JsonElement>("/api/v1/my-day");
        Assert.Equal(["Call Ivanov back"], day.GetProperty("overdue").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Contains("Send the contract", day.GetProperty("overdue").EnumerateArray().Concat(day.GetProperty("today").EnumerateArray())
            .Select(t => t.GetProperty("title").GetString()));
        Assert.DoesNotContain("Next month", day.ToString());

        var byManager = await head.GetFromJsonAsync<List<JsonElement>>("/api/v1/tasks/overdue-by-manager");
        var row = Assert.Single(byManager!); // the outsider is not in the head's team
        Assert.Equal("Anna", row.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/tasks/{late}/done", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.PostAsync($"/api/v1/tasks/{late}/done", null)).StatusCode);
        Assert.DoesNotContain((await anna.GetFromJsonAsync<JsonElement>("/api/v1/my-day")).GetProperty("overdue").EnumerateArray(),
            t => t.GetProperty("title").GetString() == "Call Ivanov back");

        var refused = await anna.PostAsJsonAsync("/api/v1/tasks", new { title = "", dueAtUtc = (DateTime?)null });
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("dueAtUtc", out _));

        var page = await (await server.SignInAsync(annaEmail)).GetStringAsync("/MyDay");
        Assert.Contains("Send the contract", page);
    }

    [Fact]
    public async Task AReminderArrivesOnceWhenItsTimeComes()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(), Settings = new Dictionary<string, string> { ["Crm:RunJobsInBackground"] = "false" },
        });
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        await anna.CreateAsync("/api/v1/tasks", new { title = "Call Ivanov back", dueAtUtc = DateTime.UtcNow.AddHours(1), remindAtUtc = DateTime.UtcNow.AddMinutes(-1) });
        await anna.CreateAsync("/api/v1/tasks", new { title = "Later", dueAtUtc = DateTime.UtcNow.AddDays(2), remindAtUtc = DateTime.UtcNow.AddDays(1) });

        var scheduler = server.Services.GetRequiredService<JobScheduler>();
        Assert.True(await scheduler.RunIfDueAsync(typeof(Crm.Host.Clients.TaskReminders), CancellationToken.None));
        var notifications = await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications");
        Assert.Equal("Call Ivanov back", Assert.Single(notifications!).GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AModuleAddsItsEntriesAndAPanelToTheCompanyCardWhileEnabled(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        await anna.CreateAsync("/api/v1/notes", new { title = "Director loves fishing", companyId = company });
        await anna.CreateAsync("/api/v1/notes", new { title = "Unrelated note" });

        var timeline = await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline");
        Assert.Equal("Director loves fishing", Assert.Single(timeline!).GetProperty("title").GetString());
        var card = await (await server.SignInAsync(email)).GetStringAsync($"/Companies/{company}");
        Assert.Contains("Notes about this client", card);
        Assert.Contains("Director loves fishing", card);
        Assert.DoesNotContain("Unrelated note", card);

        await admin.PostAsync("/api/v1/modules/notes/disable", null);
        Assert.Empty((await anna.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline"))!);
        Assert.DoesNotContain("Notes about this client", await (await server.SignInAsync(email)).GetStringAsync($"/Companies/{company}"));
    }
}
