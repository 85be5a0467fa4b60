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
/// Discounts above a seller's limit wait here for a head of sales within whose scope the deal's owner lies. Who asked
/// and who answered is in the audit of the line; the approvers are told of a request, the deal's owner of the answer.
/// </summary>
public sealed class DiscountApprovals(SalesDbContext db, ICurrentUser user, IUserDirectory users, INotifier notifier,
    IStringLocalizer<SalesModule> text, TimeProvider time)
{
    IQueryable<Deal> InScope => db.Deals.Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ApproveDiscounts, d => d.OwnerId);

    public async Task<List<ApprovalRequest>> PendingAsync(CancellationToken ct)
    {
        var rows = await (from l in db.DealLines.AsNoTracking() join d in InScope on l.DealId equals d.Id
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
        var deal = line == null ? null : await InScope.FirstOrDefaultAsync(d => d.Id == line.DealId, ct);
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
    /// Tells the heads of sales of the owner's team that a line waits for them (the administrators when the team has
    /// none). Who holds the approval permission is the host's to know; the head-of-sales role is how modules see it.
    /// </summary>
    public async Task RequestedAsync(Deal deal, DealLine line, CancellationToken ct)
    {
        var everyone = await users.UsersAsync(ct);
        var owner = everyone.FirstOrDefault(u => u.Id == deal.OwnerId);
        var approvers = everyone.Where(u => u.IsActive && u.Id != user.Id && u.Roles.Contains(CrmRoles.HeadOfSales) && owner?.TeamId != null && u.TeamId == owner.TeamId)
            .ToList();
        if (approvers.Count == 0) approvers = everyone.Where(u => u.IsActive && u.Id != user.Id && u.Roles.Contains(CrmRoles.Administrator)).ToList();
        foreach (var approver in approvers)
            await notifier.NotifyAsync(approver.Id, text["Approval.Requested", line.DiscountPercent.ToString("0.##"), line.Description], $"{deal.Title} — {user.Name}",
                "/Sales/Approvals", ct);
    }
}
