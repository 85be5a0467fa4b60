using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Jobs;
using Crm.Host.Modules;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Jobs;

public sealed class EventsAndJobsTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ADomainEventReachesItsHandlerAfterTheCommit(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var manager = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var id = await manager.CreateNoteAsync("Send the price list");

        var notifications = await manager.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications");
        var notification = Assert.Single(notifications!);
        Assert.Equal("Note: Send the price list", notification.GetProperty("title").GetString());
        Assert.Equal($"/api/v1/notes/{id}", notification.GetProperty("link").GetString());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARecurringJobRunsOnceAndNotAgainBeforeItsInterval(TestDatabaseKind database)
    {
        var options = await RestartableOptionsAsync(database, ModulesWith("notes", "reminders"));
        var server = await StartAsync(database, options with
        {
            EnableModules = ["reminders"],
            Settings = new Dictionary<string, string> { ["Crm:RunJobsInBackground"] = "false" },
        });
        var admin = await server.AdminClientAsync();
        string adminId;
        await using (var scope = server.Services.CreateAsyncScope())
            adminId = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Select(u => u.Id).SingleAsync();
        var configuration = server.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        configuration["Modules:reminders:UserId"] = adminId;

        var scheduler = server.Services.GetRequiredService<JobScheduler>();
        var job = server.Services.GetRequiredService<ModuleCatalog>().Find("reminders")!.Assembly!.GetType("Crm.TestModules.Reminders.RemindEveryone")!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/reminders/disable", null)).StatusCode);
        Assert.False(await scheduler.RunIfDueAsync(job, CancellationToken.None)); // a disabled module's job does not run
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PostAsync("/api/v1/modules/reminders/enable", null)).StatusCode);
        var ranNow = await scheduler.RunIfDueAsync(job, CancellationToken.None);
        var ranAgain = await scheduler.RunIfDueAsync(job, CancellationToken.None);

        Assert.True(ranNow);
        Assert.False(ranAgain);
        var reminders = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications"))!
            .Where(n => n.GetProperty("title").GetString() == "Reminder").ToList();
        Assert.Single(reminders);
    }
}
