using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Crm.Sdk.Templates;
using Crm.TestModules.Notes.Notes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crm.TestModules.Notes.Api;

public sealed record CreateNoteRequest(string? Title, string? Body, int? CompanyId = null, int? ContactId = null);

public static class NotesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var notes = api.MapGroup("/notes").RequirePermission(Permissions.View);
        notes.MapGet("/", async (NoteService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));
        notes.MapGet("/{id:int}", async (int id, NoteService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } note ? Results.Ok(note) : Results.NotFound());
        notes.MapPost("/", async (CreateNoteRequest request, NoteService service, CancellationToken ct) =>
        {
            var (id, errors) = await service.CreateAsync(request.Title, request.Body, ct, request.CompanyId, request.ContactId);
            return id == null ? (IResult)ApiProblems.Fields(errors) : TypedResults.Created($"/api/v1/notes/{id}", new { id });
        }).RequirePermission(Permissions.Edit);
        notes.MapGet("/{id:int}/card", async (int id, NoteService service, IDocumentRenderer renderer, ICurrentUser user, CancellationToken ct) =>
        {
            if (await service.FindAsync(id, ct) is not { } note) return Results.NotFound();
            var html = await renderer.RenderAsync("notes", DocumentTemplates.NoteCard.Name,
                new { note.Title, note.Body, OwnerName = user.Name }, ct);
            return DocumentResults.Html(html);
        });
    }
}
