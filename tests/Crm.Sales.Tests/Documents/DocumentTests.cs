using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Sales.Tests.Documents;

public sealed class DocumentTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task DocumentsIssuedAtOnceGetDistinctNumbersPerKind(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deals = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var deal = await DealAsync(anna, $"Deal {i}");
            await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Item", quantity = 1m, unitPrice = 10m });
            deals.Add(deal);
        }
        var issued = await Task.WhenAll(deals.Select(d => anna.PostAsJsonAsync($"/api/v1/sales/deals/{d}/documents", new { kind = "Quote" })));
        foreach (var response in issued)
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await anna.CreateAsync($"/api/v1/sales/deals/{deals[0]}/documents", new { kind = "Contract" });

        var numbers = new List<string>();
        foreach (var deal in deals)
            numbers.AddRange((await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}/documents")).EnumerateArray().Select(d => d.GetProperty("number").GetString()!));
        var year = DateTime.UtcNow.Year;
        Assert.Equal([$"C-{year}-0001", $"Q-{year}-0001", $"Q-{year}-0002", $"Q-{year}-0003", $"Q-{year}-0004"], numbers.Order());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorOverridesTheQuoteTemplateAndValuesStayEscaped(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        Assert.Contains("/Admin/Templates/sales/quote", await admin.GetStringAsync("/Admin/Templates"));
        var company = await admin.CreateAsync("/api/v1/companies", new { name = "<b>Bold</b> & Co" });
        var deal = await DealAsync(admin, "Offer", companyId: company);
        await admin.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Item", quantity = 1m, unitPrice = 10m });

        var saved = await admin.PostFormAsync("/Admin/Templates/sales/quote",
            new() { ["content"] = "OFFER {{ number }} for {{ client.name }}: {{ for l in lines }}{{ l.description }}={{ l.total }}{{ end }}", ["action"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await admin.CreateAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Quote" });
        Assert.Equal($"OFFER Q-{DateTime.UtcNow.Year}-0001 for &lt;b&gt;Bold&lt;/b&gt; &amp; Co: Item=10.00", await admin.GetStringAsync($"/Sales/Documents/{id}"));
    }
}
