using Crm.Sdk.Search;

namespace Crm.Host.Clients;

/// <summary>
/// What a search box query can be, each looked up on its own index: an email (equality), a phone typed any way (its last
/// ten digits, equality), a tax number (equality) and a name (a prefix of a search key). One query that ORs them all
/// together cannot use any index, which made the search a scan of every client (bench/RESULTS.md).
/// </summary>
public sealed record SearchTerms(string Text, string? Email, string? PhoneKey, string? TaxNumber, string NameKey)
{
    public static SearchTerms Parse(string query)
    {
        var text = query.Trim();
        var email = text.Contains('@') ? text.ToLowerInvariant() : null;
        var phoneLike = text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
        var phone = phoneLike ? PhoneNumbers.Key(text) : null;
        var taxNumber = email == null && !text.Contains(' ') && text.Any(char.IsAsciiDigit) ? text : null;
        return new SearchTerms(text, email, phone, taxNumber, email == null ? SearchKey.Of(text) : "");
    }
}
