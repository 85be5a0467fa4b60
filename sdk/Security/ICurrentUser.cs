namespace Crm.Sdk.Security;

/// <summary>The person (or API token owner) behind the current request; <see cref="IsAuthenticated"/> is false for anonymous calls and background work.</summary>
public interface ICurrentUser
{
    /// <summary>False for anonymous requests, jobs and the command line.</summary>
    bool IsAuthenticated { get; }
    /// <summary>The user's id, or null when not authenticated.</summary>
    string? Id { get; }
    /// <summary>Display name for audit and UI; "system" for background work.</summary>
    string Name { get; }
    /// <summary>Whether any of the user's roles grants the permission.</summary>
    bool HasPermission(string permission);
    /// <summary>The broadest record scope among the user's roles that grant the permission; <see cref="RecordScope.Own"/> if none does.</summary>
    RecordScope ScopeFor(string permission);
    /// <summary>Ids of the users in the current user's team (including the user), for <see cref="RecordScope.Team"/>.</summary>
    IReadOnlyCollection<string> TeamMemberIds { get; }
}
