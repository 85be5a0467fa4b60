namespace Crm.Sdk.Time;

/// <summary>
/// The company's time: records keep UTC, people see and think in the company's time zone ("today", "this month").
/// Modules use it to show times and to cut periods for reports.
/// </summary>
public interface ICompanyClock
{
    /// <summary>Now, in UTC.</summary>
    DateTime UtcNow { get; }

    /// <summary>A UTC time as the company's wall clock shows it.</summary>
    DateTime ToLocal(DateTime utc);

    /// <summary>A wall-clock time of the company as UTC.</summary>
    DateTime ToUtc(DateTime local);
}
