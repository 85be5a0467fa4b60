namespace Crm.Host.Clients;

/// <summary>A person at one or more client companies, and what the company knows about them.</summary>
public sealed class Contact
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    /// <summary>Empty when unknown.</summary>
    public string LastName { get; set; } = "";
    /// <summary>The name as <see cref="ContactNames.Key"/> reduces it, to find likely duplicates.</summary>
    public string? NameKey { get; set; }
    /// <summary>"first last" as a search key (<see cref="Crm.Sdk.Search.SearchKey"/>), so the search finds a first name by prefix.</summary>
    public string FirstNameKey { get; set; } = "";
    /// <summary>"last first" as a search key, so the search finds a last name by prefix.</summary>
    public string LastNameKey { get; set; } = "";
    public string? Position { get; set; }
    public string? Phone { get; set; }
    /// <summary>The last ten digits of <see cref="Phone"/>, so a number is found however it was typed.</summary>
    public string? PhoneKey { get; set; }
    public string? Email { get; set; }
    public string? Messenger { get; set; }
    public DateOnly? Birthday { get; set; }
    /// <summary>Preferences and personal notes: what to remember before the next call.</summary>
    public string? Notes { get; set; }
    public bool MarketingConsent { get; set; }
    public DateTime? ConsentAtUtc { get; set; }
    /// <summary>Where the consent was given (a form, a signed paper, a call).</summary>
    public string? ConsentSource { get; set; }
    public string OwnerId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
    public int Version { get; set; }

    public string FullName => LastName.Length == 0 ? FirstName : $"{FirstName} {LastName}";
}

/// <summary>The part a contact plays in a client's decisions.</summary>
public enum DecisionRole { DecisionMaker = 0, Influencer = 1, User = 2, Gatekeeper = 3, Other = 4 }

/// <summary>A contact's place at a company: their role in its decisions and how much their word weighs (0–100).</summary>
public sealed class ContactCompany
{
    public int ContactId { get; set; }
    public int CompanyId { get; set; }
    public DecisionRole Role { get; set; }
    public int Influence { get; set; }
}
