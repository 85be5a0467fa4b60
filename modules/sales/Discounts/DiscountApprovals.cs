using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Notifications;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Discounts;

/// <summary>A line waiting for a head of sales, as the approvals page lists it.</summary>
public sealed record ApprovalRequest(int LineId, int DealId, string DealTitle, string OwnerName, string Description, decimal Quantity,
    decimal UnitPrice, decimal DiscountPercent, decimal Total, string Currency, int DealVersion);

/// <summary>A head of sales' answer; <see cref="Version"/> is the deal version they looked at.</summary>
public sealed record ApprovalDecision(bool Approve, int? Version = null);

/// <summary>
/// Discounts above a seller's limit wait here for the heads of the deal owner's team (a head does not approve her own
/// deal's discount), or for an administrator, who decides any. Who asked and who answered is in the audit of the line;
/// the approvers are told of a request, the deal's owner of the answer. Heads are learnt from the sdk's
/// <see cref="IUserDirectory"/>: being made a team's head is what lets a user decide, with or without the approve
/// permission; holding it at a narrower scope than "all" alone lets a user open the page and see nothing.
/// </summary>
public sealed class DiscountApprovals(SalesDbContext db, ICurrentUser user, IUserDirectory users, INotifier notifier,
    IStringLocalizer<SalesModule> text, TimeProvider time)
{
    /// <summary>Whether the user may open the approvals at all: holds the permission, or leads a team.</summary>
    public async Task<bool> MayApproveAsync(CancellationToken ct) =>
        user.IsAuthenticated && (user.HasPermission(Permissions.ApproveDiscounts) || (await users.TeamsLedByAsync(user.Id!, ct)).Count > 0);

    /// <summary>The deals whose discounts the user decides: all with the permission at scope All, else those of the members of the teams she leads.</summary>
    async Task<IQueryable<Deal>> InScopeAsync(CancellationToken ct)
    {
        var deals = db.Deals.Where(d => d.DeletedAtUtc == null);
        if (user.HasPermission(Permissions.ApproveDiscounts) && user.ScopeFor(Permissions.ApproveDiscounts) == RecordScope.All) return deals;
        if (!user.IsAuthenticated) return deals.Where(_ => false);
        var led = await users.TeamsLedByAsync(user.Id!, ct);
        var owners = led.Count == 0 ? []
            : (await users.UsersAsync(ct)).Where(u => u.TeamId is { } t && led.Contains(t) && u.Id != user.Id).Select(u => u.Id).ToList();
        return deals.Where(d => owners.Contains(d.OwnerId));
    }

    public async Task<List<ApprovalRequest>> PendingAsync(CancellationToken ct)
    {
        var inScope = await InScopeAsync(ct);
        var rows = await (from l in db.DealLines.AsNoTracking() join d in inScope on l.DealId equals d.Id
                          where l.Approval == DiscountApproval.Pending orderby d.UpdatedAtUtc, l.Id
                          select new { Line = l, d.Title, d.OwnerId, d.Currency, d.Version }).Take(500).ToListAsync(ct);
        var owners = await users.FindAsync(rows.Select(r => r.OwnerId), ct);
        return rows.Select(r => new ApprovalRequest(r.Line.Id, r.Line.DealId, r.Title, owners.TryGetValue(r.OwnerId, out var o) ? o.Name : r.OwnerId,
            r.Line.Description, r.Line.Quantity, r.Line.UnitPrice, r.Line.DiscountPercent, r.Line.Total, r.Currency, r.Version)).ToList();
    }

    /// <summary>Approves or rejects a pending line; the deal's version moves on, so an edit based on the old state is refused.</summary>
    public async Task<SaveResult> DecideAsync(int lineId, ApprovalDecision decision, CancellationToken ct)
    {
        var line = await db.DealLines.FirstOrDefaultAsync(l => l.Id == lineId && l.Approval == DiscountApproval.Pending, ct);
        var deal = line == null ? null : await (await InScopeAsync(ct)).FirstOrDefaultAsync(d => d.Id == line.DealId, ct);
        if (line == null || deal == null) return SaveResult.Missing();
        if (decision.Version is { } version && version != deal.Version) return SaveResult.Changed();
        line.Approval = decision.Approve ? DiscountApproval.Approved : DiscountApproval.Rejected;
        line.ApprovalById = user.Id;
        line.ApprovalAtUtc = time.GetUtcNow().UtcDateTime;
        deal.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return SaveResult.Changed(); }
        if (deal.OwnerId != user.Id)
            await notifier.NotifyAsync(deal.OwnerId, text[decision.Approve ? "Approval.Approved" : "Approval.Rejected", line.DiscountPercent.ToString("0.##"), line.Description],
                deal.Title, $"/Sales/Deals/{deal.Id}", ct);
        return SaveResult.Saved(line.Id);
    }

    /// <summary>
    /// Tells the heads of the owner's team that a line waits for them; the administrators when the team has no other head
    /// (or the owner no team), since someone must be able to answer.
    /// </summary>
    public async Task RequestedAsync(Deal deal, DealLine line, CancellationToken ct)
    {
        var everyone = await users.UsersAsync(ct);
        var owner = everyone.FirstOrDefault(u => u.Id == deal.OwnerId);
        var heads = owner?.TeamId is { } teamId ? (await users.HeadsOfTeamAsync(teamId, ct)).ToHashSet() : [];
        var approvers = everyone.Where(u => u.IsActive && u.Id != user.Id && u.Id != deal.OwnerId && heads.Contains(u.Id)).ToList();
        if (approvers.Count == 0) approvers = everyone.Where(u => u.IsActive && u.Id != user.Id && u.Roles.Contains(CrmRoles.Administrator)).ToList();
        foreach (var approver in approvers)
            await notifier.NotifyAsync(approver.Id, text["Approval.Requested", line.DiscountPercent.ToString("0.##"), line.Description], $"{deal.Title} — {user.Name}",
                "/Sales/Approvals", ct);
    }
}
