using System.Linq.Expressions;
using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>
/// What finding and merging duplicates has in common for companies and contacts: grouping records that share a key,
/// and moving a duplicate's history, tasks and modules' records to the record kept.
/// </summary>
public sealed class ClientMerge(CoreDbContext db, IEnumerable<IClientMergeParticipant> participants, ModuleCatalog catalog, TagService tags)
{
    const int MaxGroupsPerReason = 100;

    /// <summary>
    /// Groups of records that share a key, for each reason in order (strongest first); a set of records found by several
    /// reasons is listed once, under the strongest. Rows come ordered by id, so the oldest record is offered as the one to keep.
    /// </summary>
    public static async Task<List<(string Reason, List<TRow> Rows)>> GroupsAsync<T, TRow>(IQueryable<T> candidates,
        IReadOnlyList<(string Reason, Expression<Func<T, string?>> Key)> keys, Expression<Func<T, int>> id, Expression<Func<T, TRow>> row,
        Func<TRow, int> rowId, CancellationToken ct)
    {
        var groups = new List<(string Reason, List<TRow> Rows)>();
        foreach (var (reason, key) in keys)
        {
            var found = await candidates.Select(key).Where(k => k != null && k != "").GroupBy(k => k).Where(g => g.Count() > 1)
                .Select(g => g.Key!).Take(MaxGroupsPerReason).ToListAsync(ct);
            foreach (var value in found)
                groups.Add((reason, await candidates.Where(Equals(key, value)).OrderBy(id).Select(row).ToListAsync(ct)));
        }
        return groups.DistinctBy(g => string.Join(",", g.Rows.Select(rowId))).ToList();
    }

    /// <summary>
    /// Merges <paramref name="from"/> into <paramref name="into"/> in one transaction: <paramref name="takeFields"/> applies the
    /// chosen values, sends the duplicate to the recycle bin and moves what only that kind of record has (a company's
    /// subsidiaries); then the places at companies, activities and tasks move, the kept record gets the union of both
    /// records' tags, and after the commit the modules' records.
    /// </summary>
    public async Task<MergeReport> MergeAsync(ClientRef from, ClientRef into, Func<CancellationToken, Task<int>> takeFields, CancellationToken ct)
    {
        var moved = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            moved += await takeFields(ct);
            moved += await MovePlacesAsync(from, into, ct);
            moved += await MoveHistoryAsync(from, into, ct);
            moved += await tags.MergeAsync(from, into, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        foreach (var participant in participants.Where(p => catalog.HasData(p.GetType())))
            moved += await participant.MergeAsync(from, into, ct);
        return new MergeReport(into.Id, moved);
    }

    /// <summary>The duplicate's contacts (for a company) or places at companies (for a contact) move to the record kept, without doubles.</summary>
    async Task<int> MovePlacesAsync(ClientRef from, ClientRef into, CancellationToken ct)
    {
        var company = from.Kind == ClientKind.Company;
        var links = await db.ContactCompanies.Where(l => company ? l.CompanyId == from.Id : l.ContactId == from.Id).ToListAsync(ct);
        var kept = await db.ContactCompanies.Where(l => company ? l.CompanyId == into.Id : l.ContactId == into.Id)
            .Select(l => company ? l.ContactId : l.CompanyId).ToListAsync(ct);
        db.ContactCompanies.RemoveRange(links);
        await db.SaveChangesAsync(ct);
        foreach (var link in links.Where(l => !kept.Contains(company ? l.ContactId : l.CompanyId)))
            db.ContactCompanies.Add(new ContactCompany
            {
                ContactId = company ? link.ContactId : into.Id, CompanyId = company ? into.Id : link.CompanyId, Role = link.Role, Influence = link.Influence,
            });
        return links.Count;
    }

    async Task<int> MoveHistoryAsync(ClientRef from, ClientRef into, CancellationToken ct)
    {
        if (from.Kind == ClientKind.Company)
            return await db.Activities.Where(a => a.CompanyId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, into.Id), ct)
                   + await db.Tasks.Where(t => t.CompanyId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompanyId, into.Id), ct);
        return await db.Activities.Where(a => a.ContactId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContactId, into.Id), ct)
               + await db.Tasks.Where(t => t.ContactId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ContactId, into.Id), ct);
    }

    /// <summary>Mergeable fields named as the API names them ("taxNumber"), each bringing the property of the same name.</summary>
    public static IEnumerable<KeyValuePair<string, string[]>> Fields<T>(params string[] fields) =>
        fields.Select(f => new KeyValuePair<string, string[]>(f, [typeof(T).GetProperty(char.ToUpperInvariant(f[0]) + f[1..])!.Name]));

    /// <summary>Copies the chosen fields (with the properties each brings) from the duplicate to the record kept; unknown fields are ignored.</summary>
    public static void Take<T>(T keep, T merge, IEnumerable<string> chosen, IReadOnlyDictionary<string, string[]> mergeable)
    {
        foreach (var field in chosen)
            foreach (var name in mergeable.GetValueOrDefault(field, []))
            {
                var property = typeof(T).GetProperty(name)!;
                property.SetValue(keep, property.GetValue(merge));
            }
    }

    /// <summary><c>x => key(x) == value</c>, with the value as a query parameter.</summary>
    static Expression<Func<T, bool>> Equals<T>(Expression<Func<T, string?>> key, string value)
    {
        var holder = new ValueHolder(value);
        return Expression.Lambda<Func<T, bool>>(
            Expression.Equal(key.Body, Expression.Property(Expression.Constant(holder), nameof(ValueHolder.Value))), key.Parameters);
    }

    sealed record ValueHolder(string Value);
}
