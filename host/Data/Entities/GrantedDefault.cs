using Crm.Sdk.Auditing;

namespace Crm.Host.Data.Entities;

/// <summary>A permission whose default grants were applied once; an administrator's later changes are never undone.</summary>
[NotAudited]
public sealed class GrantedDefault
{
    public string Permission { get; set; } = "";
}
