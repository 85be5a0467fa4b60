using System.Diagnostics;
using System.Globalization;
using Crm.Host.Data;

namespace Crm.Host.Hosting;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…, db;dur=…</c> when <see cref="CrmOptions.ServerTiming"/> is on, so that the benchmark in
/// bench/ reads the server's own time: <c>app</c> from the request entering the pipeline to its response starting, <c>db</c>
/// the part of it spent in EF Core's database commands (<see cref="DatabaseTime"/>).
/// </summary>
public sealed class ServerTiming(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var database = DatabaseTime.Measure();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:F2}, db;dur={database.Milliseconds:F2}");
            return Task.CompletedTask;
        });
        await next(context);
    }
}
