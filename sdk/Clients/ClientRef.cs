namespace Crm.Sdk.Clients;

/// <summary>Which kind of client record: a company or a contact.</summary>
public enum ClientKind { Company, Contact }

/// <summary>
/// A reference to a client record of the client base. Modules keep these ids (never foreign keys into host tables) and
/// show the record through the host's pages.
/// </summary>
public sealed record ClientRef(ClientKind Kind, int Id);
