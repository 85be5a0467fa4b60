using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Localization;

/// <summary>
/// UI text from "localization.{culture}.json" resources embedded in each assembly (the host's and every module's):
/// <c>IStringLocalizer&lt;T&gt;</c> reads the texts of T's assembly. Missing texts fall back to English, then to the key.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    public const string FallbackCulture = "en";
    readonly ConcurrentDictionary<Assembly, JsonStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd(resourceSource.Assembly, assembly => new JsonStringLocalizer(assembly));

    public IStringLocalizer Create(string baseName, string location) =>
        Create(Assembly.Load(new AssemblyName(location)).GetTypes()[0]);

    /// <summary>The texts of one assembly for one culture ("ru"), empty if it ships none.</summary>
    public static IReadOnlyDictionary<string, string> Texts(Assembly assembly, string culture)
    {
        using var stream = assembly.GetManifestResourceStream($"localization.{culture}.json");
        if (stream == null) return new Dictionary<string, string>();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? new Dictionary<string, string>();
    }
}

public sealed class JsonStringLocalizer(Assembly assembly) : IStringLocalizer
{
    readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _cultures = new();

    IReadOnlyDictionary<string, string> For(string culture) =>
        _cultures.GetOrAdd(culture, c => JsonStringLocalizerFactory.Texts(assembly, c));

    public LocalizedString this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            foreach (var candidate in new[] { culture.Name, culture.TwoLetterISOLanguageName, JsonStringLocalizerFactory.FallbackCulture })
                if (For(candidate).TryGetValue(name, out var text))
                    return new LocalizedString(name, text, resourceNotFound: false);
            return new LocalizedString(name, name, resourceNotFound: true);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(p => new LocalizedString(p.Key, p.Value));
}
