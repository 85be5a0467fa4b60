using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Crm.Host.Tests.Clients;

public sealed class ImportTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static MultipartFormDataContent File(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    static async Task<List<string>> NamesAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/companies?limit=200")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task InvalidRowsAreReportedByRowAndFieldAndNothingIsHalfImported(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        (await api.PostAsJsonAsync("/api/v1/companies", new { name = "Existing", taxNumber = "7700000001" })).EnsureSuccessStatusCode();
        var csv = "Name;Tax number;Email;Status\n" +
                  "Romashka;7701234567;info@romashka.ru;Активный\n" +
                  ";7701234568;x@y.ru;\n" +
                  "Vasilek;7700000001;not-an-email;Active\n" +
                  "Twin;7701234567;;\n";

        var response = await api.PostAsync("/api/v1/companies/import", File(Encoding.UTF8.GetBytes(csv), "clients.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("row").GetInt32()}:{e.GetProperty("field").GetString()}").ToList();
        Assert.Equal(["3:name", "4:email", "4:taxNumber", "5:taxNumber"], errors.Order());
        Assert.Equal(["Existing"], await NamesAsync(api)); // all or nothing

        var fixedCsv = "Name;Tax number;Email;Status\nRomashka;7701234567;info@romashka.ru;Активный\nVasilek;7701234569;;Prospect\n";
        var dry = await api.PostAsync("/api/v1/companies/import?dryRun=true", File(Encoding.UTF8.GetBytes(fixedCsv), "clients.csv"));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(["Existing"], await NamesAsync(api));
        var done = await api.PostAsync("/api/v1/companies/import", File(Encoding.UTF8.GetBytes(fixedCsv), "clients.csv"));
        Assert.Equal(2, (await done.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(["Existing", "Romashka", "Vasilek"], await NamesAsync(api));
        var romashka = (await api.GetFromJsonAsync<JsonElement>("/api/v1/companies?q=Romashka")).GetProperty("rows")[0];
        Assert.Equal("Active", romashka.GetProperty("status").GetString()); // "Активный" understood
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task FourParallelImportsOfCompaniesAndOfContactsAllSucceedWithEveryRow(TestDatabaseKind database)
    {
        // On MariaDB three of four used to fail with a deadlock on the id allocation's gap locks.
        var server = await StartAsync(database, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        api.Timeout = TimeSpan.FromMinutes(5); // eight imports validating row by row on a busy machine
        const int files = 4, rows = 520; // more than one multi-row INSERT (500 rows) per file on MySQL, so that the inserts interleave
        string Companies(int file) => "Name;Tax number;Tags\n" + string.Concat(Enumerable.Range(0, rows).Select(r =>
            $"Company {file}-{r};{7_000_000_000L + file * 100_000 + r};Parallel {file % 2}\n"));
        string Contacts(int file) => "Имя;Фамилия\n" + string.Concat(Enumerable.Range(0, rows).Select(r => $"Ivan{file};Petrov{r}\n"));

        var imports = Enumerable.Range(0, files).Select(f => api.PostAsync("/api/v1/companies/import", File(Encoding.UTF8.GetBytes(Companies(f)), "c.csv")))
            .Concat(Enumerable.Range(0, files).Select(f => api.PostAsync("/api/v1/contacts/import", File(Encoding.UTF8.GetBytes(Contacts(f)), "p.csv"))));
        foreach (var response in await Task.WhenAll(imports))
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(rows, (await response.JsonAsync()).GetProperty("imported").GetInt32());
        }

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Crm.Host.Data.CoreDbContext>();
        Assert.Equal(files * rows, await db.Companies.CountAsync(c => c.Name.StartsWith("Company ")));
        Assert.Equal(files * rows, await db.Contacts.CountAsync(c => c.FirstName.StartsWith("Ivan")));
        Assert.Equal(files * rows, await db.ClientTags.CountAsync(t => t.Kind == Crm.Sdk.Clients.ClientKind.Company));
        Assert.Equal(["Parallel 0", "Parallel 1"], (await db.Tags.Select(t => t.Name).ToListAsync()).Order());
        Assert.Equal(2 * files * rows, await db.Audit.CountAsync(a => a.Field == "Imported"));
    }

    [Fact]
    public async Task AnExcelFileImportsAndAWrongFileIsRefused()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["Название"] = "Ромашка", ["ИНН"] = "7701234567" },
            new Dictionary<string, object> { ["Название"] = "Василёк", ["ИНН"] = "7701234568" },
        });
        var done = await api.PostAsync("/api/v1/companies/import", File(xlsx.ToArray(), "clients.xlsx"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(["Василёк", "Ромашка"], (await NamesAsync(api)).Order());

        var refused = await api.PostAsync("/api/v1/companies/import", File([1, 2, 3], "clients.exe"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task TheImportPageMapsColumnsShowsErrorsGivesTheRowsToFixAndImports()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var browser = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var page = await browser.GetStringAsync("/Companies/Import");
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Firm,INN\nRomashka,77O1\nVasilek,7701234568\n")), "file", "clients.csv" },
            { new StringContent(CrmTestServer.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var mapped = await (await browser.PostAsync("/Companies/Import?handler=Upload", upload)).Content.ReadAsStringAsync();
        Assert.Contains("Choose the column with the company name.", WebUtility.HtmlDecode(mapped)); // "Firm" is not a known header
        var name = Regex.Match(mapped, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;

        var fields = new Dictionary<string, string>
        {
            ["upload"] = name, ["map[name]"] = "0", ["map[taxNumber]"] = "1", ["__RequestVerificationToken"] = CrmTestServer.AntiforgeryToken(mapped),
        };
        var checkedPage = WebUtility.HtmlDecode(await (await browser.PostAsync("/Companies/Import?handler=Check", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.Contains("row 2: taxNumber: A tax number has digits only.", checkedPage);

        var toFix = await (await browser.PostAsync("/Companies/Import?handler=Errors", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        Assert.Contains("Romashka,77O1,taxNumber: A tax number has digits only.", toFix);
        Assert.DoesNotContain("Vasilek", toFix);

        fields["upload"] = "../../keys/key.xml";
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/Companies/Import?handler=Check", new FormUrlEncodedContent(fields))).StatusCode);
    }
}
