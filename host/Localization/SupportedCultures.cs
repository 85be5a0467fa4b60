namespace Crm.Host.Localization;

/// <summary>The UI languages a user can choose.</summary>
public static class SupportedCultures
{
    public static readonly string[] Names = ["en", "ru"];
    public static bool IsSupported(string? culture) => culture != null && Names.Contains(culture);
}
