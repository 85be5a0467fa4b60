using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;

namespace Crm.Host.Data.Entities;

public sealed class CrmRole : IdentityRole
{
    public CrmRole() { }
    public CrmRole(string name, RecordScope scope) : base(name) { Scope = scope; }

    /// <summary>Which records holders of this role see under the permissions it grants.</summary>
    public RecordScope Scope { get; set; }
}
