using Microsoft.AspNetCore.Mvc;

namespace Crm.TestModules.Notes.Notes;

/// <summary>The home page widget: the user's latest notes.</summary>
public sealed class LatestNotes(NoteService service) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Pages/Notes/_LatestNotes.cshtml", (await service.ListAsync(HttpContext.RequestAborted)).Take(5).ToList());
}
