using Crm.Sdk.Templates;
using Microsoft.AspNetCore.Diagnostics;

namespace Crm.Host.Templates;

/// <summary>A template that cannot render is the administrator's text to fix, not a server fault: 422 with the reason.</summary>
public sealed class TemplateErrors : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TemplateRenderException) return false;
        await Results.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The document template cannot be rendered")
            .ExecuteAsync(httpContext);
        return true;
    }
}
