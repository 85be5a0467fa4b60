namespace Crm.Sdk.Security;

/// <summary>
/// A permission a module checks, such as <c>sales.deals.edit</c>. <paramref name="DefaultRoles"/> names the
/// built-in roles (see <see cref="CrmRoles"/>) that receive it when the module is first enabled;
/// administrators can change grants afterwards.
/// </summary>
public sealed record PermissionDefinition(string Name, string TextKey, params string[] DefaultRoles);
