using System.Data.Common;
using Crm.Host.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Host.Api.Idempotency;

/// <summary>
/// Writes a request's Idempotency-Key into the first transaction of the request that commits, on its own connection, so the
/// key exists exactly when the change does: whoever sees the key knows the change was saved. A second request with the
/// same key fails here on the primary key, and its change rolls back.
/// </summary>
public sealed class IdempotencyCommits : DbTransactionInterceptor
{
    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Claim(eventData) is { } claim)
        {
            await using var command = Insert(transaction, claim);
            await RunAsync(claim, () => command.ExecuteNonQueryAsync(cancellationToken));
        }
        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Claim(eventData) is { } claim)
        {
            using var command = Insert(transaction, claim);
            RunAsync(claim, () => Task.FromResult(command.ExecuteNonQuery())).GetAwaiter().GetResult();
        }
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Current(eventData) is { Pending: true } claim) (claim.Pending, claim.Written) = (false, true);
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (Current(eventData) is { Pending: true } claim) claim.Pending = false;
    }

    static async Task RunAsync(IdempotencyClaim claim, Func<Task<int>> insert)
    {
        claim.Pending = true;
        try { await insert(); }
        catch (DbException)
        {
            claim.Pending = false;
            claim.Conflict = true;
            throw;
        }
    }

    static IdempotencyClaim? Claim(TransactionEventData eventData) => Current(eventData) is { Pending: false, Written: false } claim ? claim : null;

    static IdempotencyClaim? Current(TransactionEventData eventData) =>
        eventData.Context?.GetService<IHttpContextAccessor>()?.HttpContext?.Features.Get<IdempotencyClaim>();

    static DbCommand Insert(DbTransaction transaction, IdempotencyClaim claim)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO core_idempotent_requests (Id, Request, CreatedAtUtc) VALUES (@id, @request, @at)";
        command.AddParameter("@id", claim.Id);
        command.AddParameter("@request", claim.Request);
        command.AddParameter("@at", DateTime.UtcNow);
        return command;
    }
}
