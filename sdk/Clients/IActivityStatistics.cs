namespace Crm.Sdk.Clients;

/// <summary>Figures about employees' calls, meetings, emails and notes, for modules' reports.</summary>
public interface IActivityStatistics
{
    /// <summary>
    /// How many activities each of <paramref name="userIds"/> completed in [fromUtc, toUtc), leaving out those in the recycle
    /// bin; users with none are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> DoneByUserAsync(IReadOnlyCollection<string> userIds, DateTime fromUtc, DateTime toUtc,
        CancellationToken cancellationToken);
}
