using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Host.Tests.Support;

public static class HttpExtensions
{
    /// <summary>Posts a page's form the way a browser would: fetches the page for its antiforgery token first.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, Dictionary<string, string> fields,
        string? handler = null, string? tokenFrom = null)
    {
        var html = await client.GetStringAsync(tokenFrom ?? page);
        fields["__RequestVerificationToken"] = CrmTestServer.AntiforgeryToken(html);
        var url = handler == null ? page : $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}";
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Posts a new record and returns its id, failing with the server's answer if it was not created.</summary>
    public static async Task<int> CreateAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    public static async Task<int> CreateNoteAsync(this HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync("/api/v1/notes", new { title, body = "text" });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }
}
