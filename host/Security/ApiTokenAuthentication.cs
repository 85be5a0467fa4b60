using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Crm.Host.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Host.Security;

/// <summary>Authenticates "Authorization: Bearer crm_..." with a personal API token, looked up by its hash.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CoreDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "crm_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token; only its hash is stored.</summary>
    public static string NewToken() => TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not an API token");

        var hash = Hash(token);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAtUtc == null)
            .Join(db.Users.Where(u => u.IsActive), t => t.UserId, u => u.Id, (t, u) => new { TokenId = t.Id, UserId = u.Id, u.UserName })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found == null) return AuthenticateResult.Fail("Unknown or revoked API token");

        // At most one write a minute per token, so that reading the API does not queue behind writes on SQLite.
        var now = DateTime.UtcNow;
        var staleBefore = now.AddMinutes(-1);
        await db.ApiTokens.Where(t => t.Id == found.TokenId && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < staleBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, found.UserId), new Claim(ClaimTypes.Name, found.UserName ?? found.UserId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
