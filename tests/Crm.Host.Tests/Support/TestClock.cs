namespace Crm.Host.Tests.Support;

/// <summary>A host clock a test sets to a moment (to log a call "last March"); the system's time while unset.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTime? UtcNow { get; set; }

    public override DateTimeOffset GetUtcNow() =>
        UtcNow is { } now ? new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)) : base.GetUtcNow();
}
