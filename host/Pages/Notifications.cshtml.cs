using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Pages;

/// <summary>The user's notifications, newest first; opening the page marks them read.</summary>
public sealed class NotificationsModel(CoreDbContext db, CurrentUser user) : PageModel
{
    public List<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id)
            .OrderByDescending(n => n.Id).Take(100).ToListAsync(ct);
        await db.Notifications.Where(n => n.UserId == user.Id && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow), ct);
    }
}
