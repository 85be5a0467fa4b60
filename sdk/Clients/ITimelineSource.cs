namespace Crm.Sdk.Clients;

/// <summary>One line of a client's timeline: when, what kind, what happened, and where to read more.</summary>
public sealed record TimelineEntry(DateTime AtUtc, string Kind, string Title, string? Detail = null, string? Url = null)
{
    /// <summary>Files that belong to the entry (an activity's attachments), each downloaded through a local URL.</summary>
    public IReadOnlyList<TimelineFile> Files { get; init; } = [];
}

/// <summary>
/// Adds a module's records to the timeline on a client's card (the sales module adds deals). It runs only while its
/// module is enabled, after the host checked that the user may see the client, and must apply the user's scope to its
/// own records. Register it with <c>AddTimelineSource</c>.
/// </summary>
public interface ITimelineSource
{
    /// <summary>The newest entries for the client, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TimelineEntry>> ForClientAsync(ClientRef client, int limit, CancellationToken cancellationToken);
}
