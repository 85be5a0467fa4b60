using System.Net;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;

namespace Crm.Sales.Tests.Reports;

/// <summary>Dates at the ends of the calendar, which reports cannot step past, are named as the field at fault, never a 500.</summary>
public sealed class ReportDatesTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    static readonly string[] Reports = ["funnel", "managers", "forecast", "losses", "abc", "new-vs-repeat"];
    static readonly string[] Pages = ["Funnel", "Managers", "Forecast", "Losses", "Abc", "NewClients"];

    static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task EveryReportRefusesADateNoReportCanMean(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var browser = await Server.AdminClientAsync();
        var api = await Server.TokenClientAsync(CrmTestServer.AdminEmail);

        foreach (var report in Reports)
        {
            await AssertFieldAsync(await api.GetAsync($"/api/v1/sales/reports/{report}?from=9999-12-31"), "from");
            await AssertFieldAsync(await api.GetAsync($"/api/v1/sales/reports/{report}?to=9999-12-31"), "to");
            await AssertFieldAsync(await api.GetAsync($"/api/v1/sales/reports/{report}?from=0001-01-01&to=2025-12-31"), "from");
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/sales/reports/{report}?from=2025-01-01&to=2025-12-31")).StatusCode);
        }
        foreach (var page in Pages)
            foreach (var query in new[] { "From=9999-12-31", "To=9999-12-31" })
            {
                var response = await browser.GetAsync($"/Sales/Reports/{page}?{query}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}?{query}: {(int)response.StatusCode}");
                Assert.Contains("Choose a date between 1900 and 2999.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            }
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task PlansRefuseAYearTheyCannotBeKeptFor(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var browser = await Server.AdminClientAsync();
        var api = await Server.TokenClientAsync(CrmTestServer.AdminEmail);

        foreach (var year in new[] { "-1", "0", "1000000000" })
        {
            await AssertFieldAsync(await api.GetAsync($"/api/v1/sales/plans?year={year}"), "year");
            await AssertFieldAsync(await api.GetAsync($"/api/v1/sales/plans/progress?year={year}"), "year");
        }
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/sales/plans?year=2025")).StatusCode);

        var page = await browser.GetAsync("/Sales/Plans?year=-1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Choose a year between 1900 and 2999.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }
}
