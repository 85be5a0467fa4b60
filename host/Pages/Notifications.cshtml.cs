using Crm.Host.Data.Entities;
using Crm.Host.Notifications;
using Crm.Host.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages;

/// <summary>The user's notifications, newest first; opening the page marks them read.</summary>
public sealed class NotificationsModel(NotificationInbox inbox, CurrentUser user) : PageModel
{
    public List<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await inbox.LatestAsync(user.Id!, ct);
        await inbox.MarkReadAsync(user.Id!, null, ct);
    }
}
