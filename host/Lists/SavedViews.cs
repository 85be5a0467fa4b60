using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Host.Security;
using Crm.Sdk.Lists;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Lists;

/// <summary>
/// The host's <see cref="ISavedViews"/>: views of the host's lists and of those enabled modules declare, each query
/// asking only for the current user's own views and the shared ones, so another user's private view never leaves the
/// database for them.
/// </summary>
public sealed class SavedViews(CoreDbContext db, CurrentUser user, ModuleCatalog catalog) : ISavedViews
{
    static readonly SavedViewList[] HostLists =
    [
        new("companies", "/Companies", CorePermissions.ViewClients),
        new("contacts", "/Contacts", CorePermissions.ViewClients),
    ];

    /// <summary>Query parameters that belong to a page of the list or to a form, not to its filters.</summary>
    static readonly string[] NotFilters = ["limit", "handler", "view", "returnUrl", "__RequestVerificationToken"];

    /// <summary>The list of that key that the user may keep views of, or null.</summary>
    public SavedViewList? Available(string? key) =>
        HostLists.Concat(catalog.Contributed(c => c.SavedViewLists).Select(x => x.Item))
            .FirstOrDefault(l => string.Equals(l.Key, key?.Trim(), StringComparison.Ordinal) && user.HasPermission(l.Permission));

    /// <summary>A list's query string without paging and form parameters, and without empty values, as views store it.</summary>
    public static string CleanQuery(string? query)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in QueryHelpers.ParseQuery(query))
        {
            if (key.StartsWith("after", StringComparison.OrdinalIgnoreCase) || NotFilters.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v))) builder.Add(key, value!.Trim());
        }
        return builder.ToQueryString().Value?.TrimStart('?') ?? "";
    }

    IQueryable<StoredView> Usable(string list) =>
        db.SavedViews.AsNoTracking().Where(v => v.List == list && (v.OwnerId == user.Id || v.Shared));

    public async Task<IReadOnlyList<SavedView>> ListAsync(string list, CancellationToken ct)
    {
        if (Available(list) is not { } known) return [];
        var rows = await Usable(known.Key)
            .Select(v => new { View = v, Owner = db.Users.Where(u => u.Id == v.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.View.OwnerId == user.Id).ThenBy(r => r.View.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => ToView(r.View, known, r.Owner)).ToList();
    }

    public async Task<SavedView?> FindAsync(int id, CancellationToken ct)
    {
        var stored = await db.SavedViews.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && (v.OwnerId == user.Id || v.Shared), ct);
        if (stored == null || Available(stored.List) is not { } known) return null;
        var owner = await db.Users.Where(u => u.Id == stored.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return ToView(stored, known, owner);
    }

    public async Task<SaveResult> SaveAsync(string? list, string? name, string? query, bool shared, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var known = Available(list);
        errors.If(string.IsNullOrWhiteSpace(list), "list", "SavedViews.ListRequired")
            .If(!string.IsNullOrWhiteSpace(list) && known == null, "list", "SavedViews.ListUnknown")
            .If(string.IsNullOrWhiteSpace(name), "name", "SavedViews.NameRequired")
            .If(name?.Trim().Length > StoredView.MaxNameLength, "name", "SavedViews.NameTooLong")
            .If(shared && !user.HasPermission(CorePermissions.ShareViews), "shared", "SavedViews.CannotShare");
        var clean = CleanQuery(query);
        errors.If(clean.Length > StoredView.MaxQueryLength, "query", "SavedViews.QueryTooLong");
        if (errors.Count > 0 || known == null || user.Id == null) return SaveResult.Invalid(errors);

        var trimmed = name!.Trim();
        var stored = await db.SavedViews.FirstOrDefaultAsync(v => v.List == known.Key && v.OwnerId == user.Id && v.Name == trimmed, ct);
        if (stored == null)
        {
            stored = new StoredView { List = known.Key, Name = trimmed, OwnerId = user.Id, CreatedAtUtc = DateTime.UtcNow };
            db.SavedViews.Add(stored);
        }
        stored.Query = clean;
        stored.Shared = shared;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(stored.Id);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var mayRemoveShared = user.HasPermission(CorePermissions.ShareViews);
        var stored = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && (v.OwnerId == user.Id || (v.Shared && mayRemoveShared)), ct);
        if (stored == null || Available(stored.List) == null) return false;
        db.SavedViews.Remove(stored);
        await db.SaveChangesAsync(ct);
        return true;
    }

    SavedView ToView(StoredView v, SavedViewList list, string? owner) =>
        new(v.Id, v.List, v.Name, v.Query, v.Shared, v.OwnerId == user.Id, owner ?? "", v.Query.Length == 0 ? list.Url : $"{list.Url}?{v.Query}");
}
