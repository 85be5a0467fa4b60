using System.Text;
using Crm.Sdk.Search;

namespace Crm.Host.Clients;

/// <summary>
/// A person's name reduced to what tells people apart: lower case, ё as е, no punctuation, words in alphabetical order, so
/// that "Ivan Petrov", "PETROV Ivan" and "Petrov, Ivan" are recognized as likely the same person.
/// </summary>
public static class ContactNames
{
    public const int MaxLength = 200;

    public static string? Key(string? firstName, string? lastName)
    {
        var cleaned = new StringBuilder();
        foreach (var c in $"{firstName} {lastName}".ToLowerInvariant().Replace('ё', 'е'))
            cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var key = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        return key.Length == 0 ? null : key.Length > MaxLength ? key[..MaxLength] : key;
    }

    /// <summary>Sets the contact's derived name keys: the duplicate key and the two search keys.</summary>
    public static void SetKeys(Contact contact)
    {
        contact.NameKey = Key(contact.FirstName, contact.LastName);
        contact.FirstNameKey = SearchKey.Of($"{contact.FirstName} {contact.LastName}", MaxLength);
        contact.LastNameKey = SearchKey.Of($"{contact.LastName} {contact.FirstName}", MaxLength);
    }
}
