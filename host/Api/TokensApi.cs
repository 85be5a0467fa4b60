using Crm.Host.Security;
using Crm.Sdk.Api;

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
        tokens.MapGet("/", async (CurrentUser user, TokenIssuer issuer, CancellationToken ct) =>
            TypedResults.Ok(await issuer.ListAsync(user.Id!, ct)));

        tokens.MapPost("/", async (CreateTokenRequest request, CurrentUser user, TokenIssuer issuer, CancellationToken ct) =>
        {
            if (TokenIssuer.ValidName(request.Name) is not { } name)
                return (IResult)ApiProblems.Field("name", "A name of 1 to 200 characters is required.");
            var (token, id) = await issuer.IssueAsync(user.Id!, name, ct);
            return TypedResults.Created($"/api/v1/tokens/{id}", new CreatedTokenResponse(id, name, token));
        });

        tokens.MapDelete("/{id:int}", async (int id, CurrentUser user, TokenIssuer issuer, CancellationToken ct) =>
            await issuer.RevokeAsync(user.Id!, id, ct) ? Results.NoContent() : Results.NotFound());
    }
}
