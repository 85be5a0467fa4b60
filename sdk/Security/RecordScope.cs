namespace Crm.Sdk.Security;

/// <summary>Which records a user may see: their own, their team's, or all. Modules apply it in queries.</summary>
public enum RecordScope { Own = 0, Team = 1, All = 2 }
