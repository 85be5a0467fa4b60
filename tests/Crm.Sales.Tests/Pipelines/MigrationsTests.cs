using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Pipelines;

public sealed class MigrationsTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task TheModuleMigratesFromEmptyToExactlyItsModel(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        await using var scope = Server.Services.CreateAsyncScope();
        Assert.Empty(await SchemaCheck.CompareAsync(SalesDb(scope.ServiceProvider)));
    }
}
