using System.Text;

namespace Crm.Host.Clients;

/// <summary>
/// A company name reduced to what tells companies apart: lower case, no quotes, punctuation or legal form, so that
/// «ООО "Ромашка"», "Ромашка ООО" and "romashka llc" with "Romashka, LLC" are recognized as likely the same.
/// </summary>
public static class CompanyNames
{
    static readonly HashSet<string> LegalForms =
    [
        "ооо", "оао", "зао", "ао", "пао", "ип", "нко", "llc", "ltd", "inc", "jsc", "corp", "co", "gmbh", "ag", "sa", "sp", "z", "o", "oo", "spółka",
    ];

    public static string Key(string name)
    {
        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant().Replace('ё', 'е'))
            cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w));
        var key = string.Join(' ', words);
        return key.Length > 300 ? key[..300] : key;
    }
}
