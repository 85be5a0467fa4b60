namespace Crm.Host.Clients;

/// <summary>The custom fields a company or contact form shows, and their values as typed.</summary>
public sealed record CustomFieldForm(IReadOnlyList<CustomField> Fields, IDictionary<string, string?> Values)
{
    /// <summary>The typed values as a save takes them.</summary>
    public static IReadOnlyDictionary<string, object?> ToInput(IDictionary<string, string?> values) =>
        values.ToDictionary(v => v.Key, v => (object?)v.Value);
}
