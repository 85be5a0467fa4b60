using Crm.Sdk.Clients;
using Microsoft.AspNetCore.Mvc;

namespace Crm.TestModules.Notes.Notes;

/// <summary>The panel on a company's card: the notes about it.</summary>
public sealed class CompanyNotes(NoteService notes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ClientRef client) =>
        View("~/Pages/Notes/_LatestNotes.cshtml", await notes.AboutClientAsync(client, 10, HttpContext.RequestAborted));
}
