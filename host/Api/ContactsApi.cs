using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>Contacts over /api/v1/contacts, with the same permissions and record scopes as the pages.</summary>
public static class ContactsApi
{
    public static void Map(RouteGroupBuilder contacts)
    {
        contacts.RequirePermission(CorePermissions.ViewClients);
        contacts.MapGet("/", async (string? q, int? companyId, string? afterLastName, string? afterFirstName, int? afterId, int? limit,
                ContactService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(new ContactFilter(q, companyId, afterLastName, afterFirstName, afterId, limit ?? 50), ct)));
        contacts.MapGet("/{id:int}", async (int id, ContactService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } details ? Results.Ok(details) : Results.NotFound());
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
