using Crm.Sdk.Security;
using Crm.TestModules.Notes.Notes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.TestModules.Notes.Pages.Notes;

[RequirePermission(Permissions.View)]
public sealed class IndexModel(NoteService service, ICurrentUser user, IStringLocalizer<NotesModule> text) : PageModel
{
    public List<NoteSummary> Notes { get; private set; } = [];
    public string? Title { get; private set; }
    public string? Body { get; private set; }
    public string? Intro { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notes = await service.ListAsync(ct);
        Intro = await service.IntroAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? title, string? body, CancellationToken ct)
    {
        if (!user.HasPermission(Permissions.Edit)) return Forbid();
        var (id, errors) = await service.CreateAsync(title, body, ct);
        if (id != null) return RedirectToPage();
        foreach (var field in errors.Keys) ModelState.AddModelError(field, text["Notes.TitleRequired"]);
        (Title, Body) = (title, body);
        Notes = await service.ListAsync(ct);
        return Page();
    }
}
