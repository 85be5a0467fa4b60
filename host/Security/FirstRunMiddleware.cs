using Crm.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Security;

/// <summary>Until the first administrator exists, every page leads to the setup page.</summary>
public sealed class FirstRunMiddleware(RequestDelegate next)
{
    volatile bool _hasUsers;

    public async Task InvokeAsync(HttpContext context, CoreDbContext db)
    {
        if (!_hasUsers && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/Setup")
            && !context.Request.Path.StartsWithSegments("/api"))
        {
            _hasUsers = await db.Users.AnyAsync(context.RequestAborted);
            if (!_hasUsers)
            {
                context.Response.Redirect("/Setup");
                return;
            }
        }
        await next(context);
    }
}
