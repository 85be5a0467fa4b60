namespace Crm.Sdk.Clients;

/// <summary>A file shown with a timeline entry: its name, its size and the local URL that downloads it.</summary>
public sealed record TimelineFile(string Name, string Url, long SizeBytes);
