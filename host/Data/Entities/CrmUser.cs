using Microsoft.AspNetCore.Identity;

namespace Crm.Host.Data.Entities;

public sealed class CrmUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>False once the employee has left: they cannot sign in, their history keeps their name.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>The UI language the user chose ("en", "ru").</summary>
    public string? Culture { get; set; }
    public int? TeamId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
