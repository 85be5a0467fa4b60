using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sdk.Search;
using Crm.Sdk.Security;

namespace Crm.Host.Tests.Search;

/// <summary>The global search looks each kind of term up on its own index; these pin down what it finds, the same on both databases.</summary>
public sealed class GlobalSearchTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static async Task<List<string?>> TitlesAsync(HttpClient api, string query) =>
        (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/search?q={Uri.EscapeDataString(query)}"))!
            .Select(h => h.GetProperty("title").GetString()).Order(StringComparer.Ordinal).ToList();

    [Theory, MemberData(nameof(Databases))]
    public async Task SearchIgnoresCaseAndLegalFormTheSameOnBothDatabases(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await anna.CreateAsync("/api/v1/companies", new { name = "ООО \"Вектор\"", taxNumber = "7701234567", phone = "+7 (495) 111-22-33" });
        await anna.CreateAsync("/api/v1/companies", new { name = "Romashka LLC", email = "info@romashka.ru" });
        await anna.CreateAsync("/api/v1/contacts", new { firstName = "Пётр", lastName = "Ёлкин", email = "Petr@Elkin.ru", phone = "8 916 555 44 33" });
        await anna.CreateAsync("/api/v1/contacts", new { firstName = "Olga", lastName = "SMIRNOVA" });

        Assert.Equal(["ООО \"Вектор\""], await TitlesAsync(anna, "Вектор"));
        Assert.Equal(["ООО \"Вектор\""], await TitlesAsync(anna, "вЕКт"));
        Assert.Equal(["ООО \"Вектор\""], await TitlesAsync(anna, "ооо вектор"));
        Assert.Equal(["ООО \"Вектор\""], await TitlesAsync(anna, "7701234567"));
        Assert.Equal(["ООО \"Вектор\""], await TitlesAsync(anna, "8 495 1112233"));
        Assert.Equal(["Romashka LLC"], await TitlesAsync(anna, "ROMASH"));
        Assert.Equal(["Romashka LLC"], await TitlesAsync(anna, "INFO@romashka.ru"));
        Assert.Equal(["Пётр Ёлкин"], await TitlesAsync(anna, "елкин"));
        Assert.Equal(["Пётр Ёлкин"], await TitlesAsync(anna, "ПЕТР"));
        Assert.Equal(["Пётр Ёлкин"], await TitlesAsync(anna, "петр ёлк"));
        Assert.Equal(["Пётр Ёлкин"], await TitlesAsync(anna, "Ёлкин Пётр"));
        Assert.Equal(["Пётр Ёлкин"], await TitlesAsync(anna, "petr@elkin.ru"));
        Assert.Equal(["Пётр Ёлкин"], await TitlesAsync(anna, "+7 916 555-44-33"));
        Assert.Equal(["Olga SMIRNOVA"], await TitlesAsync(anna, "smirn"));
        Assert.Empty(await TitlesAsync(anna, "ектор"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task SearchStaysWithinTheUsersScope(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var admin = await server.AdminClientAsync();
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        await anna.CreateAsync("/api/v1/companies", new { name = "Vector Anna", taxNumber = "500100732259", phone = "8 800 100 10 10", email = "a@vector.test" });
        await boris.CreateAsync("/api/v1/companies", new { name = "Vector Boris" });
        await boris.CreateAsync("/api/v1/contacts", new { firstName = "Vector", lastName = "Borisov", phone = "8 800 100 10 10", email = "a@vector.test" });

        Assert.Equal(["Vector Anna"], await TitlesAsync(anna, "vector"));
        Assert.Equal(["Vector Boris", "Vector Borisov"], await TitlesAsync(boris, "vector"));
        Assert.Equal(["Vector Anna", "Vector Boris", "Vector Borisov"], await TitlesAsync(admin, "VECTOR"));
        Assert.Equal(["Vector Anna"], await TitlesAsync(anna, "8 (800) 100-10-10"));
        Assert.Equal(["Vector Borisov"], await TitlesAsync(boris, "8 (800) 100-10-10"));
        Assert.Equal(["Vector Borisov"], await TitlesAsync(boris, "a@vector.test"));
        Assert.Empty(await TitlesAsync(boris, "500100732259"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ImportedContactsAreFoundByName(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var anna = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("firstName,lastName\nСемён,Ёжиков\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var response = await anna.PostAsync("/api/v1/contacts/import", new MultipartFormDataContent { { file, "file", "people.csv" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(["Семён Ёжиков"], await TitlesAsync(anna, "ежик"));
        Assert.Equal(["Семён Ёжиков"], await TitlesAsync(anna, "семен"));
    }

    [Fact]
    public void ASearchKeyIsLowerCaseWordsWithoutPunctuation()
    {
        Assert.Equal("ооо вектор плюс", SearchKey.Of("  ООО «Вектор-Плюс»! "));
        Assert.Equal("елкин петр", SearchKey.Of("Ёлкин, Пётр"));
        Assert.Equal("", SearchKey.Of("—"));
        Assert.Equal("abc", SearchKey.Of("ABC DEF", maxLength: 4));
    }
}
