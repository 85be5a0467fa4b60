using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Crm.Bench.Run;

/// <summary>
/// CSV imports through the API as the administrator (companies, and contacts as issue 3 asks), each against the floor
/// of inserting the same rows with a prepared INSERT in one transaction after the same duplicate lookup.
/// </summary>
public static class Import
{
    public static async Task<Figure> MeasureAsync(Session admin, DbConnection connection, int rows, CancellationToken ct)
    {
        var csv = Csv(rows, taxPrefix: "5");
        var seconds = await PostCsvAsync(admin, "companies", csv, ct);
        var perSecond = rows / seconds;

        var floorSeconds = Floor(connection, rows, admin.UserId!);
        var floorPerSecond = rows / floorSeconds;
        return new Figure($"CSV import of {rows / 1000}k companies (API, all or nothing)", $"{perSecond:N0} rows/s", $"{floorPerSecond:N0} rows/s",
            floorPerSecond / perSecond, "≥ 20,000 rows/s", perSecond >= 20_000, $"{seconds:F1} s");
    }

    static string Csv(int rows, string taxPrefix)
    {
        var random = new Random(11);
        var text = new StringBuilder("name,legalName,taxNumber,industry,territory,phone,email,website,address,status\n");
        for (var i = 0; i < rows; i++)
            // Short rows: the host takes files up to 20 MB, and Cyrillic is two bytes a letter.
            text.Append(CultureInfoInvariant($"Import {i} Trade,,{taxPrefix}{i:D11},IT,Moscow,+7 495 {random.Next(1_000_000, 9_999_999)},i{i}@example.test,,,Prospect\n"));
        return text.ToString();
    }

    static string CultureInfoInvariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The duplicate lookups leave deleted rows out after reading, as the host does: "DeletedAtUtc IS NULL" in the query
    // makes SQLite walk an index that starts with DeletedAtUtc instead of the one on the looked-up column.
    static double Floor(DbConnection connection, int rows, string ownerId)
    {
        var clock = Stopwatch.StartNew();
        var taxNumbers = Enumerable.Range(0, rows).Select(i => $"6{i:D11}").ToList();
        foreach (var chunk in taxNumbers.Chunk(500))
            Run.Sql.Read(connection, $"SELECT TaxNumber, DeletedAtUtc FROM core_companies WHERE TaxNumber IN ({string.Join(",", chunk.Select(t => $"'{t}'"))})");
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO core_companies (Name, NameKey, LegalName, TaxNumber, Industry, Territory, Phone, PhoneKey, Email, Address, Status, OwnerId,
              CreatedAtUtc, UpdatedAtUtc, Version)
            VALUES (@name, @key, @legal, @tax, 'Логистика', 'Москва', @phone, @phoneKey, @email, @address, 0, @owner, @now, @now, 1)
            """;
        var names = new[] { "@name", "@key", "@legal", "@tax", "@phone", "@phoneKey", "@email", "@address", "@owner", "@now" };
        foreach (var name in names)
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            insert.Parameters.Add(p);
        }
        insert.Prepare();
        var now = DateTime.UtcNow;
        for (var i = 0; i < rows; i++)
        {
            var name = $"Импорт {i} Пром";
            insert.Parameters["@name"].Value = name;
            insert.Parameters["@key"].Value = Crm.Host.Clients.CompanyNames.Key(name);
            insert.Parameters["@legal"].Value = $"ООО «{name}»";
            insert.Parameters["@tax"].Value = taxNumbers[i];
            insert.Parameters["@phone"].Value = $"+7 (495) {1_000_000 + i}";
            insert.Parameters["@phoneKey"].Value = $"495{1_000_000 + i}";
            insert.Parameters["@email"].Value = $"floor{i}@example.test";
            insert.Parameters["@address"].Value = $"Москва, ул. Тверская, {i % 200}";
            insert.Parameters["@owner"].Value = ownerId;
            insert.Parameters["@now"].Value = now;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return clock.Elapsed.TotalSeconds;
    }

    public static async Task<Figure> MeasureContactsAsync(Session admin, DbConnection connection, int rows, CancellationToken ct)
    {
        // Phones under a code the generator never uses (600; the floor 601), so nothing is refused as a duplicate.
        var csv = new StringBuilder("firstName,lastName,position,phone,email\n");
        for (var i = 0; i < rows; i++)
            csv.Append(CultureInfoInvariant($"Ivan{i},Petrov{i % 5000},Manager,+7 600 {i:D7},c{i}@import.test\n"));
        var seconds = await PostCsvAsync(admin, "contacts", csv.ToString(), ct);
        var perSecond = rows / seconds;

        var floorSeconds = ContactsFloor(connection, rows, admin.UserId!);
        var floorPerSecond = rows / floorSeconds;
        return new Figure($"CSV import of {rows / 1000}k contacts (API, duplicate check, all or nothing)", $"{perSecond:N0} rows/s",
            $"{floorPerSecond:N0} rows/s", floorPerSecond / perSecond, "≥ 20,000 rows/s", perSecond >= 20_000, $"{seconds:F1} s");
    }

    static double ContactsFloor(DbConnection connection, int rows, string ownerId)
    {
        var clock = Stopwatch.StartNew();
        var emails = Enumerable.Range(0, rows).Select(i => $"f{i}@import.test").ToList();
        foreach (var chunk in emails.Chunk(500))
            Run.Sql.Read(connection, $"SELECT Email, DeletedAtUtc FROM core_contacts WHERE Email IN ({string.Join(",", chunk.Select(e => $"'{e}'"))})");
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(500))
            Run.Sql.Read(connection, $"SELECT PhoneKey, DeletedAtUtc FROM core_contacts WHERE PhoneKey IN ({string.Join(",", chunk.Select(i => $"'601{i:D7}'"))})");
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO core_contacts (FirstName, LastName, NameKey, FirstNameKey, LastNameKey, Position, Phone, PhoneKey, Email, MarketingConsent,
              OwnerId, CreatedAtUtc, UpdatedAtUtc, Version)
            VALUES (@first, @last, @key, @firstKey, @lastKey, 'Manager', @phone, @phoneKey, @email, 0, @owner, @now, @now, 1)
            """;
        foreach (var name in new[] { "@first", "@last", "@key", "@firstKey", "@lastKey", "@phone", "@phoneKey", "@email", "@owner", "@now" })
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            insert.Parameters.Add(p);
        }
        insert.Prepare();
        var now = DateTime.UtcNow;
        for (var i = 0; i < rows; i++)
        {
            var keys = new Crm.Host.Clients.Contact { FirstName = $"Floor{i}", LastName = $"Petrov{i % 5000}" };
            Crm.Host.Clients.ContactNames.SetKeys(keys);
            insert.Parameters["@first"].Value = keys.FirstName;
            insert.Parameters["@last"].Value = keys.LastName;
            insert.Parameters["@key"].Value = keys.NameKey;
            insert.Parameters["@firstKey"].Value = keys.FirstNameKey;
            insert.Parameters["@lastKey"].Value = keys.LastNameKey;
            insert.Parameters["@phone"].Value = $"+7 (601) {i:D7}";
            insert.Parameters["@phoneKey"].Value = $"601{i:D7}";
            insert.Parameters["@email"].Value = $"f{i}@import.test";
            insert.Parameters["@owner"].Value = ownerId;
            insert.Parameters["@now"].Value = now;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Posts a CSV to /api/v1/{kind}/import as the signed-in browser would; the seconds until the answer.</summary>
    static async Task<double> PostCsvAsync(Session admin, string kind, string csv, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"{kind}.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/{kind}/import") { Content = form };
        request.Headers.Add("RequestVerificationToken", admin.Antiforgery);
        var clock = Stopwatch.StartNew();
        using var response = await admin.Http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{kind} import: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        return seconds;
    }
}
