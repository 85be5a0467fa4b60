using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

public sealed record ClientSaved(int Id, int Version);

/// <summary>Merge the company <paramref name="MergeId"/> into the one addressed; <paramref name="Take"/> names the fields whose values come from it.</summary>
public sealed record MergeRequest(int MergeId, IReadOnlyList<string>? Take);

/// <summary>The list's filters as query parameters.</summary>
public sealed record CompanyQuery(CompanyStatus? Status, string? Owner, string? Q, string? Industry, string? Territory, int? NoContactDays,
    string? AfterName, int? AfterId, int? Limit, string[]? Tag)
{
    public CompanyFilter ToFilter() => new(Status, Owner, Q, AfterName, AfterId, Limit ?? 50, Industry, Territory, NoContactDays, Tags: Tag);
}

/// <summary>Companies over /api/v1/companies, with the same permissions and record scopes as the pages.</summary>
public static class CompaniesApi
{
    public static void Map(RouteGroupBuilder companies)
    {
        companies.RequirePermission(CorePermissions.ViewClients);
        companies.MapGet("/", async ([AsParameters] CompanyQuery query, CompanyService service, CustomFieldValues values, HttpContext http,
            IStringLocalizer<HostText> text, CancellationToken ct) =>
        {
            var (custom, problem) = await ClientListEndpoints.CustomFiltersAsync(ClientKind.Company, http, values, text);
            var filter = query.ToFilter() with { Custom = custom };
            if (Refused(filter, text) is { } refused) return refused;
            return problem ?? Results.Ok(await service.ListAsync(filter, ct));
        });
        companies.MapGet("/export", async (ExportFormat? format, [AsParameters] CompanyQuery query, CompanyExport export, CustomFieldValues values,
            HttpContext http, IStringLocalizer<HostText> text) =>
        {
            var (custom, problem) = await ClientListEndpoints.CustomFiltersAsync(ClientKind.Company, http, values, text);
            var filter = query.ToFilter() with { Custom = custom };
            if (Refused(filter, text) is { } refused) return refused;
            return problem ?? ClientListEndpoints.Download("companies", format ?? ExportFormat.Csv,
                output => export.WriteAsync(filter, format ?? ExportFormat.Csv, output, http.RequestAborted));
        });
        companies.MapImport<CompanyImport>();
        companies.MapGet("/duplicates", async (CompanyDuplicates duplicates, CancellationToken ct) => TypedResults.Ok(await duplicates.FindAsync(ct)))
            .RequirePermission(CorePermissions.EditClients);
        companies.MapPost("/{id:int}/merge", async (int id, MergeRequest request, CompanyDuplicates duplicates, CancellationToken ct) =>
                await duplicates.MergeAsync(id, request.MergeId, request.Take ?? [], ct) is { } report ? Results.Ok(report) : Results.NotFound())
            .RequirePermission(CorePermissions.EditClients);
        companies.MapGet("/{id:int}", async (int id, CompanyService service, CustomFieldValues values, TagService tags, ClientJson json,
            CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } company
                ? Results.Ok(json.With(company, ("customFields", await values.ForRecordAsync(ClientKind.Company, id, ct)),
                    ("tags", await tags.ForRecordAsync(ClientKind.Company, id, ct))))
                : Results.NotFound());
        companies.MapPost("/", async (CompanyInput input, CompanyService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            ToResult(await service.CreateAsync(input, ct), text, "companies", created: true)).RequirePermission(CorePermissions.EditClients);
        companies.MapPut("/{id:int}", async (int id, CompanyInput input, CompanyService service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            ToResult(await service.UpdateAsync(id, input, ct), text, "companies", created: false)).RequirePermission(CorePermissions.EditClients);
        companies.MapPost("/{id:int}/restore", async (int id, CompanyService service, CancellationToken ct) =>
            await service.RestoreAsync(id, ct) ? Results.NoContent() : Results.NotFound()).RequirePermission(CorePermissions.EditClients);
        companies.MapPurge(ClientKind.Company);
        companies.MapGet("/{id:int}/history", async (int id, CompanyService service, Crm.Sdk.Auditing.IAuditLog audit, CancellationToken ct) =>
            await service.FindAsync(id, ct) is null ? Results.NotFound() : Results.Ok(await audit.ForRecordAsync(ClientHistory.CompanyTable, id.ToString(), ct)));
        companies.MapPost("/{id:int}/history/{change:long}/revert", async (int id, long change, int? version, ClientHistory history,
                IStringLocalizer<HostText> text, CancellationToken ct) =>
            ToResult(await history.RevertAsync(ClientHistory.CompanyTable, id, change, version, ct), id, text))
            .RequirePermission(CorePermissions.EditClients);
        companies.MapDelete("/{id:int}", async (int id, CompanyService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound()).RequirePermission(CorePermissions.EditClients);
    }

    /// <summary>400 naming the filters that cannot be applied, or null to list.</summary>
    static IResult? Refused(CompanyFilter filter, IStringLocalizer text) => filter.Errors() is { Count: > 0 } errors
        ? ApiProblems.Fields(errors.ToDictionary(e => e.Key, e => new[] { text[e.Value, CompanyFilter.MaxNoContactDays].Value }))
        : null;

    /// <summary>The API answer to reverting a change: 200 with the new version, 404, 409 when it changed since, 400 when the old value is no longer valid.</summary>
    public static IResult ToResult(RevertResult result, int id, IStringLocalizer text)
    {
        if (result.NotFound) return Results.NotFound();
        if (result.Conflict) return ApiProblems.Conflict(text["Client.Conflict"]);
        if (result.RefusedKey == "History.ChangedSince") return ApiProblems.Conflict(text["History.ChangedSince"]);
        if (result.Errors is { Count: > 0 } errors)
            return ApiProblems.Fields(errors.ToDictionary(e => e.Key, e => new[] { text["History.NoLongerValid", text[e.Value].Value].Value }));
        if (result.RefusedKey is { } key) return ApiProblems.Field("change", text[key]);
        return TypedResults.Ok(new ClientSaved(id, result.Version!.Value));
    }

    /// <summary>The API answer to saving a client record: 201/200 with id and version, 400 with fields, 404, or 409.</summary>
    public static IResult ToResult(ClientSaveResult result, IStringLocalizer text, string collection, bool created)
    {
        if (result.NotFound) return Results.NotFound();
        if (result.Conflict) return ApiProblems.Conflict(text["Client.Conflict"]);
        if (result.Errors.Count > 0 || result.Refused != null)
        {
            var fields = result.Errors.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value });
            if (result.Refused is { } refused) fields["files"] = [text[refused.Key, refused.Argument].Value];
            return ApiProblems.Fields(fields);
        }
        var body = new ClientSaved(result.Id!.Value, result.Version!.Value);
        return created ? TypedResults.Created($"/api/v1/{collection}/{body.Id}", body) : TypedResults.Ok(body);
    }
}
