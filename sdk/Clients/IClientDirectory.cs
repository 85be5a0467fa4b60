namespace Crm.Sdk.Clients;

/// <summary>A client as a module shows it: which record, its display name and its owner.</summary>
public sealed record ClientSummary(ClientRef Ref, string Name, string OwnerId);

/// <summary>
/// Read access to the client base for modules: names for lists, and whether the current user may see a client before a
/// module links its record to it. Deleted (recycle-bin) clients are not found.
/// </summary>
public interface IClientDirectory
{
    /// <summary>The clients among <paramref name="clients"/> that exist, whatever the user's scope (for showing names on records the user may already see).</summary>
    Task<IReadOnlyDictionary<ClientRef, ClientSummary>> DescribeAsync(IEnumerable<ClientRef> clients, CancellationToken cancellationToken);

    /// <summary>The client if it exists and lies within the current user's scope for viewing clients; otherwise null.</summary>
    Task<ClientSummary?> FindVisibleAsync(ClientRef client, CancellationToken cancellationToken);

    /// <summary>Companies and contacts within the user's scope whose name starts with <paramref name="term"/>, for pickers.</summary>
    Task<IReadOnlyList<ClientSummary>> LookupAsync(string term, int limit, CancellationToken cancellationToken);

    /// <summary>The companies of a holding: the company and its subsidiaries at any depth, so reports can group a holding together.</summary>
    Task<IReadOnlyList<int>> HoldingOfAsync(int companyId, CancellationToken cancellationToken);
}
