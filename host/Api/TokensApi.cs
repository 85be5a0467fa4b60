using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Api;

public sealed record CreateTokenRequest(string? Name);
public sealed record CreatedTokenResponse(int Id, string Name, string Token);
public sealed record TokenResponse(int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc);

/// <summary>Personal API tokens of the signed-in user: the token is returned once, only its hash is kept.</summary>
public static class TokensApi
{
    public static void Map(RouteGroupBuilder tokens)
    {
        // Only a signed-in person manages tokens: a token cannot mint another that would outlive its revocation.
        tokens.RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute
        {
            AuthenticationSchemes = Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme,
        });
        tokens.MapGet("/", async (CurrentUser user, CoreDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id && t.RevokedAtUtc == null)
                .OrderBy(t => t.Id)
                .Select(t => new TokenResponse(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc)).ToListAsync(ct)));

        tokens.MapPost("/", async (CreateTokenRequest request, CurrentUser user, TokenIssuer issuer, CancellationToken ct) =>
        {
            var name = request.Name?.Trim();
            if (string.IsNullOrEmpty(name)) return Results.Extensions.Field("name", "A name is required.");
            if (name.Length > 200) return Results.Extensions.Field("name", "At most 200 characters.");
            var (token, id) = await issuer.IssueAsync(user.Id!, name, ct);
            return TypedResults.Created($"/api/v1/tokens/{id}", new CreatedTokenResponse(id, name, token));
        });

        tokens.MapDelete("/{id:int}", async (int id, CurrentUser user, TokenIssuer issuer, CancellationToken ct) =>
            await issuer.RevokeAsync(user.Id!, id, ct) ? Results.NoContent() : Results.NotFound());
    }
}

static class FieldResultExtensions
{
    public static IResult Field(this IResultExtensions _, string field, string message) => ApiProblems.Field(field, message);
}
