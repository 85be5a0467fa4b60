using System.Globalization;
using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Localization;
using Crm.Sdk.Jobs;
using Crm.Sdk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>
/// Every minute: a notification for each open task whose reminder time has come, once; and, when an SMTP server is
/// configured, the same reminder by email to the assignee in their language. The in-app reminder is saved first, so a
/// mail server that is down never loses it (the sender logs the failure). With <c>Crm:PublicUrl</c> set, the email links to
/// the task's client card (or "my day").
/// </summary>
public sealed class TaskReminders(CoreDbContext db, INotifier notifier, CompanyClock clock, IEmailSender email,
    IStringLocalizer<HostText> text, PublicAddress publicAddress) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await db.Tasks.Where(t => t.DoneAtUtc == null && t.RemindedAtUtc == null && t.RemindAtUtc <= now)
            .OrderBy(t => t.RemindAtUtc).Take(500).ToListAsync(cancellationToken);
        // A reminder and its "sent" mark commit together: a crash half-way neither loses a reminder nor sends one twice.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var task in due)
            {
                task.RemindedAtUtc = now;
                await notifier.NotifyAsync(task.AssigneeId, task.Title, $"{clock.ToLocal(task.DueAtUtc):g}",
                    PagePath(task), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (email.IsConfigured && due.Count > 0) await EmailAsync(due, cancellationToken);
    }

    async Task EmailAsync(List<ClientTask> tasks, CancellationToken ct)
    {
        var assigneeIds = tasks.Select(t => t.AssigneeId).Distinct().ToList();
        var assignees = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => new { u.Email, u.DisplayName, u.Culture }, ct);
        var companyIds = tasks.Where(t => t.CompanyId != null).Select(t => t.CompanyId!.Value).Distinct().ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var (uiCulture, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            foreach (var task in tasks)
            {
                if (!assignees.TryGetValue(task.AssigneeId, out var to)) continue;
                var language = CultureInfo.GetCultureInfo(SupportedCultures.IsSupported(to.Culture) ? to.Culture! : JsonStringLocalizerFactory.FallbackCulture);
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = language;
                var company = task.CompanyId is { } id && companies.TryGetValue(id, out var name) ? name : null;
                var body = text["Reminder.EmailBody", task.Title, clock.ToLocal(task.DueAtUtc).ToString("g", language)].Value;
                if (company != null) body += "\n" + text["Reminder.EmailCompany", company].Value;
                if (publicAddress.LinkTo(PagePath(task)) is { } link) body += "\n" + text["Reminder.EmailLink", link].Value;
                if (task.Notes != null) body += "\n\n" + task.Notes;
                await email.SendAsync(new EmailMessage(to.Email!, text["Reminder.EmailSubject", task.Title], body, to.DisplayName), ct);
            }
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (uiCulture, culture);
        }
    }

    /// <summary>The page a reminder opens: the client's card, or "my day" for a task without a client.</summary>
    static string PagePath(ClientTask task) =>
        task.CompanyId is { } company ? $"/Companies/{company}" : task.ContactId is { } contact ? $"/Contacts/{contact}" : "/MyDay";
}
