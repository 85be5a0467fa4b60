using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Security;

/// <summary>Issues and revokes personal API tokens; the token is returned once and only its hash is stored.</summary>
public sealed class TokenIssuer(CoreDbContext db)
{
    public async Task<(string Token, int Id)> IssueAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var token = ApiTokenAuthentication.NewToken();
        var row = new ApiToken
        {
            UserId = userId, Name = name, Prefix = token[..10], Hash = ApiTokenAuthentication.Hash(token), CreatedAtUtc = DateTime.UtcNow,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (token, row.Id);
    }

    /// <summary>The user's live tokens, without their secrets.</summary>
    public Task<List<Api.TokenResponse>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId && t.RevokedAtUtc == null).OrderBy(t => t.Id)
            .Select(t => new Api.TokenResponse(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc)).ToListAsync(cancellationToken);

    /// <summary>A token name as typed, trimmed, or null when it is empty or longer than 200 characters.</summary>
    public static string? ValidName(string? name) => name?.Trim() is { Length: > 0 and <= 200 } trimmed ? trimmed : null;

    /// <summary>Revokes one of the user's own tokens; false if there is no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId && t.RevokedAtUtc == null, cancellationToken);
        if (token == null) return false;
        token.RevokedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
