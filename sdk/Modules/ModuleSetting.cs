namespace Crm.Sdk.Modules;

/// <summary>The kinds of value a setting holds; the host validates input against it.</summary>
public enum SettingType { Text, Number, YesNo }

/// <summary>
/// A value an administrator sets for the whole installation, such as a default currency. <paramref name="Key"/> is
/// unique within the module; read it with <see cref="IModuleSettings"/>.
/// </summary>
public sealed record ModuleSetting(string Key, string TextKey, SettingType Type, string? Default = null);

/// <summary>Reads the current values of a module's settings (the administrator's value, else the default).</summary>
public interface IModuleSettings
{
    /// <summary>The value of a setting declared by module <paramref name="moduleId"/>, or its default.</summary>
    Task<string?> GetAsync(string moduleId, string key, CancellationToken cancellationToken);
}
