namespace Crm.Host.Clients;

/// <summary>Where a company stands with us.</summary>
public enum CompanyStatus { Prospect = 0, Active = 1, Inactive = 2, Lost = 3 }

/// <summary>A client company: what the company knows about it, whoever the manager is.</summary>
public sealed class Company
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The name as <see cref="CompanyNames.Key"/> reduces it, to find likely duplicates.</summary>
    public string NameKey { get; set; } = "";
    public string? LegalName { get; set; }
    public string? TaxNumber { get; set; }
    public string? Industry { get; set; }
    public string? Territory { get; set; }
    public string? Phone { get; set; }
    /// <summary>The last ten digits of <see cref="Phone"/>.</summary>
    public string? PhoneKey { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Address { get; set; }
    public CompanyStatus Status { get; set; }
    /// <summary>Why the company was lost or went inactive.</summary>
    public string? LossReason { get; set; }
    /// <summary>The responsible manager (a user id).</summary>
    public string OwnerId { get; set; } = "";
    /// <summary>The holding this company belongs to.</summary>
    public int? ParentId { get; set; }
    /// <summary>The last call, meeting, email or note with the company, to find clients nobody has talked to for a while.</summary>
    public DateTime? LastContactAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Set when the company is in the recycle bin.</summary>
    public DateTime? DeletedAtUtc { get; set; }
    /// <summary>Raised on every save: an edit based on an older version is refused, never silently overwritten.</summary>
    public int Version { get; set; }
}
