using Microsoft.AspNetCore.Diagnostics;

namespace Crm.Host.Hosting;

/// <summary>
/// A full disk, named as such in the log (not as a generic server error) with where it struck, and told to API clients as
/// 507: nothing was saved, and retrying will not help until an administrator frees space.
/// </summary>
public sealed class DiskFull(DataDirectory data, ILogger<DiskFull> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Is(exception)) return false;
        logger.LogCritical(exception, "The disk is full (data directory {DataDirectory}, or the database server's disk): {Method} {Path} saved nothing",
            data.Path, httpContext.Request.Method, httpContext.Request.Path);
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return false; // the error page tells a person
        await Results.Problem("The server's disk is full; nothing was saved. Ask the administrator to free space, then try again.",
            statusCode: StatusCodes.Status507InsufficientStorage, title: "Disk full").ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Whether the exception (or one inside it) says the disk or the database's storage is full.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e != null; e = e.InnerException)
        {
            switch (e)
            {
                case IOException io when io.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027)
                                         || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase):
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }: // SQLITE_FULL
                case MySqlConnector.MySqlException { ErrorCode: MySqlConnector.MySqlErrorCode.RecordFileFull or MySqlConnector.MySqlErrorCode.DiskFull }:
                    return true;
            }
        }
        return false;
    }
}
