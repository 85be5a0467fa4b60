using Crm.Sdk.Clients;

namespace Crm.Host.Clients;

/// <summary>What kind of value a custom field holds.</summary>
public enum CustomFieldType { Text = 0, Number = 1, Date = 2, Choice = 3, YesNo = 4 }

/// <summary>
/// A field an administrator added to companies or contacts without code. <see cref="Key"/> names it in the API, in
/// filters and in import and export; it does not change once the field exists, and neither does <see cref="Type"/>.
/// </summary>
public sealed class CustomField
{
    public int Id { get; set; }
    public ClientKind Kind { get; set; }
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public CustomFieldType Type { get; set; }
    /// <summary>The choices of a choice list, one per line.</summary>
    public string? Options { get; set; }
    public bool Required { get; set; }
    /// <summary>Where the field stands on forms and cards, smallest first.</summary>
    public int SortOrder { get; set; }

    public IReadOnlyList<string> OptionList => (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
