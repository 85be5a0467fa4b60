using Crm.Host.Clients;
using System.Data.Common;

namespace Crm.Bench.Run;

/// <summary>
/// The operations measured, each with its hand-written SQL floor. Managers see their own clients (scope Own); the
/// administrator sees all. Requests are picked from the data with a fixed seed, so runs compare.
/// </summary>
public static class KeyOperations
{
    const string CompanyColumns = "c.Id, c.Name, c.TaxNumber, c.Industry, c.Territory, c.Status, c.OwnerId";

    public static IReadOnlyList<Operation> All(DbConnection setup, int seed)
    {
        var random = new Random(seed);
        var industries = Sql.List(setup, "SELECT Industry FROM core_companies WHERE Industry IS NOT NULL GROUP BY Industry ORDER BY COUNT(*) DESC LIMIT 4",
            r => r.GetString(0));
        var total = Convert.ToInt32(Sql.List(setup, "SELECT COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL", r => r.GetValue(0))[0]);
        var deepKeys = Enumerable.Range(0, 20).Select(i => (int)(total * (0.8 + 0.01 * i))).Select(offset =>
            Sql.List(setup, $"SELECT Name, Id FROM core_companies WHERE DeletedAtUtc IS NULL ORDER BY Name, Id LIMIT 1 OFFSET {offset}",
                r => (Name: r.GetString(0), Id: r.GetInt32(1)))[0]).ToList();

        List<T> Sample<T>(string sql, Func<DbDataReader, T> map, int count, params (string, object?)[] parameters)
        {
            var all = Sql.List(setup, sql, map, parameters);
            return Enumerable.Range(0, Math.Min(count, all.Count)).Select(_ => all[random.Next(all.Count)]).ToList();
        }

        return
        [
            new("companies list: manager, status filter, first page", Target.ListOrCard, false, (_, s) =>
                [new Case("/Companies?status=Active", c => ListFloor(c, "c.OwnerId = @me AND c.Status = 1", [("@me", s.UserId)]))]),
            new("companies list: admin, status + industry, first page", Target.ListOrCard, true, (w, _) =>
                industries.Select(industry => new Case($"/Companies?status=Active&industry={Uri.EscapeDataString(industry)}",
                    c => ListFloor(c, "c.Status = 1 AND c.Industry = @industry", [("@industry", industry)]))).ToList()),
            // The same lists as JSON from the API: the query path without Razor, the owners picker and the layout, which is
            // what "≤ 2× the hand-written SQL" can fairly be asked of.
            new("companies list API (JSON): manager, status filter, first page", Target.ListOrCard, false, (_, s) =>
                [new Case("/api/v1/companies?status=Active", c => ApiListFloor(c, "c.OwnerId = @me AND c.Status = 1", [("@me", s.UserId)]))]),
            new("companies list API (JSON): admin, status + industry, first page", Target.ListOrCard, true, (w, _) =>
                industries.Select(industry => new Case($"/api/v1/companies?status=Active&industry={Uri.EscapeDataString(industry)}",
                    c => ApiListFloor(c, "c.Status = 1 AND c.Industry = @industry", [("@industry", industry)]))).ToList()),
            new("companies list: admin, deep keyset page (80–99%)", Target.ListOrCard, true, (w, _) =>
                deepKeys.Select(k => new Case($"/Companies?afterName={Uri.EscapeDataString(k.Name)}&afterId={k.Id}",
                    c => ListFloor(c, "(c.Name > @after OR (c.Name = @after AND c.Id > @afterId))", [("@after", k.Name), ("@afterId", k.Id)]))).ToList()),
            new("company card with timeline: manager", Target.ListOrCard, false, (_, s) =>
                Sample("SELECT Id, ParentId FROM core_companies WHERE OwnerId = @me AND DeletedAtUtc IS NULL", r => (Id: r.GetInt32(0), Parent: r.IsDBNull(1) ? (int?)null : r.GetInt32(1)), 100, ("@me", s.UserId))
                    .Select(k => new Case($"/Companies/{k.Id}", c => CardFloor(c, k.Id, k.Parent, s.UserId!))).ToList()),
            new("global search by name: manager", Target.Search, false, (_, s) =>
                Sample("SELECT LastName FROM core_contacts WHERE OwnerId = @me AND DeletedAtUtc IS NULL AND LastName <> ''", r => r.GetString(0), 50, ("@me", s.UserId))
                    .Select(name => name.Length > 5 ? name[..5] : name)
                    .Select(q => new Case($"/Search?q={Uri.EscapeDataString(q)}", c => SearchFloor(c, q, s.UserId))).ToList()),
            new("global search by name: admin", Target.Search, true, (_, s) =>
                Sample("SELECT LastName FROM core_contacts WHERE DeletedAtUtc IS NULL AND LastName <> ''", r => r.GetString(0), 50)
                    .Select(name => name.Length > 5 ? name[..5] : name)
                    .Select(q => new Case($"/Search?q={Uri.EscapeDataString(q)}", c => SearchFloor(c, q, null))).ToList()),
            new("global search by phone (other format): admin", Target.Search, true, (_, s) =>
                Sample("SELECT PhoneKey FROM core_contacts WHERE DeletedAtUtc IS NULL AND PhoneKey IS NOT NULL", r => r.GetString(0), 50)
                    .Select(key => $"8 ({key[..3]}) {key[3..6]}-{key[6..8]}-{key[8..]}")
                    .Select(q => new Case($"/Search?q={Uri.EscapeDataString(q)}", c => SearchFloor(c, q, null))).ToList()),
            new("my day: manager", Target.ListOrCard, false, (_, s) =>
                [new Case("/MyDay", c => MyDayFloor(c, s.UserId!))]),
            new("client base report: admin (all companies)", Target.Report, true, (_, _) =>
                [new Case("/Reports/Clients", ReportFloor)]),
        ];
    }

    static int ListFloor(DbConnection c, string where, (string, object?)[] parameters) =>
        Sql.Read(c, $"""
            SELECT {CompanyColumns}, u.DisplayName FROM core_companies c LEFT JOIN core_users u ON u.Id = c.OwnerId
            WHERE c.DeletedAtUtc IS NULL AND {where} ORDER BY c.Name, c.Id LIMIT 51;
            SELECT Id, DisplayName FROM core_users WHERE IsActive = 1 ORDER BY DisplayName;
            """, parameters);

    static int ApiListFloor(DbConnection c, string where, (string, object?)[] parameters) =>
        Sql.Read(c, $"""
            SELECT {CompanyColumns}, u.DisplayName FROM core_companies c LEFT JOIN core_users u ON u.Id = c.OwnerId
            WHERE c.DeletedAtUtc IS NULL AND {where} ORDER BY c.Name, c.Id LIMIT 51;
            """, parameters);

    static int CardFloor(DbConnection c, int id, int? parent, string me) =>
        Sql.Read(c, """
            SELECT * FROM core_companies WHERE Id = @id AND DeletedAtUtc IS NULL AND OwnerId = @me;
            SELECT u.DisplayName FROM core_users u JOIN core_companies c ON c.OwnerId = u.Id WHERE c.Id = @id;
            SELECT * FROM core_companies WHERE Id = @parent AND DeletedAtUtc IS NULL AND OwnerId = @me;
            SELECT Id, Name, TaxNumber, Industry, Territory, Status, OwnerId FROM core_companies
              WHERE ParentId = @id AND DeletedAtUtc IS NULL AND OwnerId = @me ORDER BY Name;
            SELECT c.Id, c.FirstName, c.LastName, c.Position, c.Phone, l.Role, l.Influence
              FROM core_contact_companies l JOIN core_contacts c ON c.Id = l.ContactId
              WHERE l.CompanyId = @id AND c.DeletedAtUtc IS NULL AND c.OwnerId = @me ORDER BY l.Role, l.Influence DESC, c.LastName;
            SELECT * FROM core_activities WHERE DeletedAtUtc IS NULL AND CompanyId = @id ORDER BY CreatedAtUtc DESC LIMIT 50;
            SELECT * FROM core_tasks WHERE CompanyId = @id ORDER BY CreatedAtUtc DESC LIMIT 50;
            SELECT * FROM core_audit WHERE Entity = 'core_companies' AND EntityId = @sid ORDER BY Id DESC;
            SELECT Id, DisplayName FROM core_users;
            """, ("@id", id), ("@parent", parent), ("@me", me), ("@sid", id.ToString()));

    // The host's search shape: one index lookup per kind of term (email, phone key, tax number, a prefix range on a
    // lower-cased name key), merged in memory; the floor runs the same lookups by hand.
    static int SearchFloor(DbConnection c, string q, string? me)
    {
        var scope = me == null ? "" : "AND OwnerId = @me";
        var terms = SearchTerms.Parse(q);
        var companyKey = CompanyNames.Key(q) is { Length: > 0 } k ? k : terms.NameKey;
        const char high = '\uffff';
        var sql = new System.Text.StringBuilder();
        if (terms.Email != null)
            sql.Append($"SELECT Id, Name, TaxNumber FROM core_companies WHERE DeletedAtUtc IS NULL {scope} AND Email = @email ORDER BY Id LIMIT 50;" +
                       $"SELECT Id, FirstName, LastName, Position, Email FROM core_contacts WHERE DeletedAtUtc IS NULL {scope} AND Email = @email ORDER BY Id LIMIT 50;");
        if (terms.PhoneKey != null)
            sql.Append($"SELECT Id, Name, TaxNumber FROM core_companies WHERE DeletedAtUtc IS NULL {scope} AND PhoneKey = @phone ORDER BY Id LIMIT 50;" +
                       $"SELECT Id, FirstName, LastName, Position, Email FROM core_contacts WHERE DeletedAtUtc IS NULL {scope} AND PhoneKey = @phone ORDER BY Id LIMIT 50;");
        if (terms.TaxNumber != null)
            sql.Append($"SELECT Id, Name, TaxNumber FROM core_companies WHERE DeletedAtUtc IS NULL {scope} AND TaxNumber = @q ORDER BY Id LIMIT 50;");
        if (companyKey.Length > 0)
            sql.Append($"SELECT Id, Name, TaxNumber FROM core_companies WHERE DeletedAtUtc IS NULL {scope} AND NameKey >= @ckey AND NameKey < @ckeyHigh ORDER BY NameKey, Id LIMIT 50;");
        if (terms.NameKey.Length > 0)
            sql.Append($"SELECT Id, FirstName, LastName, Position, Email FROM core_contacts WHERE DeletedAtUtc IS NULL {scope} AND LastNameKey >= @key AND LastNameKey < @keyHigh ORDER BY LastNameKey, Id LIMIT 50;" +
                       $"SELECT Id, FirstName, LastName, Position, Email FROM core_contacts WHERE DeletedAtUtc IS NULL {scope} AND FirstNameKey >= @key AND FirstNameKey < @keyHigh ORDER BY FirstNameKey, Id LIMIT 50;");
        return Sql.Read(c, sql.ToString(), ("@q", terms.Text), ("@email", terms.Email), ("@phone", terms.PhoneKey), ("@ckey", companyKey),
            ("@ckeyHigh", companyKey + high), ("@key", terms.NameKey), ("@keyHigh", terms.NameKey + high), ("@me", me));
    }

    static int MyDayFloor(DbConnection c, string me)
    {
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(DateTime.Today, TimeZoneInfo.Local);
        var endOfToday = startOfToday.AddDays(1);
        return Sql.Read(c, """
            SELECT t.Id, t.Title, t.DueAtUtc, t.Priority, t.AssigneeId, t.CompanyId, c.Name
              FROM core_tasks t LEFT JOIN core_companies c ON c.Id = t.CompanyId
              WHERE t.AssigneeId = @me AND t.DoneAtUtc IS NULL AND t.DueAtUtc < @end ORDER BY t.DueAtUtc;
            SELECT * FROM core_activities WHERE OwnerId = @me AND DoneAtUtc IS NULL AND PlannedAtUtc >= @now AND PlannedAtUtc < @until
              ORDER BY PlannedAtUtc;
            """, ("@me", me), ("@end", endOfToday), ("@now", DateTime.UtcNow.AddHours(-1)), ("@until", endOfToday.AddDays(1)));
    }

    static int ReportFloor(DbConnection c)
    {
        // The host counts each figure in the database over its covering index; only the counts (and the last year's
        // creation times) travel.
        return Sql.Read(c, """
            SELECT Status, COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL GROUP BY Status;
            SELECT COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL AND CreatedAtUtc < @since;
            SELECT CreatedAtUtc FROM core_companies WHERE DeletedAtUtc IS NULL AND CreatedAtUtc >= @since;
            SELECT OwnerId, COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL GROUP BY OwnerId;
            SELECT LossReason, COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL AND Status = 3 GROUP BY LossReason;
            SELECT Territory, COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL GROUP BY Territory;
            SELECT Industry, COUNT(*) FROM core_companies WHERE DeletedAtUtc IS NULL GROUP BY Industry;
            SELECT Id, DisplayName FROM core_users;
            """, ("@since", new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-11)));
    }
}
