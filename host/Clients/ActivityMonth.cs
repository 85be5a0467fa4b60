using Crm.Sdk.Auditing;

namespace Crm.Host.Clients;

/// <summary>
/// How many activities an employee completed in one UTC month and still has out of the recycle bin: counted ahead of time
/// so that a report over a year reads a dozen rows per employee, not every activity (<see cref="ActivityStatistics"/>).
/// Kept exact by <see cref="ActivityMonths"/>; a figure, not an edit, so not audited.
/// </summary>
[NotAudited]
public sealed class ActivityMonth
{
    public string OwnerId { get; set; } = "";
    /// <summary>The month of <see cref="Activity.DoneAtUtc"/> as year * 100 + month (202503), see <see cref="KeyOf"/>.</summary>
    public int Month { get; set; }
    public int Done { get; set; }

    /// <summary>The month an activity done at this UTC time counts in; <see cref="ActivityMonths.KeySql"/> computes the same in SQL.</summary>
    public static int KeyOf(DateTime doneAtUtc) => doneAtUtc.Year * 100 + doneAtUtc.Month;
}
