namespace Crm.Sdk.Clients;

/// <summary>
/// A module's part in merging two duplicate client records: move everything the module keeps about
/// the duplicate (<c>from</c>) to the record kept (<c>into</c>), so nothing is lost when the duplicate goes to the recycle bin.
/// Register it with <c>AddClientMergeParticipant</c>.
/// </summary>
public interface IClientMergeParticipant
{
    /// <summary>Moves the module's records; returns how many moved, for the merge report.</summary>
    Task<int> MergeAsync(ClientRef from, ClientRef into, CancellationToken cancellationToken);
}
