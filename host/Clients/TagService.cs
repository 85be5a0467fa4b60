using System.Globalization;
using Crm.Host.Data;
using Crm.Sdk.Auditing;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>A tag as the tag list shows it.</summary>
public sealed record TagRow(int Id, string Name);

/// <summary>
/// Tags of companies and contacts: one list for everybody, a tag created the first time someone puts it on a record,
/// names compared whatever their case. A record's tags are saved with it in its transaction and audited on the record
/// itself as "Tags", old and new lists as text ("Key client, VIP"), so its history reads like any other field's.
/// </summary>
public sealed class TagService(CoreDbContext db, IAuditWriter audit)
{
    public const int MaxPerRecord = 20;
    public const string Field = "Tags";

    /// <summary>Tags typed into one field or an import cell, separated by commas; blanks and repeats (in any case) dropped.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        Distinct((text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Tags as one text, the way forms, exports and the history show them.</summary>
    public static string Join(IEnumerable<string> names) => string.Join(", ", names);

    static List<string> Distinct(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0).DistinctBy(Tag.Key).ToList();

    /// <summary>Adds an error for "tags" (as a text key) when the tags sent cannot be saved; null means "leave them as they are".</summary>
    public static void Validate(IReadOnlyList<string>? names, FieldErrors errors)
    {
        if (names == null) return;
        if (names.Any(string.IsNullOrWhiteSpace)) errors.Add("tags", "Tags.Empty");
        else if (names.Any(n => n.Trim().Length > Tag.MaxLength)) errors.Add("tags", "Tags.TooLong");
        else if (names.Any(n => n.Contains(','))) errors.Add("tags", "Tags.Comma");
        else if (Distinct(names).Count > MaxPerRecord) errors.Add("tags", "Tags.TooMany");
    }

    /// <summary>Every tag, by name.</summary>
    public Task<List<TagRow>> ListAsync(CancellationToken ct) =>
        db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new TagRow(t.Id, t.Name)).ToListAsync(ct);

    /// <summary>The ids of the records of a kind that carry the tag (any case), as a subquery for list filters.</summary>
    public IQueryable<int> Tagged(ClientKind kind, string name)
    {
        var key = Tag.Key(name);
        return from l in db.ClientTags
               join t in db.Tags on l.TagId equals t.Id
               where t.NameKey == key && l.Kind == kind
               select l.RecordId;
    }

    /// <summary>One record's tags by name.</summary>
    public Task<List<string>> ForRecordAsync(ClientKind kind, int recordId, CancellationToken ct) =>
        (from l in db.ClientTags
         join t in db.Tags on l.TagId equals t.Id
         where l.Kind == kind && l.RecordId == recordId
         orderby t.Name
         select t.Name).AsNoTracking().ToListAsync(ct);

    /// <summary>The tags of the records a query selects, by record, for exports.</summary>
    public async Task<Dictionary<int, List<string>>> ForRecordsAsync(ClientKind kind, IQueryable<int> recordIds, CancellationToken ct)
    {
        var rows = await (from l in db.ClientTags
                          join t in db.Tags on l.TagId equals t.Id
                          where l.Kind == kind && recordIds.Contains(l.RecordId)
                          select new { l.RecordId, t.Name }).AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    /// <summary>
    /// Makes the record carry exactly these tags (already validated), inside the caller's transaction, creating tags
    /// nobody used before; null leaves the record's tags as they are.
    /// </summary>
    public async Task SaveAsync(ClientKind kind, int recordId, IReadOnlyList<string>? names, CancellationToken ct)
    {
        if (names == null) return;
        var wanted = Distinct(names);
        var current = await LinksAsync(kind, recordId, ct);
        var wantedKeys = wanted.Select(Tag.Key).ToHashSet();
        var currentKeys = current.Select(c => c.Tag.NameKey).ToHashSet();
        if (wantedKeys.SetEquals(currentKeys)) return;

        var tags = await EnsureAsync(wanted, ct);
        db.ClientTags.RemoveRange(current.Where(c => !wantedKeys.Contains(c.Tag.NameKey)).Select(c => c.Link));
        foreach (var key in wantedKeys.Where(k => !currentKeys.Contains(k)))
            db.ClientTags.Add(new ClientTag { Kind = kind, RecordId = recordId, TagId = tags[key].Id });
        await db.SaveChangesAsync(ct);
        await AuditAsync(kind, recordId, current.Select(c => c.Tag.Name), wantedKeys.Select(k => tags[k].Name), ct);
    }

    /// <summary>Puts the tags of many new records (an import) on them at once, inside the caller's transaction, audited on each record.</summary>
    public async Task AddAllAsync(ClientKind kind, IReadOnlyList<(int RecordId, IReadOnlyList<string>? Names)> records, CancellationToken ct)
    {
        var tagged = records.Where(r => r.Names is { Count: > 0 }).Select(r => (r.RecordId, Names: Distinct(r.Names!))).ToList();
        if (tagged.Count == 0) return;
        var tags = await EnsureAsync(tagged.SelectMany(r => r.Names), ct);
        await BulkInsert.RunAsync(db, "core_client_tags", ["Kind", "RecordId", "TagId"],
            tagged.SelectMany(r => r.Names.Select(n => new object?[] { (int)kind, r.RecordId, tags[Tag.Key(n)].Id })), ct);
        await audit.WriteAsync(db, tagged.Select(r => new AuditChange(Table(kind), r.RecordId.ToString(CultureInfo.InvariantCulture),
            AuditAction.Insert, Field, null, Join(r.Names.Select(n => tags[Tag.Key(n)].Name).Order(StringComparer.CurrentCultureIgnoreCase)))).ToList(), ct);
    }

    /// <summary>A merge: the record kept gets every tag of the duplicate too (the duplicate keeps its own, for a restore from the recycle bin).</summary>
    public async Task<int> MergeAsync(ClientRef from, ClientRef into, CancellationToken ct)
    {
        var theirs = await LinksAsync(from.Kind, from.Id, ct);
        var mine = await LinksAsync(into.Kind, into.Id, ct);
        var added = theirs.Where(t => mine.All(m => m.Link.TagId != t.Link.TagId)).ToList();
        if (added.Count == 0) return 0;
        foreach (var (link, _) in added) db.ClientTags.Add(new ClientTag { Kind = into.Kind, RecordId = into.Id, TagId = link.TagId });
        await db.SaveChangesAsync(ct);
        await AuditAsync(into.Kind, into.Id, mine.Select(m => m.Tag.Name), mine.Concat(added).Select(m => m.Tag.Name), ct);
        return added.Count;
    }

    /// <summary>Renames a tag everywhere; the text key of what is wrong (empty, too long, taken), or null when renamed.</summary>
    public async Task<(bool Found, string? Error)> RenameAsync(int id, string? name, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag == null) return (false, null);
        var errors = new FieldErrors();
        Validate([name ?? ""], errors);
        if (errors.All.Values.FirstOrDefault() is { } error) return (true, error);
        var key = Tag.Key(name!);
        if (await db.Tags.AnyAsync(t => t.NameKey == key && t.Id != id, ct)) return (true, "Tags.Taken");
        tag.Name = name!.Trim();
        tag.NameKey = key;
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    /// <summary>Removes a tag from every record and from the list; false if there is no such tag.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag == null) return false;
        await db.ClientTags.Where(l => l.TagId == id).ExecuteDeleteAsync(ct);
        db.Tags.Remove(tag);
        await db.SaveChangesAsync(ct);
        return true;
    }

    async Task<List<(ClientTag Link, Tag Tag)>> LinksAsync(ClientKind kind, int recordId, CancellationToken ct) =>
        (await (from l in db.ClientTags
                join t in db.Tags on l.TagId equals t.Id
                where l.Kind == kind && l.RecordId == recordId
                select new { l, t }).ToListAsync(ct))
        .Select(x => (x.l, x.t)).ToList();

    /// <summary>The tags by name key, adding those that do not exist yet.</summary>
    async Task<Dictionary<string, Tag>> EnsureAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var byKey = names.DistinctBy(Tag.Key).ToDictionary(Tag.Key, n => n.Trim());
        var keys = byKey.Keys.ToList();
        var found = new Dictionary<string, Tag>();
        foreach (var chunk in keys.Chunk(500))
            foreach (var tag in await db.Tags.Where(t => chunk.Contains(t.NameKey)).ToListAsync(ct))
                found[tag.NameKey] = tag;
        var missing = keys.Where(k => !found.ContainsKey(k)).Select(k => new Tag { Name = byKey[k], NameKey = k }).ToList();
        if (missing.Count == 0) return found;
        db.Tags.AddRange(missing);
        await db.SaveChangesAsync(ct);
        foreach (var tag in missing) found[tag.NameKey] = tag;
        return found;
    }

    Task AuditAsync(ClientKind kind, int recordId, IEnumerable<string> before, IEnumerable<string> after, CancellationToken ct)
    {
        var old = before.Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        var now = after.Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return audit.WriteAsync(db, [new AuditChange(Table(kind), recordId.ToString(CultureInfo.InvariantCulture), AuditAction.Update, Field,
            old.Count == 0 ? null : Join(old), now.Count == 0 ? null : Join(now))], ct);
    }

    static string Table(ClientKind kind) => kind == ClientKind.Company ? ClientHistory.CompanyTable : ClientHistory.ContactTable;
}
