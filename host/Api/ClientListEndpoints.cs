using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Api;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>What the companies and contacts APIs share: reading a list's custom field filters, importing a file, streaming an export.</summary>
public static class ClientListEndpoints
{
    /// <summary>The custom field filters of the request, or a 400 naming the parameter that cannot be read.</summary>
    public static async Task<(List<CustomFieldCondition>? Conditions, IResult? Problem)> CustomFiltersAsync(ClientKind kind, HttpContext http,
        CustomFieldValues values, IStringLocalizer text)
    {
        var (conditions, errors) = await values.ConditionsAsync(kind, http.Request.Query, http.RequestAborted);
        return errors.Count > 0
            ? (null, ApiProblems.Fields(errors.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value })))
            : (conditions, null);
    }

    /// <summary>POST {list}/import: a CSV or XLSX file, columns guessed from the headers; 400 with every row's errors, and nothing added, unless all are valid.</summary>
    public static RouteHandlerBuilder MapImport<TImport>(this RouteGroupBuilder group) where TImport : ClientImport =>
        // Browser sessions are checked by ApiAntiforgery like every other change; the framework's form check is not needed.
        // The import is taken from the request's services, not as a TImport parameter: a handler parameter of a generic
        // type crashes ASP.NET Core's RouteHandlerAnalyzer (AD0001, dotnet/aspnetcore#56831, fixed only in .NET 11), which
        // then checks no endpoint of the host at all.
        group.MapPost("/import", async (IFormFile file, bool? dryRun, HttpContext http, IStringLocalizer<HostText> text, CancellationToken ct) =>
            {
                var import = http.RequestServices.GetRequiredService<TImport>();
                if (!ImportFile.IsSupported(file.FileName) || file.Length > ImportFile.MaxFileBytes)
                    return ApiProblems.Field("file", text["Import.FileRefused", ImportFile.MaxFileBytes / 1024 / 1024]);
                await using var stream = file.OpenReadStream();
                if (await ImportFile.TryReadAsync(stream, file.FileName, ct) is not { } table)
                    return ApiProblems.Field("file", text["Import.FileUnreadable"]);
                var result = await import.RunAsync(table, await import.GuessMappingAsync(table.Headers, ct), commit: dryRun != true, ct);
                return result.Errors.Count > 0 ? Results.BadRequest(result) : Results.Ok(result);
            })
            .DisableAntiforgery().RequirePermission(CorePermissions.EditClients);

    /// <summary>An export streamed as a download named after the list.</summary>
    public static IResult Download(string list, ExportFormat format, Func<Stream, Task> write) =>
        Results.Stream(write, TableExport.ContentType(format), $"{list}.{format.ToString().ToLowerInvariant()}");
}
