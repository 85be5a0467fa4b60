using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Modules;

/// <summary>The host's and a module's migrations, applied from empty, create exactly what their EF models expect.</summary>
public sealed class MigrationsMatchTheModelTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task MigrationsFromEmptyMatchTheModels(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        await using var scope = server.Services.CreateAsyncScope();
        var core = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        Assert.Empty(await SchemaCheck.CompareAsync(core));

        var notesContext = (DbContext)scope.ServiceProvider.GetRequiredService(
            server.Services.GetRequiredService<Crm.Host.Modules.ModuleCatalog>().Find("notes")!.Assembly!
                .GetType("Crm.TestModules.Notes.Data.NotesDbContext")!);
        Assert.Empty(await SchemaCheck.CompareAsync(notesContext));
    }

    [Fact]
    public async Task TheCheckSeesAColumnThatTheMigrationsForgot()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        await using var scope = server.Services.CreateAsyncScope();
        var core = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        await core.Database.ExecuteSqlRawAsync("ALTER TABLE core_teams RENAME COLUMN Name TO Title");
        Assert.Contains("core_teams.Name: column is missing", await SchemaCheck.CompareAsync(core));
    }
}
