using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Host.Data;

/// <summary>
/// Adds up the time a piece of work spends in EF Core's database commands (from sending each command to closing its
/// reader), for the <c>db</c> entry of the <c>Server-Timing</c> header: the benchmark compares a page's SQL with the same
/// data read by hand-written SQL. Counts nothing unless <see cref="Measure"/> was called up the async flow.
/// </summary>
public sealed class DatabaseTime : DbCommandInterceptor
{
    static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting for the calling async flow (a request); read the counter when it is done.</summary>
    public static Counter Measure() => Current.Value = new Counter();

    public sealed class Counter
    {
        long _ticks;
        public double Milliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalMilliseconds;
        internal void Add(TimeSpan duration) => Interlocked.Add(ref _ticks, duration.Ticks);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Current.Value?.Add(eventData.Duration);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Current.Value?.Add(eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Current.Value?.Add(eventData.Duration);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(eventData.Duration);
        return Task.CompletedTask;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Current.Value?.Add(eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(eventData.Duration);
        return ValueTask.FromResult(result);
    }
}
