using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>A call, meeting, email or note to log; with <see cref="PlannedAtUtc"/> and not <see cref="Done"/>, it is planned.</summary>
public sealed record ActivityInput(ActivityKind Kind, string? Subject, string? Body = null, string? Outcome = null,
    int? CompanyId = null, int? ContactId = null, DateTime? PlannedAtUtc = null, bool Done = true);

/// <summary>Logs interactions with clients the user may edit; the employee is the current user.</summary>
public sealed class ActivityService(CoreDbContext db, CurrentUser user, CompanyService companies, ContactService contacts, CompanyClock clock)
{
    public async Task<ClientSaveResult> LogAsync(ActivityInput input, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Required("subject", input.Subject, "Activity.SubjectRequired").MaxLength("subject", input.Subject, 300)
            .MaxLength("body", input.Body, 4000).MaxLength("outcome", input.Outcome, 1000);
        if (!Enum.IsDefined(input.Kind)) errors.Add("kind", "Activity.KindUnknown");
        if (input.CompanyId == null && input.ContactId == null) errors.Add("companyId", "Activity.ClientRequired");
        if (input.CompanyId is { } companyId && !await companies.CanEditAsync(companyId, ct)) errors.Add("companyId", "Company.ParentUnknown");
        if (input.ContactId is { } contactId && await contacts.FindAsync(contactId, ct) == null) errors.Add("contactId", "Activity.ContactUnknown");
        if (!input.Done && input.PlannedAtUtc == null) errors.Add("plannedAtUtc", "Activity.PlannedAtRequired");
        if (errors.Count > 0) return new ClientSaveResult(null, null, errors.All);

        var activity = new Activity
        {
            Kind = input.Kind, Subject = input.Subject!.Trim(), Body = FieldErrors.Clean(input.Body), Outcome = FieldErrors.Clean(input.Outcome),
            CompanyId = input.CompanyId, ContactId = input.ContactId, OwnerId = user.Id!,
            PlannedAtUtc = input.PlannedAtUtc?.ToUniversalTime(), DoneAtUtc = input.Done ? clock.UtcNow : null, CreatedAtUtc = clock.UtcNow,
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        if (activity is { DoneAtUtc: { } done, CompanyId: { } company })
            await db.Companies.Where(c => c.Id == company && (c.LastContactAtUtc == null || c.LastContactAtUtc < done))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactAtUtc, done), ct); // a derived date, not an edit: not audited
        return new ClientSaveResult(activity.Id, 1, new Dictionary<string, string>());
    }

    /// <summary>The user's planned meetings and calls from now until the end of tomorrow.</summary>
    public Task<List<Activity>> UpcomingAsync(CancellationToken ct)
    {
        var (_, endOfToday) = clock.Today();
        var until = endOfToday.AddDays(1);
        var now = clock.UtcNow.AddHours(-1);
        return db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == user.Id && a.DoneAtUtc == null && a.PlannedAtUtc >= now && a.PlannedAtUtc < until)
            .OrderBy(a => a.PlannedAtUtc).ToListAsync(ct);
    }
}
