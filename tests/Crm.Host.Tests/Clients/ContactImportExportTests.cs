using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Host.Tests.Support;
using Crm.Sdk.Security;
using MiniExcelLibs;

namespace Crm.Host.Tests.Clients;

public sealed class ContactImportExportTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static MultipartFormDataContent File(string content, string name = "people.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    static async Task<List<string>> NamesAsync(HttpClient api, string query = "") =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts?limit=200" + query)).GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("firstName").GetString()} {r.GetProperty("lastName").GetString()}".Trim()).Order().ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task ContactsImportWithEveryRowCheckedDuplicatesRefusedAndAllOrNothing(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Contact", key = "hobby", label = "Hobby", type = "Choice", options = "Chess\nTennis" });
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await boris.CreateAsync("/api/v1/contacts", new { firstName = "Old", email = "old@example.ru", phone = "+7 (495) 111-22-33" });
        var api = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));

        var csv = "Имя;Фамилия;Email;Телефон;Hobby;Birthday\n" +
                  "Ivan;Petrov;ivan@example.ru;8 495 000-00-01;Chess;1980-02-03\n" +
                  ";Sidorov;s@example.ru;;;\n" +
                  "Anna;;not-an-email;;;\n" +
                  "Olga;;OLD@example.ru;;;\n" +
                  "Pavel;;;495 111 22 33;;\n" +
                  "Petr;;Ivan@Example.ru;;;\n" +
                  "Maria;;;;Golf;\n" +
                  "Nina;;;;;31.02.1990\n";
        var response = await api.PostAsync("/api/v1/contacts/import", File(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => $"row {e.GetProperty("row").GetInt32()}: {e.GetProperty("field").GetString()}: {e.GetProperty("message").GetString()}").Order().ToList();
        Assert.Equal(
        [
            "row 3: firstName: A contact needs a first name.",
            "row 4: email: This is not an email address.",
            "row 5: email: a contact with this email already exists",
            "row 6: phone: a contact with this phone already exists",
            "row 7: email: a contact with this email already exists",
            "row 8: customFields.hobby: Choose one of the listed choices.",
            "row 9: birthday: This birthday cannot be right.",
        ], errors);
        Assert.Empty(await NamesAsync(api)); // nothing half-imported

        var fixedCsv = "First name,Last name,Email,Phone,Hobby\nIvan,Petrov,ivan@example.ru,8 495 000-00-01,Chess\nAnna,,anna@example.ru,,tennis\n";
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/contacts/import?dryRun=true", File(fixedCsv))).StatusCode);
        Assert.Empty(await NamesAsync(api));
        var done = await api.PostAsync("/api/v1/contacts/import", File(fixedCsv));
        Assert.Equal(2, (await done.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(["Anna", "Ivan Petrov"], await NamesAsync(api));
        Assert.Equal(["Ivan Petrov"], await NamesAsync(api, "&q=84950000001")); // phone found in any format
        Assert.Equal(["Anna"], await NamesAsync(api, "&cf.hobby=Tennis"));
        Assert.Equal(["Old"], await NamesAsync(boris)); // the import belongs to the importer

        var ivan = (await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts?q=Petrov")).GetProperty("rows")[0].GetProperty("id").GetInt32();
        var card = WebUtility.HtmlDecode(await (await server.SignInAsync(CrmTestServer.AdminEmail)).GetStringAsync($"/Contacts/{ivan}"));
        Assert.Contains("Imported from a file", card);
        Assert.Contains("<dt>Hobby</dt><dd class=\"custom-field\">Chess</dd>", card);

        var again = await api.PostAsync("/api/v1/contacts/import", File(fixedCsv)); // the same file twice: all duplicates
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["Anna", "Ivan Petrov"], await NamesAsync(api));
    }

    [Fact]
    public async Task TheImportPageShowsRowErrorsAndGivesTheRowsToFix()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith());
        var browser = await server.SignInAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        Assert.Contains("href=\"/Contacts/Import\"", await browser.GetStringAsync("/Contacts"));
        var page = await browser.GetStringAsync("/Contacts/Import");
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Имя,E-mail address\nIvan,ivan@example.ru\nAnna,anna-at-example\n")), "file", "people.csv" },
            { new StringContent(CrmTestServer.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var mapped = WebUtility.HtmlDecode(await (await browser.PostAsync("/Contacts/Import?handler=Upload", upload)).Content.ReadAsStringAsync());
        Assert.Contains("Import contacts", mapped);
        var name = Regex.Match(mapped, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["upload"] = name, ["map[firstName]"] = "0", ["map[email]"] = "1", ["__RequestVerificationToken"] = CrmTestServer.AntiforgeryToken(mapped),
        };
        var checkedPage = WebUtility.HtmlDecode(await (await browser.PostAsync("/Contacts/Import?handler=Check", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.Contains("row 3: email: This is not an email address.", checkedPage);
        var toFix = await (await browser.PostAsync("/Contacts/Import?handler=Errors", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        Assert.Contains("Anna,anna-at-example,email: This is not an email address.", toFix);
        Assert.DoesNotContain("Ivan", toFix);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AManagersContactExportHoldsOnlyTheirOwnContactsAsFiltered(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Contact", key = "score", label = "Score", type = "Number" });
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Anna"));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager, name: "Boris"));
        await anna.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", lastName = "Petrov", email = "ivan@example.ru", customFields = new { score = 7.5 } });
        await anna.CreateAsync("/api/v1/contacts", new { firstName = "Olga", lastName = "Smirnova" });
        await boris.CreateAsync("/api/v1/contacts", new { firstName = "Secret", lastName = "Borisov", customFields = new { score = 9 } });

        var csv = Encoding.UTF8.GetString(await anna.GetByteArrayAsync("/api/v1/contacts/export?format=Csv"));
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("First name,Last name,Position,Phone,Email,Messenger,Birthday,Manager,Tags,Score", lines[0]);
        Assert.Equal(["Ivan,Petrov,,,ivan@example.ru,,,Anna,,7.5", "Olga,Smirnova,,,,,,Anna,,"], lines[1..]);
        Assert.DoesNotContain("Secret", csv);

        var filtered = Encoding.UTF8.GetString(await anna.GetByteArrayAsync("/api/v1/contacts/export?format=Csv&cf.score.from=5"));
        Assert.Contains("Ivan", filtered);
        Assert.DoesNotContain("Olga", filtered);

        var xlsx = new MemoryStream(await anna.GetByteArrayAsync("/api/v1/contacts/export?format=Xlsx"));
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Ivan", "Olga"], rows.Select(r => (string)r["First name"]));
        Assert.Equal(7.5, Convert.ToDouble(rows[0]["Score"]));

        var all = Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/api/v1/contacts/export?format=Csv"));
        Assert.Contains("Secret", all); // the administrator sees everyone's
    }
}
