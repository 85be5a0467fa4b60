using Microsoft.AspNetCore.Builder;

namespace Crm.Sdk.Security;

/// <summary>Names the authorization policy behind a permission; the host builds these policies on demand.</summary>
public static class PermissionPolicy
{
    /// <summary>The prefix of policy names that stand for a permission.</summary>
    public const string Prefix = "permission:";

    /// <summary>The policy name for a permission.</summary>
    public static string For(string permission) => Prefix + permission;

    /// <summary>Requires the permission on an API endpoint or group.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(permission));
}
