using System.ComponentModel.DataAnnotations;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Crm.Host.Localization;

namespace Crm.Host.Pages;

/// <summary>First run: creates the first administrator and signs them in. Closed once any user exists.</summary>
public sealed class SetupModel(AdminAccounts accounts, SignInManager<CrmUser> signIn, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty] public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await accounts.AnyUserAsync(ct) ? Redirect("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await accounts.AnyUserAsync(ct)) return Redirect("/Account/Login");
        if (!ModelState.IsValid) return Page();
        var result = await accounts.CreateAdministratorAsync(Input.Email, Input.Password, Input.Name);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", IdentityText.Describe(error, text));
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/");
    }
}

public sealed class SetupInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200)] public string Name { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256)] public string Email { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required"), StringLength(200)] public string Password { get; set; } = "";
}
