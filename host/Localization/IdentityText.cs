using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Localization;

/// <summary>Identity's errors in the user's language: "Identity.{Code}" from the host texts, else Identity's English text.</summary>
public static class IdentityText
{
    public static string Describe(IdentityError error, IStringLocalizer text)
    {
        var localized = text["Identity." + error.Code];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }
}
