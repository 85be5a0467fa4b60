using Crm.Host.Data;
using Crm.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Host.Clients;

/// <summary>
/// Every few hours: deletes files in the attachments folder that no attachment row names, once they are older than
/// <see cref="AttachmentOptions.OrphanGraceHours"/>. Files are deleted after their rows commit, so a delete that failed
/// (a file held open, a full disk) leaves an orphan that this sweep removes; the grace period keeps files of uploads whose
/// rows are still being saved. A file whose row exists is never deleted.
/// </summary>
public sealed class AttachmentSweep(CoreDbContext db, AttachmentFiles files, IOptions<CrmOptions> options, ILogger<AttachmentSweep> logger)
    : IRecurringJob
{
    const int Batch = 500;

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writtenBefore = DateTime.UtcNow - TimeSpan.FromHours(Math.Max(0, options.Value.Attachments.OrphanGraceHours));
        var removed = 0;
        foreach (var batch in files.StoredBefore(writtenBefore).Chunk(Batch))
        {
            var names = batch.ToList();
            var kept = await db.ActivityAttachments.AsNoTracking().Where(f => names.Contains(f.StoredName))
                .Select(f => f.StoredName).ToListAsync(cancellationToken);
            foreach (var orphan in names.Except(kept, StringComparer.OrdinalIgnoreCase))
                if (files.Delete(orphan)) removed++;
        }
        if (removed > 0) logger.LogInformation("Deleted {Count} attachment files that no record named", removed);
    }
}
