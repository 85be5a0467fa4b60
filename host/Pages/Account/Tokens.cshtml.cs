using Crm.Host.Api;
using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Account;

/// <summary>The signed-in user's personal API tokens: a new one is shown once; only its hash is kept.</summary>
public sealed class TokensModel(CoreDbContext db, CurrentUser user, TokenIssuer issuer, IStringLocalizer<HostText> text) : PageModel
{
    public List<TokenResponse> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) ModelState.AddModelError("name", text["Tokens.NameRequired"]);
        else (NewToken, _) = await issuer.IssueAsync(user.Id!, name, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        await issuer.RevokeAsync(user.Id!, id, ct);
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id && t.RevokedAtUtc == null).OrderBy(t => t.Id)
            .Select(t => new TokenResponse(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc)).ToListAsync(ct);
}
