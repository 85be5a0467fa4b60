namespace Crm.Sdk.Data;

/// <summary>
/// A table of figures counted ahead of time from other rows, such as monthly totals that let a report over a year read a few
/// hundred summary rows instead of a million source rows. The services that change the source rows keep it exact in the
/// same transaction; this contract lets the host count it again from scratch, after a bulk load that went around those
/// services or to check that it still agrees. Register it with <c>AddReportSummary</c>.
/// </summary>
public interface IReportSummary
{
    /// <summary>The summary's table, for logs and messages.</summary>
    string Name { get; }

    /// <summary>Deletes the summary and counts it again from the rows it summarises, in one transaction.</summary>
    Task RebuildAsync(CancellationToken cancellationToken);
}
