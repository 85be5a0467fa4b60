using Microsoft.AspNetCore.Http;

namespace Crm.Sdk.Api;

/// <summary>Serves rendered documents so that nothing in them can run: a sandboxed page with no scripts, styles inline only.</summary>
public static class DocumentResults
{
    /// <summary>An HTML document, printable from the browser, that cannot run script or load anything.</summary>
    public static IResult Html(string html) => new SandboxedHtml(html);

    sealed class SandboxedHtml(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = "sandbox allow-modals; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
