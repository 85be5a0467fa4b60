using Crm.Sdk.Auditing;
using Crm.Sdk.Clients;

namespace Crm.Host.Clients;

/// <summary>
/// A tag on one company or contact. Indexed by tag, so a list filtered by a tag reads the tag's records in one range.
/// Changes are audited on the company or contact itself as its "Tags" (see <see cref="TagService"/>), not as rows of this table.
/// </summary>
[NotAudited]
public sealed class ClientTag
{
    public ClientKind Kind { get; set; }
    public int RecordId { get; set; }
    public int TagId { get; set; }
}
