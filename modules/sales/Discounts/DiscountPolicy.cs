using Crm.Sales.Data;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Discounts;

/// <summary>A role's largest discount without approval, in percent; null means none is set (the role gives no discount alone).</summary>
public sealed record DiscountLimitView(string Role, decimal? MaxPercent);

/// <summary>
/// The maximum discount per role. A user may give the highest limit among their roles; a role without a limit gives 0;
/// administrators are not limited.
/// </summary>
public sealed class DiscountPolicy(SalesDbContext db, IUserDirectory users, ICurrentUser user)
{
    /// <summary>Every role known to the installation (built-in, held by someone, or with a limit), except the unlimited administrators.</summary>
    public async Task<List<DiscountLimitView>> LimitsAsync(CancellationToken ct)
    {
        var stored = await db.DiscountLimits.AsNoTracking().ToDictionaryAsync(l => l.Role, l => l.MaxPercent, ct);
        var roles = CrmRoles.BuiltIn.Select(r => r.Name).Concat((await users.UsersAsync(ct)).SelectMany(u => u.Roles)).Concat(stored.Keys)
            .Where(r => r != CrmRoles.Administrator).Distinct().Order(StringComparer.OrdinalIgnoreCase);
        return roles.Select(r => new DiscountLimitView(r, stored.TryGetValue(r, out var max) ? max : null)).ToList();
    }

    /// <summary>Sets the given roles' limits; a null limit removes the role's limit.</summary>
    public async Task<SaveResult> SaveAsync(IReadOnlyList<DiscountLimitView?> limits, CancellationToken ct)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < limits.Count; i++)
        {
            // JSON may hold a null among the limits ([null]): named here, so the rest sees whole limits.
            if (limits[i] == null) { errors.Add($"limits[{i}]", "Validation.Required"); continue; }
            var role = FieldErrors.Clean(limits[i]!.Role);
            errors.If(role == null, $"limits[{i}].role", "Validation.Required").If(role?.Length > 256, $"limits[{i}].role", "Validation.TooLong")
                .If(role == CrmRoles.Administrator, $"limits[{i}].role", "Discount.AdministratorUnlimited")
                .If(limits[i]!.MaxPercent is < 0 or > 100, $"limits[{i}].maxPercent", "Line.DiscountRange");
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var stored = await db.DiscountLimits.ToDictionaryAsync(l => l.Role, ct);
        foreach (var given in limits.Select(l => l!))
        {
            var role = given.Role.Trim();
            var existing = stored.GetValueOrDefault(role);
            if (given.MaxPercent is not { } max) { if (existing != null) db.DiscountLimits.Remove(existing); continue; }
            if (existing == null) db.DiscountLimits.Add(stored[role] = new DiscountLimit { Role = role, MaxPercent = max });
            else existing.MaxPercent = max;
        }
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(limits.Count);
    }

    /// <summary>The largest discount the signed-in user may give without approval.</summary>
    public async Task<decimal> LimitForCurrentUserAsync(CancellationToken ct)
    {
        if (user.Id is not { } id || !(await users.FindAsync([id], ct)).TryGetValue(id, out var me)) return 0;
        if (me.Roles.Contains(CrmRoles.Administrator)) return 100;
        var roles = me.Roles.ToList();
        var limits = await db.DiscountLimits.AsNoTracking().Where(l => roles.Contains(l.Role)).Select(l => l.MaxPercent).ToListAsync(ct);
        return limits.Count == 0 ? 0 : limits.Max();
    }
}
