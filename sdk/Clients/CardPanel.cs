namespace Crm.Sdk.Clients;

/// <summary>
/// A block a module adds to client cards: <paramref name="ViewComponent"/> is a view component class of the module whose
/// <c>InvokeAsync(ClientRef client)</c> renders it. Shown to users holding <paramref name="Permission"/> while the module
/// is enabled, after the host checked that the user may see the client; the panel applies the scope to its own records.
/// </summary>
public sealed record CardPanel(string TitleKey, Type ViewComponent, string Permission, int Order = 100);
