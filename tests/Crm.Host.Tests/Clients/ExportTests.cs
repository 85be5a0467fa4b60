using System.Net.Http.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using MiniExcelLibs;

namespace Crm.Host.Tests.Clients;

public sealed class ExportTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Fact]
    public async Task AListExportsAsFilteredWithinScopeToCsvAndExcel()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        (await anna.PostAsJsonAsync("/api/v1/companies", new { name = "Ромашка", taxNumber = "7701234567", status = "Active" })).EnsureSuccessStatusCode();
        (await anna.PostAsJsonAsync("/api/v1/companies", new { name = "=HYPERLINK(\"http://evil\")", status = "Prospect" })).EnsureSuccessStatusCode();
        (await boris.PostAsJsonAsync("/api/v1/companies", new { name = "Boris's client" })).EnsureSuccessStatusCode();

        var bytes = await anna.GetByteArrayAsync("/api/v1/companies/export?format=Csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // a BOM, so Excel reads Cyrillic
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Name,Legal name,Tax number", lines[0]);
        Assert.Equal(3, lines.Count); // the header and Anna's two companies, not Boris's
        Assert.Contains(lines, l => l.StartsWith("Ромашка,,7701234567,") && l.EndsWith(",Active,Anna,")); // no tags
        Assert.DoesNotContain(lines, l => l.StartsWith("=") || l.StartsWith("\"=")); // a formula is never exported live

        anna.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var russian = System.Text.Encoding.UTF8.GetString(await anna.GetByteArrayAsync("/api/v1/companies/export?format=Csv&status=Active"));
        Assert.Contains("Ромашка;;7701234567;", russian);
        Assert.DoesNotContain("HYPERLINK", russian); // the status filter applies

        var xlsx = new MemoryStream(await anna.GetByteArrayAsync("/api/v1/companies/export?format=Xlsx"));
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => (string)r["Название"] == "Ромашка" && (string)r["ИНН"] == "7701234567");
    }
}
