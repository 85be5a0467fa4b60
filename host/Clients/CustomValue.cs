using Crm.Sdk.Auditing;

namespace Crm.Host.Clients;

/// <summary>
/// One custom field's value on one company or contact. <see cref="Text"/> always holds the value as invariant text
/// (what text, choice and yes/no filters compare); numbers and dates are also kept in <see cref="Number"/> and
/// <see cref="Date"/>, indexed with the field, so that range filters stay fast on large bases. Changes are audited on the
/// company or contact itself (see <see cref="CustomFieldValues"/>), not as rows of this table.
/// </summary>
[NotAudited]
public sealed class CustomValue
{
    public int FieldId { get; set; }
    public int RecordId { get; set; }
    public string Text { get; set; } = "";
    public double? Number { get; set; }
    public DateOnly? Date { get; set; }
}
