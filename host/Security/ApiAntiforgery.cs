using Microsoft.AspNetCore.Antiforgery;

namespace Crm.Host.Security;

/// <summary>
/// A browser session calling the API to change something must send the antiforgery token (header
/// "RequestVerificationToken"), as forms do; calls with an API token need none, since no other site can send it.
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && context.User.Identity?.AuthenticationType != ApiTokenAuthentication.SchemeName
            && context.User.Identity?.IsAuthenticated == true)
        {
            try { await antiforgery.ValidateRequestAsync(context); }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem("A signed-in browser must send the antiforgery token in the RequestVerificationToken header.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
