using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Sdk.Modules;

/// <summary>What a module's <c>module.json</c> says about it. The host reads it before loading any code.</summary>
public sealed record ModuleManifest
{
    /// <summary>Lower-case identifier, also the prefix of the module's tables (letters, digits, no separators).</summary>
    public string Id { get; init; } = "";
    /// <summary>The module's name as shown to administrators.</summary>
    public string Name { get; init; } = "";
    /// <summary>The module's own semantic version.</summary>
    public string Version { get; init; } = "";
    /// <summary>The range of sdk versions the module was built for, in NuGet range syntax, e.g. <c>[1.0,2.0)</c>.</summary>
    public string Sdk { get; init; } = "";
    /// <summary>The file name of the module's assembly inside its folder.</summary>
    public string Assembly { get; init; } = "";
    /// <summary>Other modules this one needs, by id, each with a version range.</summary>
    public Dictionary<string, string> Dependencies { get; init => field = value ?? new(); } = new();
    /// <summary>A sentence for the administrator.</summary>
    public string Description { get; init; } = "";
    /// <summary>Who wrote and supports the module.</summary>
    public string Author { get; init; } = "";
    /// <summary>Feature module shipped with the product, or an industry module of a partner.</summary>
    public ModuleKind Kind { get; init; } = ModuleKind.Feature;

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Parses and checks a manifest; the exception message says what is wrong, for the administrator.</summary>
    public static ModuleManifest Parse(string json)
    {
        ModuleManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<ModuleManifest>(json, JsonOptions); }
        catch (JsonException e) { throw new InvalidModuleManifestException($"module.json is not valid JSON: {e.Message}"); }
        if (manifest is null) throw new InvalidModuleManifestException("module.json is empty");
        manifest.Validate();
        return manifest;
    }

    void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id)) throw new InvalidModuleManifestException("module.json: \"id\" is required");
        if (!Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) || !char.IsAsciiLetterLower(Id[0]))
            throw new InvalidModuleManifestException($"module.json: id \"{Id}\" must be lower-case letters and digits, starting with a letter");
        if (Id == "core") throw new InvalidModuleManifestException("module.json: id \"core\" is reserved for the host");
        if (string.IsNullOrWhiteSpace(Name)) throw new InvalidModuleManifestException("module.json: \"name\" is required");
        if (string.IsNullOrWhiteSpace(Version) || !NuGet.Versioning.NuGetVersion.TryParse(Version, out _))
            throw new InvalidModuleManifestException($"module.json: version \"{Version}\" is not a version");
        if (string.IsNullOrWhiteSpace(Sdk) || !NuGet.Versioning.VersionRange.TryParse(Sdk, out _))
            throw new InvalidModuleManifestException($"module.json: sdk range \"{Sdk}\" is not a version range");
        if (string.IsNullOrWhiteSpace(Assembly)) throw new InvalidModuleManifestException("module.json: \"assembly\" is required");
        foreach (var (dependency, range) in Dependencies)
            if (string.IsNullOrWhiteSpace(range) || !NuGet.Versioning.VersionRange.TryParse(range, out _))
                throw new InvalidModuleManifestException($"module.json: dependency {dependency}: \"{range}\" is not a version range");
    }
}

/// <summary>Whether a module is one of the product's feature modules or a partner's industry module.</summary>
public enum ModuleKind { Feature, Industry }

/// <summary>A module.json that cannot be used; the message is shown to the administrator.</summary>
public sealed class InvalidModuleManifestException(string message) : Exception(message);
