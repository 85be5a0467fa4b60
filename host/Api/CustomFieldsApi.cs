using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>Custom field definitions over /api/v1/custom-fields: anyone who views clients reads them, an administrator changes them.</summary>
public static class CustomFieldsApi
{
    public static void Map(RouteGroupBuilder fields)
    {
        fields.RequirePermission(CorePermissions.ViewClients);
        fields.MapGet("/", async (ClientKind? kind, CustomFieldService service, CancellationToken ct) =>
            TypedResults.Ok(kind is { } k ? [.. await service.ForAsync(k, ct)] : await service.AllAsync(ct)));
        fields.MapGet("/{id:int}", async (int id, CustomFieldService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } field ? Results.Ok(field) : Results.NotFound());
        fields.MapPost("/", async (CustomFieldInput input, CustomFieldService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            CompaniesApi.ToResult(await service.CreateAsync(input, ct), text, "custom-fields", created: true))
            .RequirePermission(CorePermissions.ManageCustomFields);
        fields.MapPut("/{id:int}", async (int id, CustomFieldInput input, CustomFieldService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            CompaniesApi.ToResult(await service.UpdateAsync(id, input, ct), text, "custom-fields", created: false))
            .RequirePermission(CorePermissions.ManageCustomFields);
        fields.MapDelete("/{id:int}", async (int id, CustomFieldService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequirePermission(CorePermissions.ManageCustomFields);
    }
}
