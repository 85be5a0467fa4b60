using Crm.Host.Api;
using Crm.Host.Localization;
using Crm.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Account;

/// <summary>The signed-in user's personal API tokens: a new one is shown once; only its hash is kept.</summary>
public sealed class TokensModel(CurrentUser user, TokenIssuer issuer, IStringLocalizer<HostText> text) : PageModel
{
    public List<TokenResponse> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        if (TokenIssuer.ValidName(name) is { } valid) (NewToken, _) = await issuer.IssueAsync(user.Id!, valid, ct);
        else ModelState.AddModelError("name", text["Tokens.NameRequired"]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        await issuer.RevokeAsync(user.Id!, id, ct);
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct) => Tokens = await issuer.ListAsync(user.Id!, ct);
}
