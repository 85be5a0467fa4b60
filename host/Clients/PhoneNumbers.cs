namespace Crm.Host.Clients;

/// <summary>
/// Phones as people type them ("+7 (495) 123-45-67", "8 495 1234567") compared by their last ten digits, which is how
/// the same number is recognized in any format.
/// </summary>
public static class PhoneNumbers
{
    public const int SignificantDigits = 10;

    /// <summary>The last ten digits, or null when the text has fewer than five digits (not a phone).</summary>
    public static string? Key(string? phone)
    {
        if (phone == null) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 5) return null;
        return digits.Length > SignificantDigits ? digits[^SignificantDigits..] : digits;
    }
}
