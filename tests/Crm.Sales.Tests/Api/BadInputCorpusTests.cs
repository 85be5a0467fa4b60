using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;

namespace Crm.Sales.Tests.Api;

/// <summary>
/// Every operation of the API (the host's and the sales module's, as the OpenAPI document lists them) answers bad input
/// with a 4xx, never a 5xx. It lives with the sales tests because it needs the module's endpoints too.
/// </summary>
public sealed class BadInputCorpusTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task NoOperationAnswersBadInputWithAServerError(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        await Server.AdminClientAsync();
        var api = await Server.TokenClientAsync(CrmTestServer.AdminEmail);
        await SeedAsync(api);
        var document = JsonNode.Parse(await api.GetStringAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken))!;

        Assert.NotNull(document["paths"]?["/api/v1/companies/{id}"]); // the host's operations
        Assert.NotNull(document["paths"]?["/api/v1/sales/deals/{id}"]); // and the module's

        var failures = new List<string>();
        var sent = 0;
        var corpus = new BadInputCorpus(document, realId: "1").Requests().ToList();
        // The document must describe bodies and uploads well enough for the corpus to reach them.
        Assert.Contains(corpus, r => r.Path == "/api/v1/companies/import" && r.Input.Contains("corrupt"));
        Assert.Contains(corpus, r => r.Path == "/api/v1/sales/products" && r.Input == "prices=[null]");
        foreach (var request in corpus)
        {
            using var message = new HttpRequestMessage(request.Method, request.Path) { Content = request.Content() };
            using var response = await api.SendAsync(message, TestContext.Current.CancellationToken);
            sent++;
            if ((int)response.StatusCode >= 500)
                failures.Add($"{request.Method} {request.Path} [{request.Input}] -> {(int)response.StatusCode}");
        }

        Assert.True(sent > 1000, $"only {sent} requests: is the OpenAPI document complete?");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests answered 5xx:\n{string.Join('\n', failures)}");
    }

    /// <summary>Records with id 1 of each kind, so that the corpus reaches a real record through every path.</summary>
    static async Task SeedAsync(HttpClient api)
    {
        var company = await api.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var contact = await api.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", companies = new[] { new { companyId = company } } });
        await api.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "First call", companyId = company, contactId = contact });
        await api.CreateAsync("/api/v1/tasks", new { title = "Call back", dueAtUtc = DateTime.UtcNow.AddDays(1), companyId = company, contactId = contact });
        await api.PostAsJsonAsync("/api/v1/custom-fields", new { kind = "Company", key = "budget", label = "Budget", type = "Number" });
        await api.PostAsJsonAsync("/api/v1/saved-views", new { list = "companies", name = "Mine", query = "?q=a" });
        await api.PutAsJsonAsync("/api/v1/companies/1", new { name = "Romashka", version = 1, tags = new[] { "VIP" } });
        await api.CreateAsync("/api/v1/teams", new { name = "North" });
        await api.CreateAsync("/api/v1/sales/products/groups", new { name = "Pumps" });
        var product = await api.CreateAsync("/api/v1/sales/products", new { sku = "P-1", name = "Pump", groupId = 1, prices = new[] { new { currency = "RUB", price = 10m } } });
        var deal = await api.CreateAsync("/api/v1/sales/deals", new { title = "Pumps", amount = 100m, companyId = company });
        await api.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { productId = product, quantity = 1m, unitPrice = 10m });
        await api.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Quote" });
    }
}
