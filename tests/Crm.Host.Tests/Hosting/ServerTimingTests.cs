using System.Globalization;
using System.Text.RegularExpressions;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Crm.Sdk.Testing;

namespace Crm.Host.Tests.Hosting;

/// <summary>The timing header the benchmark reads: the whole request, and the part of it spent in database commands.</summary>
public sealed partial class ServerTimingTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task WithServerTimingOnAPageTellsItsTimeAndTheDatabasesShareOfIt(TestDatabaseKind database)
    {
        var server = await StartAsync(database, new CrmTestOptions
        {
            ModulesDirectory = ModulesWith(), Settings = new Dictionary<string, string> { ["Crm:ServerTiming"] = "true" },
        });
        var anna = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await anna.CreateAsync("/api/v1/companies", new { name = "Romashka" });

        var list = await anna.GetAsync("/Companies");
        var (app, db) = Timing(list);
        Assert.True(db > 0, $"the companies list reads the database: {db} ms");
        Assert.True(db <= app, $"the database's share ({db} ms) is part of the request ({app} ms)");

        // A static file asks nothing of the database.
        Assert.Equal(0, Timing(await anna.GetAsync("/css/site.css")).Db);
    }

    static (double App, double Db) Timing(HttpResponseMessage response)
    {
        var header = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        var match = TimingPattern().Match(header);
        Assert.True(match.Success, header);
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"app;dur=([\d.]+), db;dur=([\d.]+)")]
    private static partial Regex TimingPattern();
}
