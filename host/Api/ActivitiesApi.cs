using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>Interaction history, tasks, "my day" and a company's timeline over /api/v1.</summary>
public static class ActivitiesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/activities", async (ActivityInput input, ActivityService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
                CompaniesApi.ToResult(await service.LogAsync(input, ct), text, "activities", created: true))
            .RequirePermission(CorePermissions.EditClients).WithTags("activities");
        // Browser sessions are checked by ApiAntiforgery like every other change; the framework's form check is not needed.
        api.MapPost("/activities/{id:int}/attachments", async (int id, IFormFileCollection files, ActivityService service,
                IStringLocalizer<HostText> text, CancellationToken ct) =>
            {
                if (await service.AttachAsync(id, files, ct) is not { } result) return Results.NotFound();
                if (result.Refused is { } refused) return ApiProblems.Field("files", text[refused.Key, refused.Argument]);
                return Results.Created($"/api/v1/activities/{id}", result.Added);
            })
            .DisableAntiforgery().RequirePermission(CorePermissions.EditClients).WithTags("activities");
        api.MapGet("/attachments/{id:int}", async (int id, ActivityService service, AttachmentFiles files, HttpContext http, CancellationToken ct) =>
            {
                if (await service.FindAttachmentAsync(id, ct) is not { } file || !files.Exists(file.StoredName)) return Results.NotFound();
                // Always a download, never rendered: an uploaded .html or .svg cannot run in our origin.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                return Results.File(files.Open(file.StoredName), AttachmentFiles.ContentTypeFor(file.FileName), file.FileName);
            })
            .RequirePermission(CorePermissions.ViewClients).WithTags("activities");
        api.MapDelete("/activities/{id:int}", async (int id, ActivityService service, CancellationToken ct) =>
                await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.EditClients).WithTags("activities");
        api.MapPost("/activities/{id:int}/restore", async (int id, ActivityService service, CancellationToken ct) =>
                await service.RestoreAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.EditClients).WithTags("activities");
        api.MapPost("/activities/{id:int}/purge", async (int id, ActivityService service, CancellationToken ct) =>
                await service.PurgeAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.EditClients).WithTags("activities");
        api.MapDelete("/attachments/{id:int}", async (int id, ActivityService service, CancellationToken ct) =>
                await service.RemoveAttachmentAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.EditClients).WithTags("activities");
        api.MapPost("/tasks", async (TaskInput input, TaskService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
                CompaniesApi.ToResult(await service.CreateAsync(input, ct), text, "tasks", created: true))
            .RequirePermission(CorePermissions.ViewClients).WithTags("tasks");
        api.MapPost("/tasks/{id:int}/done", async (int id, TaskService service, CancellationToken ct) =>
                await service.CompleteAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.ViewClients).WithTags("tasks");
        api.MapGet("/my-day", async (TaskService service, CancellationToken ct) => TypedResults.Ok(await service.MyDayAsync(ct)))
            .RequirePermission(CorePermissions.ViewClients).WithTags("tasks");
        api.MapGet("/tasks/overdue-by-manager", async (TaskService service, CancellationToken ct) =>
                TypedResults.Ok(await service.OverdueByManagerAsync(ct)))
            .RequirePermission(CorePermissions.ViewClients).WithTags("tasks");
        api.MapGet("/reports/clients", async (ClientBaseReport report, CancellationToken ct) => TypedResults.Ok(await report.BuildAsync(ct)))
            .RequirePermission(CorePermissions.ViewClients).WithTags("reports");
        api.MapGet("/companies/{id:int}/timeline", async (int id, bool? withSubsidiaries, CompanyService companies, ClientTimeline timeline,
                CancellationToken ct) =>
                await companies.FindAsync(id, ct) is null ? Results.NotFound() : Results.Ok(await timeline.ForCompanyAsync(id, withSubsidiaries == true, ct)))
            .RequirePermission(CorePermissions.ViewClients).WithTags("companies");
        api.MapGet("/contacts/{id:int}/timeline", async (int id, ContactService contacts, ClientTimeline timeline, CancellationToken ct) =>
                await contacts.FindAsync(id, ct) is null ? Results.NotFound() : Results.Ok(await timeline.ForContactAsync(id, ct)))
            .RequirePermission(CorePermissions.ViewClients).WithTags("contacts");
    }
}
