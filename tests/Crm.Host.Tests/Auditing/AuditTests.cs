using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Auditing;

public sealed class AuditTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task EveryWriteThroughAModuleContextIsRecordedWithWhoAndWhat(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var id = await admin.CreateNoteAsync("Discount 5%");

        var history = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/audit/notes_items/{id}");
        var title = Assert.Single(history!, h => h.GetProperty("field").GetString() == "Title");
        Assert.Equal("Discount 5%", title.GetProperty("newValue").GetString());
        Assert.Equal("Admin", title.GetProperty("userName").GetString());
        Assert.Equal("Insert", title.GetProperty("action").GetString());
    }

    [Fact]
    public async Task SecretsNeverReachTheAudit()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        await server.AdminClientAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var fields = await db.Audit.Where(a => a.Entity == "core_users").Select(a => a.Field).ToListAsync();
        Assert.Contains("Email", fields);
        Assert.DoesNotContain("PasswordHash", fields);
        Assert.DoesNotContain("SecurityStamp", fields);
    }
}
