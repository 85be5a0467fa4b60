namespace Crm.Sdk.Jobs;

/// <summary>Work a module wants done every <see cref="Interval"/>; runs once across all nodes, only while the module is enabled.</summary>
public interface IRecurringJob
{
    /// <summary>How often the job runs.</summary>
    TimeSpan Interval { get; }
    /// <summary>Does the work; resolved from a fresh scope each run.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring job type registered by a module, for the host's scheduler.</summary>
public sealed record RecurringJobRegistration(Type JobType);
