using System.Security.Cryptography;
using System.Text;
using Crm.Host.Data;
using Crm.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Api.Idempotency;

/// <summary>
/// A POST to the API with an <c>Idempotency-Key</c> header can be sent again safely: if the first one's change was saved,
/// the retry gets the first answer again (with <c>Idempotent-Replayed: true</c>) and saves nothing; if it was not saved,
/// the retry runs as new. So a client that got an error or no answer for a write can always tell whether it was saved.
/// Keys are the user's own and kept a day (<see cref="IdempotencySweep"/>).
/// </summary>
public sealed class IdempotentRequests(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    const int MaxKeyLength = 200;
    const int MaxStoredBody = 1 << 20;

    public async Task InvokeAsync(HttpContext context, CurrentUser user)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api")
            || !context.Request.Headers.TryGetValue(Header, out var values) || user.Id == null)
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"The {Header} header takes 1 to {MaxKeyLength} characters.");
            return;
        }
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + "\n" + key)));
        var request = $"POST {context.Request.Path}";
        if (request.Length > 300) request = request[..300];
        var db = context.RequestServices.GetRequiredService<CoreDbContext>();
        if (await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, context.RequestAborted) is { } earlier)
        {
            await ReplayAsync(context, earlier, request);
            return;
        }

        var claim = new IdempotencyClaim(id, request);
        context.Features.Set(claim);
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(context); }
        catch (Exception) when (claim.Conflict)
        {
            context.Response.Body = original;
            context.Response.Clear();
            await Problem(context, StatusCodes.Status409Conflict, "Sent twice at once",
                $"Another request with this {Header} was saved at the same moment; send it again to get its answer.");
            return;
        }
        finally { context.Response.Body = original; }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
        if (!claim.Written) return; // nothing was saved: a retry runs as new
        var body = buffer.Length <= MaxStoredBody ? Encoding.UTF8.GetString(buffer.ToArray()) : null;
        var (status, contentType, location) = (context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString());
        await db.IdempotentRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location.Length == 0 ? null : location).SetProperty(r => r.Body, body), CancellationToken.None);
    }

    static async Task ReplayAsync(HttpContext context, Data.Entities.IdempotentRequest earlier, string request)
    {
        if (earlier.Request != request)
        {
            await Problem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                $"This {Header} was used for another request ({earlier.Request}); use a new key for a new request.");
            return;
        }
        if (earlier.Status is not { } status)
        {
            await Problem(context, StatusCodes.Status409Conflict, "Already saved",
                $"A request with this {Header} was saved, but its answer was not kept (it is still running, or the server stopped). Do not send it again: look the record up.");
            return;
        }
        context.Response.StatusCode = status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (earlier.Location != null) context.Response.Headers.Location = earlier.Location;
        if (earlier.ContentType != null) context.Response.ContentType = earlier.ContentType;
        if (earlier.Body != null) await context.Response.WriteAsync(earlier.Body, context.RequestAborted);
    }

    static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
