using System.Net;
using System.Text.RegularExpressions;

namespace Crm.Bench.Run;

/// <summary>One signed-in browser: its cookies, and the antiforgery token its forms carry.</summary>
public sealed partial class Session : IDisposable
{
    Session(HttpClient http, string email)
    {
        Http = http;
        Email = email;
    }

    public HttpClient Http { get; }
    public string Email { get; }
    public string? UserId { get; set; }
    /// <summary>The user's team (themselves included): the owners a team scope covers.</summary>
    public IReadOnlyList<string> TeamMembers { get; set; } = [];
    public string? Antiforgery { get; private set; }

    public static async Task<Session> SignInAsync(string baseUrl, string email, string password, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10),
        };
        var token = TokenOf(await http.GetStringAsync("/Account/Login", ct));
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() != "/")
            throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode}");
        var session = new Session(http, email);
        session.Antiforgery = TokenOf(await http.GetStringAsync("/MyDay", ct));
        return session;
    }

    static string TokenOf(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}
