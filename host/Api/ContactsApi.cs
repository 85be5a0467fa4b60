using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>The contacts list's filters as query parameters.</summary>
public sealed record ContactQuery(string? Q, int? CompanyId, string? AfterLastName, string? AfterFirstName, int? AfterId, int? Limit, string[]? Tag)
{
    public ContactFilter ToFilter() => new(Q, CompanyId, AfterLastName, AfterFirstName, AfterId, Limit ?? 50, Tags: Tag);
}

/// <summary>Contacts over /api/v1/contacts, with the same permissions and record scopes as the pages.</summary>
public static class ContactsApi
{
    public static void Map(RouteGroupBuilder contacts)
    {
        contacts.RequirePermission(CorePermissions.ViewClients);
        contacts.MapGet("/", async ([AsParameters] ContactQuery query, ContactService service, CustomFieldValues values, HttpContext http,
            IStringLocalizer<HostText> text, CancellationToken ct) =>
        {
            var (custom, problem) = await ClientListEndpoints.CustomFiltersAsync(ClientKind.Contact, http, values, text);
            return problem ?? Results.Ok(await service.ListAsync(query.ToFilter() with { Custom = custom }, ct));
        });
        contacts.MapGet("/export", async (ExportFormat? format, [AsParameters] ContactQuery query, ContactExport export, CustomFieldValues values,
            HttpContext http, IStringLocalizer<HostText> text) =>
        {
            var (custom, problem) = await ClientListEndpoints.CustomFiltersAsync(ClientKind.Contact, http, values, text);
            var filter = query.ToFilter() with { Custom = custom };
            return problem ?? ClientListEndpoints.Download("contacts", format ?? ExportFormat.Csv,
                output => export.WriteAsync(filter, format ?? ExportFormat.Csv, output, http.RequestAborted));
        });
        contacts.MapImport<ContactImport>();
        contacts.MapGet("/{id:int}", async (int id, ContactService service, CustomFieldValues values, TagService tags, ClientJson json,
            CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } details
                ? Results.Ok(json.With(details, ("customFields", await values.ForRecordAsync(ClientKind.Contact, id, ct)),
                    ("tags", await tags.ForRecordAsync(ClientKind.Contact, id, ct))))
                : Results.NotFound());
        contacts.MapGet("/duplicates", async (ContactDuplicates duplicates, CancellationToken ct) => TypedResults.Ok(await duplicates.FindAsync(ct)))
            .RequirePermission(CorePermissions.EditClients);
        contacts.MapPost("/{id:int}/merge", async (int id, MergeRequest request, ContactDuplicates duplicates, CancellationToken ct) =>
                await duplicates.MergeAsync(id, request.MergeId, request.Take ?? [], ct) is { } report ? Results.Ok(report) : Results.NotFound())
            .RequirePermission(CorePermissions.EditClients);
        contacts.MapPost("/{id:int}/restore", async (int id, ContactService service, CancellationToken ct) =>
            await service.RestoreAsync(id, ct) ? Results.NoContent() : Results.NotFound()).RequirePermission(CorePermissions.EditClients);
        contacts.MapPurge(ClientKind.Contact);
        contacts.MapPost("/", async (ContactInput input, ContactService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            CompaniesApi.ToResult(await service.CreateAsync(input, ct), text, "contacts", created: true)).RequirePermission(CorePermissions.EditClients);
        contacts.MapPut("/{id:int}", async (int id, ContactInput input, ContactService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            CompaniesApi.ToResult(await service.UpdateAsync(id, input, ct), text, "contacts", created: false)).RequirePermission(CorePermissions.EditClients);
        contacts.MapGet("/{id:int}/history", async (int id, ContactService service, Crm.Sdk.Auditing.IAuditLog audit, CancellationToken ct) =>
            await service.FindAsync(id, ct) is null ? Results.NotFound() : Results.Ok(await audit.ForRecordAsync(ClientHistory.ContactTable, id.ToString(), ct)));
        contacts.MapPost("/{id:int}/history/{change:long}/revert", async (int id, long change, int? version, ClientHistory history,
                IStringLocalizer<HostText> text, CancellationToken ct) =>
            CompaniesApi.ToResult(await history.RevertAsync(ClientHistory.ContactTable, id, change, version, ct), id, text))
            .RequirePermission(CorePermissions.EditClients);
        contacts.MapDelete("/{id:int}", async (int id, ContactService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound()).RequirePermission(CorePermissions.EditClients);
    }
}
