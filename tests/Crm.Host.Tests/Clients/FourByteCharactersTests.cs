using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

/// <summary>
/// Emoji and other characters outside the Basic Multilingual Plane are kept in every text field of the client base, also on a
/// MariaDB database whose default character set is utf8mb3, where they used to fail with "Incorrect string value".
/// </summary>
public sealed class FourByteCharactersTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    /// <summary>A house (U+1F3E0) and a mathematical fraktur U (U+1D518) take four bytes in UTF-8; Cyrillic and Chinese for company.</summary>
    const string Text = "🏠 Дом 𝔘 中文";

    async Task<CrmTestServer> StartOnUtf8Mb3Async(TestDatabaseKind database) =>
        await StartAsync(database, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(),
            MySqlConnectionString = database == TestDatabaseKind.MariaDb ? await MariaDb.CreateDatabaseAsync("utf8mb3") : null,
        });

    [Theory, MemberData(nameof(Databases))]
    public async Task EveryTextFieldOfCompaniesContactsActivitiesTasksAndTagsKeepsThem(TestDatabaseKind database)
    {
        var server = await StartOnUtf8Mb3Async(database);
        await using (var check = server.Services.CreateAsyncScope())
            Assert.Empty(await SchemaCheck.CompareAsync(check.ServiceProvider.GetRequiredService<CoreDbContext>()));
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var company = await api.CreateAsync("/api/v1/companies", new
        {
            name = Text, legalName = Text, industry = Text, territory = Text, address = Text, tags = new[] { Text },
        });
        var contact = await api.CreateAsync("/api/v1/contacts", new
        {
            firstName = Text, lastName = Text, position = Text, messenger = Text, notes = Text, tags = new[] { Text },
        });
        await api.CreateAsync("/api/v1/activities", new { kind = "Call", subject = Text, body = Text, outcome = Text, companyId = company });
        await api.CreateAsync("/api/v1/tasks", new { title = Text, dueAtUtc = DateTime.UtcNow.AddDays(1), notes = Text, companyId = company });

        var companyJson = await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company}");
        foreach (var field in new[] { "name", "legalName", "industry", "territory", "address" })
            Assert.Equal(Text, companyJson.GetProperty(field).GetString());
        Assert.Equal([Text], companyJson.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var contactJson = await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        foreach (var field in new[] { "firstName", "lastName", "position", "messenger", "notes" })
            Assert.Equal(Text, contactJson.GetProperty("contact").GetProperty(field).GetString());
        Assert.Equal([Text], contactJson.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var timeline = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/companies/{company}/timeline");
        Assert.Contains(timeline!, e => e.GetProperty("title").GetString()?.Contains(Text) == true);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.CompanyId == company);
        Assert.All(new[] { activity.Subject, activity.Body, activity.Outcome }, value => Assert.Equal(Text, value));
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.CompanyId == company);
        Assert.All(new[] { task.Title, task.Notes }, value => Assert.Equal(Text, value));
        Assert.Equal([Text], await db.Tags.Select(t => t.Name).ToListAsync());
    }

    [Fact]
    public async Task AnInstallationWhoseTablesWereCreatedUtf8Mb3IsConvertedByItsMigration()
    {
        var server = await StartOnUtf8Mb3Async(TestDatabaseKind.MariaDb);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        // As the tables were before this version: created in the database's utf8mb3 default.
        await db.Database.ExecuteSqlRawAsync("SET foreign_key_checks = 0");
        foreach (var table in new[] { "core_companies", "core_tags", "core_audit" })
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb3");
        await db.Database.ExecuteSqlRawAsync("SET foreign_key_checks = 1");
        Assert.Contains("core_companies.Name: character set utf8mb3, not utf8mb4", await SchemaCheck.CompareAsync(db));

        await db.Database.ExecuteSqlRawAsync("DELETE FROM core_schema_versions WHERE Version = 36");
        server.Services.GetRequiredService<SchemaMigrator>().MigrateUp("core", typeof(CoreDbContext).Assembly);

        Assert.Empty(await SchemaCheck.CompareAsync(db));
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await api.CreateAsync("/api/v1/companies", new { name = Text, tags = new[] { Text } });
        Assert.Equal(Text, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company}")).GetProperty("name").GetString());
    }
}
