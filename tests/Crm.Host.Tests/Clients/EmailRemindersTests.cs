using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Crm.Host.Tests.Clients;

public sealed class EmailRemindersTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    Task<CrmTestServer> StartWithSmtpAsync(TestDatabaseKind database, int port, string? publicUrl = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Crm:RunJobsInBackground"] = "false",
            ["Crm:Smtp:Host"] = "127.0.0.1", ["Crm:Smtp:Port"] = port.ToString(), ["Crm:Smtp:Security"] = "None",
            ["Crm:Smtp:From"] = "crm@example.test", ["Crm:Smtp:TimeoutSeconds"] = "5",
        };
        if (publicUrl != null) settings["Crm:PublicUrl"] = publicUrl;
        return StartAsync(database, new CrmTestOptions { ModulesDirectory = ModulesWith(), Settings = settings });
    }

    static MimeMessage MailTo(LoopbackSmtpServer smtp, string email) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(smtp.Messages, m => m.Recipients.Contains(email)).Data)));

    /// <summary>The one absolute http(s) address in a text.</summary>
    static Uri LinkIn(string? text) =>
        new(Assert.Single(System.Text.RegularExpressions.Regex.Matches(text ?? "", @"https?://\S+")).Value);

    static async Task SpeaksRussianAsync(CrmTestServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.Culture = "ru";
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the reminders job as the scheduler would, letting any exception out (the scheduler would only log it).</summary>
    static async Task<bool> RunRemindersAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Crm.Host.Clients.TaskReminders>().RunAsync(CancellationToken.None);
        return true;
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AReminderIsAlsoEmailedToTheAssigneeInTheirLanguage(TestDatabaseKind database)
    {
        await using var smtp = new LoopbackSmtpServer();
        var server = await StartWithSmtpAsync(database, smtp.Port);
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var borisEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris");
        await SpeaksRussianAsync(server, borisEmail);
        var anna = await server.TokenClientAsync(annaEmail);
        var boris = await server.TokenClientAsync(borisEmail);
        var company = await boris.CreateAsync("/api/v1/companies", new { name = "Ромашка" });
        await anna.CreateAsync("/api/v1/tasks", new { title = "Call Ivanov back", dueAtUtc = DateTime.UtcNow.AddHours(1), remindAtUtc = DateTime.UtcNow.AddMinutes(-1) });
        await boris.CreateAsync("/api/v1/tasks", new { title = "Отправить договор", dueAtUtc = DateTime.UtcNow.AddHours(2), remindAtUtc = DateTime.UtcNow.AddMinutes(-1), companyId = company });
        await anna.CreateAsync("/api/v1/tasks", new { title = "Not yet", dueAtUtc = DateTime.UtcNow.AddDays(2), remindAtUtc = DateTime.UtcNow.AddDays(1) });

        Assert.True(await RunRemindersAsync(server));

        Assert.Equal(2, smtp.Messages.Count);
        var english = Assert.Single(smtp.Messages, m => m.Recipients.Contains(annaEmail));
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(english.Data)));
        Assert.Equal([annaEmail], english.Recipients);
        Assert.Equal("Reminder: Call Ivanov back", mail.Subject);
        Assert.Contains("Your task \"Call Ivanov back\" is due", mail.TextBody);
        Assert.Equal("crm@example.test", mail.From.Mailboxes.Single().Address);

        var russian = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(smtp.Messages, m => m.Recipients.Contains(borisEmail)).Data)));
        Assert.Equal("Напоминание: Отправить договор", russian.Subject);
        Assert.Contains("Срок задачи «Отправить договор»", russian.TextBody);
        Assert.Contains("Клиент: Ромашка", russian.TextBody);
        Assert.DoesNotContain("http", mail.TextBody + russian.TextBody); // no public URL configured: no links

        // Once only, and the in-app reminders are there too.
        Assert.True(await RunRemindersAsync(server));
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Single((await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications"))!);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task WithAPublicUrlTheReminderLinksToTheClientCardOrMyDay(TestDatabaseKind database)
    {
        await using var smtp = new LoopbackSmtpServer();
        var server = await StartWithSmtpAsync(database, smtp.Port, publicUrl: "https://crm.example.test/");
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna");
        var borisEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris");
        var veraEmail = await server.CreateUserAsync(CrmRoles.SalesManager, name: "Vera");
        await SpeaksRussianAsync(server, borisEmail);
        var anna = await server.TokenClientAsync(annaEmail);
        var boris = await server.TokenClientAsync(borisEmail);
        var vera = await server.TokenClientAsync(veraEmail);
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var contact = await boris.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", lastName = "Petrov" });
        var soon = new { dueAtUtc = DateTime.UtcNow.AddHours(1), remindAtUtc = DateTime.UtcNow.AddMinutes(-1) };
        await anna.CreateAsync("/api/v1/tasks", new { title = "Send the contract", soon.dueAtUtc, soon.remindAtUtc, companyId = company });
        await boris.CreateAsync("/api/v1/tasks", new { title = "Позвонить Ивану", soon.dueAtUtc, soon.remindAtUtc, contactId = contact });
        await vera.CreateAsync("/api/v1/tasks", new { title = "Plan the week", soon.dueAtUtc, soon.remindAtUtc });

        Assert.True(await RunRemindersAsync(server));

        Assert.Equal(3, smtp.Messages.Count);
        var english = MailTo(smtp, annaEmail).TextBody;
        Assert.Contains($"Open in the CRM: https://crm.example.test/Companies/{company}", english);
        var link = LinkIn(english);
        Assert.Equal(("https", "crm.example.test", $"/Companies/{company}"), (link.Scheme, link.Host, link.AbsolutePath));
        var russian = MailTo(smtp, borisEmail).TextBody;
        Assert.Contains("Открыть в CRM: ", russian);
        Assert.Equal(("crm.example.test", $"/Contacts/{contact}"), (LinkIn(russian).Host, LinkIn(russian).AbsolutePath));
        Assert.Equal("/MyDay", LinkIn(MailTo(smtp, veraEmail).TextBody).AbsolutePath);

        // The link opens the card the email names.
        var page = await (await server.SignInAsync(annaEmail)).GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Romashka", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APublicUrlUnderAPathKeepsItsPath()
    {
        await using var smtp = new LoopbackSmtpServer();
        var server = await StartWithSmtpAsync(TestDatabaseKind.Sqlite, smtp.Port, publicUrl: "http://intranet.example.test:8080/crm");
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        await anna.CreateAsync("/api/v1/tasks", new { title = "Plan the week", dueAtUtc = DateTime.UtcNow.AddHours(1), remindAtUtc = DateTime.UtcNow.AddMinutes(-1) });
        Assert.True(await RunRemindersAsync(server));
        Assert.Equal(new Uri("http://intranet.example.test:8080/crm/MyDay"), LinkIn(MailTo(smtp, email).TextBody));
    }

    [Theory]
    [InlineData("crm.example.com")]
    [InlineData("/crm")]
    [InlineData("ftp://crm.example.com/")]
    [InlineData("https://crm.example.com/?tab=1")]
    public async Task APublicUrlThatIsNotAnAbsoluteWebAddressStopsTheStartSayingWhy(string publicUrl)
    {
        var failed = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StartAsync(TestDatabaseKind.Sqlite,
            new CrmTestOptions { ModulesDirectory = ModulesWith(), Settings = new Dictionary<string, string> { ["Crm:PublicUrl"] = publicUrl } }));
        Assert.Contains("Crm:PublicUrl must be the absolute http or https address", failed.Message);
        Assert.Contains(publicUrl, failed.Message);
    }

    [Fact]
    public async Task AMailServerThatIsDownLosesNoInAppReminder()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        var server = await StartWithSmtpAsync(TestDatabaseKind.Sqlite, port);
        var email = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.TokenClientAsync(email);
        await anna.CreateAsync("/api/v1/tasks", new { title = "Call Ivanov back", dueAtUtc = DateTime.UtcNow.AddHours(1), remindAtUtc = DateTime.UtcNow.AddMinutes(-1) });

        Assert.True(await RunRemindersAsync(server));
        Assert.Equal("Call Ivanov back", Assert.Single((await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications"))!).GetProperty("title").GetString());
        Assert.True(await RunRemindersAsync(server));
        Assert.Single((await anna.GetFromJsonAsync<List<JsonElement>>("/api/v1/notifications"))!); // marked reminded, not repeated
    }

    [Fact]
    public async Task ModulesSendMailThroughTheSdkContract()
    {
        await using var smtp = new LoopbackSmtpServer();
        var server = await StartWithSmtpAsync(TestDatabaseKind.Sqlite, smtp.Port);
        await using var scope = server.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<Crm.Sdk.Notifications.IEmailSender>();
        Assert.True(sender.IsConfigured);
        Assert.True(await sender.SendAsync(new("client@example.test", "Your invoice", "Please find it attached."), CancellationToken.None));
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(smtp.Messages).Data)));
        Assert.Equal("Your invoice", mail.Subject);
        Assert.Equal("Please find it attached.", mail.TextBody?.Trim());
    }
}
