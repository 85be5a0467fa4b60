using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sales.Tests.Deals;

/// <summary>
/// Emoji and other four-byte characters are kept in the text of deals, products and pipelines, also on a MariaDB database whose
/// default character set is utf8mb3, where they used to fail with "Incorrect string value".
/// </summary>
public sealed class FourByteCharactersTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    const string Text = "🏠 Дом 𝔘 中文";

    [Theory, MemberData(nameof(Databases))]
    public async Task DealsProductsAndPipelinesKeepThem(TestDatabaseKind database)
    {
        await StartSalesAsync(database, characterSet: "utf8mb3");
        await using (var scope = Server.Services.CreateAsyncScope())
            Assert.Empty(await SchemaCheck.CompareAsync(SalesDb(scope.ServiceProvider)));
        var admin = await Server.AdminClientAsync();
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");

        var pipeline = await admin.CreateAsync("/api/v1/sales/pipelines", new
        {
            name = Text,
            stages = new object[]
            {
                new { name = Text, probability = 10, kind = "Open" },
                new { name = "Won", probability = 100, kind = "Won" },
                new { name = "Lost", probability = 0, kind = "Lost" },
            },
        });
        var pipelineJson = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/pipelines/{pipeline}");
        Assert.Equal(Text, pipelineJson.GetProperty("name").GetString());
        Assert.Equal(Text, pipelineJson.GetProperty("stages")[0].GetProperty("name").GetString());
        var reason = await admin.CreateAsync("/api/v1/sales/loss-reasons", new { name = Text });
        Assert.Contains((await anna.GetFromJsonAsync<JsonElement>("/api/v1/sales/loss-reasons")).EnumerateArray(),
            r => r.GetProperty("id").GetInt32() == reason && r.GetProperty("name").GetString() == Text);

        var group = await admin.CreateAsync("/api/v1/sales/products/groups", new { name = Text });
        var product = await admin.CreateAsync("/api/v1/sales/products", new { sku = Text, name = Text, unit = Text, groupId = group });
        var productJson = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/products/{product}");
        foreach (var field in new[] { "sku", "name", "unit", "groupName" })
            Assert.Equal(Text, productJson.GetProperty(field).GetString());

        var deal = await anna.CreateAsync("/api/v1/sales/deals", new { title = Text, source = Text, pipelineId = pipeline, amount = 100m });
        var lost = pipelineJson.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Lost").GetProperty("id").GetInt32();
        (await anna.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/move", new { stageId = lost, lossReasonId = reason, lossNote = Text })).EnsureSuccessStatusCode();
        var details = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}");
        Assert.Equal(Text, details.GetProperty("deal").GetProperty("title").GetString());
        foreach (var field in new[] { "pipelineName", "source", "lossReason", "lossNote" })
            Assert.Equal(Text, details.GetProperty(field).GetString());
    }

    [Fact]
    public async Task SalesTablesCreatedUtf8Mb3AreConvertedByTheModulesMigration()
    {
        await StartSalesAsync(TestDatabaseKind.MariaDb, characterSet: "utf8mb3");
        await using var scope = Server.Services.CreateAsyncScope();
        var sales = SalesDb(scope.ServiceProvider);
        // As the tables were before this version: text columns in utf8mb3 (FluentMigrator wrote NVARCHAR).
        foreach (var table in new[] { "sales_deals", "sales_products" })
            await sales.Database.ExecuteSqlRawAsync("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb3");
        Assert.Contains("sales_deals.Title: character set utf8mb3, not utf8mb4", await SchemaCheck.CompareAsync(sales));

        await sales.Database.ExecuteSqlRawAsync("DELETE FROM sales_schema_versions WHERE Version = 10");
        Server.Services.GetRequiredService<Crm.Host.Data.SchemaMigrator>().MigrateUp("sales", sales.GetType().Assembly);

        Assert.Empty(await SchemaCheck.CompareAsync(sales));
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna");
        var deal = await DealAsync(anna, Text);
        Assert.Equal(Text, (await GetDealAsync(anna, deal)).GetProperty("title").GetString());
    }
}
