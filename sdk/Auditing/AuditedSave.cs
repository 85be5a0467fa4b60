using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Sdk.Auditing;

/// <summary>
/// Saves a context's changes and their audit rows in one transaction. <see cref="Data.ModuleDbContext"/> does this
/// for every module; a context that cannot derive from it (the host's identity context) calls it itself.
/// </summary>
public static class AuditedSave
{
    /// <summary>
    /// Runs <paramref name="save"/> (the base SaveChangesAsync, called with acceptAllChangesOnSuccess false) and writes
    /// the audit of what it saved, committing both or neither; the tracker accepts the changes only after the commit, so
    /// a failed audit leaves them pending for a retry.
    /// </summary>
    public static async Task<int> SaveAsync(DbContext context, Func<bool, Task<int>> save, bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken)
    {
        var changes = AuditCapture.Capture(context.ChangeTracker);
        if (changes.Count == 0) return await save(acceptAllChangesOnSuccess);

        var audit = context.GetService<IAuditWriter>();
        var ownTransaction = context.Database.CurrentTransaction == null
            ? await context.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await save(false);
            await audit.WriteAsync(context, changes.SelectMany(c => c.Complete()).ToList(), cancellationToken);
            if (ownTransaction != null) await ownTransaction.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess) context.ChangeTracker.AcceptAllChanges();
            return written;
        }
        finally
        {
            if (ownTransaction != null) await ownTransaction.DisposeAsync();
        }
    }
}
