using System.Diagnostics;
using System.Globalization;

namespace Crm.Host.Hosting;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> (milliseconds from the request entering the pipeline to its response starting)
/// when <see cref="CrmOptions.ServerTiming"/> is on, so that the benchmark in bench/ reads the server's own time.
/// </summary>
public sealed class ServerTiming(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("F2", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
