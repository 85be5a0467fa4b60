namespace Crm.Host.Localization;

/// <summary>The type host pages ask <c>IStringLocalizer&lt;HostText&gt;</c> for: the host's own UI text.</summary>
public sealed class HostText;
