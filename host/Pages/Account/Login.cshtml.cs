using System.ComponentModel.DataAnnotations;
using Crm.Host.Data.Entities;
using Crm.Host.Hosting;
using Crm.Host.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<CrmUser> signIn, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        if (user is { IsActive: true })
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                if (SupportedCultures.IsSupported(user.Culture))
                    Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user.Culture!)));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            if (result.IsLockedOut)
            {
                ModelState.AddModelError("", text["Login.LockedOut"]);
                return Page();
            }
        }
        ModelState.AddModelError("", text["Login.Failed"]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Validation.Required")] public string Email { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")] public string Password { get; set; } = "";
}
