using Microsoft.AspNetCore.Authorization;

namespace Crm.Sdk.Security;

/// <summary>Puts a Razor page (or handler class) behind a permission, checked on the server for every request.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicy.For(permission))
{
    /// <summary>The permission required.</summary>
    public string Permission { get; } = permission;
}
