using System.Security.Claims;
using Crm.Sdk.Security;

namespace Crm.Host.Security;

/// <summary>The request's user, filled by <see cref="CurrentUserMiddleware"/> after authentication.</summary>
public sealed class CurrentUser(PermissionCatalog permissions) : ICurrentUser
{
    UserAccess? _access;

    public void Set(UserAccess? access) => _access = access;

    public bool IsAuthenticated => _access != null;
    public string? Id => _access?.Id;
    public string Name => _access?.Name ?? "system";
    public bool IsAdministrator => _access?.IsAdministrator == true;
    public IReadOnlyCollection<string> TeamMemberIds => _access?.TeamMemberIds ?? [];

    public bool HasPermission(string permission) =>
        _access != null && permissions.IsActive(permission) &&
        (_access.IsAdministrator || _access.Permissions.ContainsKey(permission));

    public RecordScope ScopeFor(string permission) =>
        _access == null ? RecordScope.Own
        : _access.IsAdministrator ? RecordScope.All
        : _access.Permissions.GetValueOrDefault(permission, RecordScope.Own);
}

/// <summary>Loads the signed-in user's access once per request; a deactivated user is treated as anonymous.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, UserAccessCache cache)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id != null)
        {
            var access = await cache.GetAsync(id, context.RequestAborted);
            currentUser.Set(access);
            if (access == null) context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }
}
