namespace Crm.Host.Security;

/// <summary>Headers every response carries: no framing (clickjacking), no content sniffing, no referrer to other sites.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        return next(context);
    }
}
