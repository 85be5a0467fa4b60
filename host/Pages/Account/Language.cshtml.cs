using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Pages.Account;

/// <summary>Switches the UI language: a cookie for this browser, and the user's profile when signed in.</summary>
[AllowAnonymous]
public sealed class LanguageModel(CurrentUser user, CoreDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl, CancellationToken ct)
    {
        if (!SupportedCultures.IsSupported(culture)) return BadRequest();
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        if (user.IsAuthenticated)
        {
            var profile = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
            profile.Culture = culture;
            await db.SaveChangesAsync(ct);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
