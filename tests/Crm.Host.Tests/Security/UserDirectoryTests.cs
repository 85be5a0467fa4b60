using Crm.Host.Data;
using Crm.Host.Tests.Support;
using Crm.Sdk.Data;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Security;

/// <summary>
/// The staff that modules name on every page come from memory (the reference cache), yet every change saved through the
/// host shows at once, also one saved in a transaction that someone read around before it committed.
/// </summary>
public sealed class UserDirectoryTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ChangesToTheStaffShowAtOnceAndWritesAroundTheHostWhenTold(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        Assert.DoesNotContain(await UsersAsync(server), u => u.Name == "Vera");

        await server.CreateUserAsync(CrmRoles.SalesManager, name: "Vera");
        var vera = Assert.Single(await UsersAsync(server), u => u.Name == "Vera");
        Assert.Equal([CrmRoles.SalesManager], vera.Roles);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Crm.Host.Data.Entities.CrmUser>>();
            Assert.True((await accounts.AddToRoleAsync((await accounts.FindByIdAsync(vera.Id))!, CrmRoles.HeadOfSales)).Succeeded);
        }
        Assert.Equal([CrmRoles.HeadOfSales, CrmRoles.SalesManager], (await FindAsync(server, vera.Id)).Roles.Order());

        // Renamed in a transaction: a reader between the save and the commit loads the old name, which must not stay.
        await using (var writer = server.Services.CreateAsyncScope())
        {
            var db = writer.ServiceProvider.GetRequiredService<CoreDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Users.SingleAsync(u => u.Id == vera.Id)).DisplayName = "Vera Petrova";
            await db.SaveChangesAsync();
            Assert.Equal("Vera", (await FindAsync(server, vera.Id)).Name);
            await transaction.CommitAsync();
        }
        Assert.Equal("Vera Petrova", (await FindAsync(server, vera.Id)).Name);

        // A bulk update goes around the change tracker: memory keeps the old name until the writer says what changed.
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Users.Where(u => u.Id == vera.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "V. Petrova"));
        Assert.Equal("Vera Petrova", (await FindAsync(server, vera.Id)).Name);
        server.Services.GetRequiredService<IReferenceCache>().Changed(typeof(Crm.Host.Data.Entities.CrmUser));
        Assert.Equal("V. Petrova", (await FindAsync(server, vera.Id)).Name);
    }

    static async Task<IReadOnlyList<UserSummary>> UsersAsync(CrmTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserDirectory>().UsersAsync(CancellationToken.None);
    }

    static async Task<UserSummary> FindAsync(CrmTestServer server, string id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindAsync([id], CancellationToken.None))[id];
    }
}
