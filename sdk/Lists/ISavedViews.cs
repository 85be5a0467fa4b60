using Crm.Sdk.Validation;

namespace Crm.Sdk.Lists;

/// <summary>
/// Saved views of lists, kept by the host for every list a module declares with
/// <see cref="Modules.ModuleContributions.SavedViewList"/> (and the host's own "companies" and "contacts"). A view is
/// private to the user who saved it unless shared, which needs <see cref="SharePermission"/>. Every call works as the
/// current user: another user's private view does not exist for them.
/// </summary>
public interface ISavedViews
{
    /// <summary>Holders may share views with everybody and remove shared views.</summary>
    const string SharePermission = "core.views.share";

    /// <summary>The views of a list the user may use: their own, then the shared ones, by name. Empty for a list unknown to them.</summary>
    Task<IReadOnlyList<SavedView>> ListAsync(string list, CancellationToken cancellationToken);

    /// <summary>A view the user may use, or null.</summary>
    Task<SavedView?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the query under a name; the user's own view of that name on that list is replaced. Paging parameters are
    /// dropped from the query. Errors name "list", "name", "query" or "shared".
    /// </summary>
    Task<SaveResult> SaveAsync(string? list, string? name, string? query, bool shared, CancellationToken cancellationToken);

    /// <summary>Removes one of the user's own views (or a shared one, with <see cref="SharePermission"/>); false if there is none the user may remove.</summary>
    Task<bool> DeleteAsync(int id, CancellationToken cancellationToken);
}
