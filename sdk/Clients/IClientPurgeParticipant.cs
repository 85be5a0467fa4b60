namespace Crm.Sdk.Clients;

/// <summary>
/// A module's part in deleting a client record for good (an administrator empties it from the recycle bin): the host
/// first asks every module whether it may go, and only if none refuses does it ask each to remove or detach its records
/// about the client, before it deletes the client's own rows. Afterwards no module record may refer to the client.
/// Register it with <c>AddClientPurgeParticipant</c>.
/// </summary>
public interface IClientPurgeParticipant
{
    /// <summary>
    /// Why the client may not be deleted for good yet, in the current user's language (for example "3 deals still refer
    /// to this client: delete them first"), or null when the module has nothing against it. Changes nothing.
    /// </summary>
    Task<string?> RefusalAsync(ClientRef client, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the module's records that only make sense with the client and detaches the others (clears the reference),
    /// in one transaction of the module's own; returns how many records it touched. Called only when no module refused,
    /// and before the host deletes the client, so a failure here leaves the client in the recycle bin to try again.
    /// </summary>
    Task<int> PurgeAsync(ClientRef client, CancellationToken cancellationToken);
}
