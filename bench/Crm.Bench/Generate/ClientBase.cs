using Gender = Bogus.DataSets.Name.Gender;
using Crm.Host.Clients;

namespace Crm.Bench.Generate;

/// <summary>What the client base load wrote, for the summary and for the deals step.</summary>
/// <remarks>Per company id (index 0 unused): its owner's index among the managers, its decision maker's contact id, and
/// whether it is a Russian-speaking client; the deals step picks each deal's client from these.</remarks>
public sealed record ClientBaseSummary(int Companies, long Contacts, long Places, long Activities, long Tasks, IReadOnlyList<int> CompanyOwners,
    IReadOnlyList<int> DecisionMakers, IReadOnlyList<bool> RussianCompanies);

/// <summary>
/// Companies with holdings, contacts at them with decision roles, years of calls, meetings, emails and notes, and tasks,
/// written straight into the host's tables. Companies are mostly Russian with English-speaking clients among them.
/// Each company's last contact is the newest of its done activities, as the host keeps it.
/// </summary>
public sealed class ClientBase(Scale scale, IReadOnlyList<Employee> staff, Vocabulary ru, Vocabulary en, DateTime nowUtc)
{
    readonly Random _random = new(ru.Faker.Random.Int());

    public ClientBaseSummary Load(BulkLoader loader, Action<string> progress)
    {
        var managers = staff.Where(e => e.Role == Crm.Sdk.Security.CrmRoles.SalesManager).ToList();
        var heads = staff.Where(e => e.Role == Crm.Sdk.Security.CrmRoles.HeadOfSales).ToList();
        // Some managers carry far more clients than others, as in any team.
        var managerWeights = managers.Select(_ => 0.4 + _random.NextDouble() * 1.6).ToArray();
        var weightSum = managerWeights.Sum();

        var companies = new BulkTable(loader, "core_companies", "Id", "Name", "NameKey", "LegalName", "TaxNumber", "Industry", "Territory",
            "Phone", "PhoneKey", "Email", "Website", "Address", "Status", "LossReason", "OwnerId", "ParentId", "LastContactAtUtc",
            "CreatedAtUtc", "UpdatedAtUtc", "DeletedAtUtc", "Version");
        var contacts = new BulkTable(loader, "core_contacts", "Id", "FirstName", "LastName", "NameKey", "FirstNameKey", "LastNameKey", "Position", "Phone", "PhoneKey", "Email",
            "Messenger", "Birthday", "Notes", "MarketingConsent", "ConsentAtUtc", "ConsentSource", "OwnerId", "CreatedAtUtc", "UpdatedAtUtc",
            "DeletedAtUtc", "Version");
        var places = new BulkTable(loader, "core_contact_companies", "ContactId", "CompanyId", "Role", "Influence");
        var activities = new BulkTable(loader, "core_activities", "Id", "Kind", "Subject", "Body", "Outcome", "CompanyId", "ContactId",
            "OwnerId", "PlannedAtUtc", "DoneAtUtc", "CreatedAtUtc");
        var tasks = new BulkTable(loader, "core_tasks", "Id", "Title", "Notes", "AssigneeId", "CreatedById", "DueAtUtc", "Priority",
            "CompanyId", "ContactId", "RemindAtUtc", "RemindedAtUtc", "DoneAtUtc", "CreatedAtUtc");

        var n = scale.Companies;
        var holdings = Math.Max(1, n * 3 / 100);
        var owners = new int[n + 1];
        var russianCompanies = new bool[n + 1];
        var firstContactOfCompany = new int[n + 1];
        var contactsOfCompany = new int[n + 1];
        var start = nowUtc.AddYears(-scale.Years);
        var span = (nowUtc - start).TotalSeconds;
        // Expected activities and tasks per unit of a company's weight, so the totals come out near the scale's.
        const double meanWeight = 1.15; // the mean of the weights below
        var activitiesPerWeight = scale.Activities / (double)n / meanWeight;
        var tasksPerWeight = scale.Tasks / (double)n / meanWeight;
        var contactsPerCompany = scale.Contacts / (double)n;
        int contactId = 0, activityId = 0, taskId = 0;
        var planned = 0;

        for (var id = 1; id <= n; id++)
        {
            var russian = _random.NextDouble() < 0.8;
            russianCompanies[id] = russian;
            var v = russian ? ru : en;
            var f = v.Faker;
            // More clients were won recently than years ago: creation times grow faster towards now.
            var created = start.AddSeconds(span * Math.Pow((id - 1 + _random.NextDouble()) / n, 0.75));
            var ownerIndex = PickWeighted(managerWeights, weightSum);
            int? parent = null;
            if (id > holdings && _random.NextDouble() < 0.12)
            {
                parent = _random.Next(1, holdings + 1);
                if (_random.NextDouble() < 0.6) ownerIndex = owners[parent.Value];
            }
            owners[id] = ownerIndex;
            var owner = managers[ownerIndex].Id;
            var status = Pick(_random.NextDouble(), (0.5, CompanyStatus.Active), (0.25, CompanyStatus.Prospect), (0.15, CompanyStatus.Inactive), (0.10, CompanyStatus.Lost));
            var weight = status switch
            {
                CompanyStatus.Active => 1.6, CompanyStatus.Prospect => 0.6, CompanyStatus.Inactive => 0.8, _ => 0.5,
            } * (0.3 + _random.NextDouble() * 1.4) * (parent == null && id <= holdings ? 2.0 : 1.0);
            // Lost and inactive clients stopped talking to us at some point; the others are in touch until now.
            var activeUntil = status is CompanyStatus.Lost or CompanyStatus.Inactive
                ? created.AddSeconds((nowUtc - created).TotalSeconds * (0.2 + _random.NextDouble() * 0.7))
                : nowUtc;

            // Contacts: one decision maker, then others; some also sit at the holding.
            var peopleCount = Math.Max(1, (int)Math.Round(contactsPerCompany * (0.4 + _random.NextDouble() * 1.2)));
            firstContactOfCompany[id] = contactId + 1;
            contactsOfCompany[id] = peopleCount;
            for (var p = 0; p < peopleCount; p++)
            {
                contactId++;
                var gender = _random.Next(2) == 0 ? Gender.Male : Gender.Female;
                var first = f.Name.FirstName(gender);
                var last = _random.NextDouble() < 0.03 ? "" : f.Name.LastName(gender);
                var phone = _random.NextDouble() < 0.85 ? v.Phone() : null;
                var consent = _random.NextDouble() < 0.35;
                var contactCreated = Min(created.AddDays(_random.Next(0, 400)), nowUtc);
                var keys = new Contact { FirstName = first, LastName = last };
                ContactNames.SetKeys(keys);
                contacts.Add(contactId, first, last, keys.NameKey, keys.FirstNameKey, keys.LastNameKey, v.PickFrom(v.Positions), phone, PhoneNumbers.Key(phone),
                    _random.NextDouble() < 0.8 ? Email(en.Faker, first, last, contactId) : null,
                    _random.NextDouble() < 0.3 ? "@" + f.Internet.UserName(first, last).ToLowerInvariant() : null,
                    _random.NextDouble() < 0.4 ? (object)DateOnly.FromDateTime(nowUtc.AddYears(-_random.Next(23, 65)).AddDays(-_random.Next(0, 365))) : null,
                    _random.NextDouble() < 0.1 ? f.Lorem.Sentence(8) : null,
                    consent, consent ? (object)contactCreated : null, consent ? v.PickFrom(v.ConsentSources) : null,
                    owner, contactCreated, contactCreated, _random.NextDouble() < 0.01 ? (object)nowUtc.AddDays(-_random.Next(1, 90)) : null, 1);
                var role = p == 0 ? DecisionRole.DecisionMaker : (DecisionRole)_random.Next(1, 5);
                var influence = p == 0 ? _random.Next(70, 101) : _random.Next(5, 80);
                places.Add(contactId, id, (int)role, influence);
                if (parent is { } holding && p == 0 && _random.NextDouble() < 0.3)
                    places.Add(contactId, holding, (int)DecisionRole.Influencer, _random.Next(30, 90));
            }

            // History: done activities between creation and when the client went quiet, newest is the last contact.
            DateTime? lastContact = null;
            var activityCount = Poisson(activitiesPerWeight * weight);
            for (var a = 0; a < activityCount; a++)
            {
                activityId++;
                var kind = (ActivityKind)Pick(_random.NextDouble(), (0.5, 0), (0.15, 1), (0.25, 2), (0.1, 3));
                var done = created.AddSeconds((activeUntil - created).TotalSeconds * Math.Sqrt(_random.NextDouble()));
                done = WorkingHours(done);
                if (done > nowUtc) done = nowUtc.AddMinutes(-_random.Next(5, 600));
                if (lastContact == null || done > lastContact) lastContact = done;
                int? person = _random.NextDouble() < 0.75 ? firstContactOfCompany[id] + _random.Next(peopleCount) : null;
                activities.Add(activityId, (int)kind, Subject(v, kind), _random.NextDouble() < 0.2 ? f.Lorem.Sentence(12) : null,
                    kind is ActivityKind.Call or ActivityKind.Meeting ? v.PickFrom(v.Outcomes) : null,
                    id, person, _random.NextDouble() < 0.9 ? owner : managers[_random.Next(managers.Count)].Id,
                    kind == ActivityKind.Meeting ? done : null, done, done);
            }
            // Calls and meetings planned for the coming days with clients still in play: "my day" shows them.
            if (status is CompanyStatus.Active or CompanyStatus.Prospect && _random.NextDouble() < 0.25)
            {
                activityId++;
                planned++;
                var kind = _random.NextDouble() < 0.6 ? ActivityKind.Meeting : ActivityKind.Call;
                var at = WorkingHours(nowUtc.Date.AddDays(_random.Next(0, 14)).AddHours(_random.Next(0, 24)));
                activities.Add(activityId, (int)kind, Subject(v, kind), null, null, id, firstContactOfCompany[id], owner,
                    at, null, at.AddDays(-_random.Next(1, 10)));
            }

            // Tasks: most past ones done; the rest overdue, due today or ahead.
            var taskCount = Poisson(tasksPerWeight * weight);
            for (var t = 0; t < taskCount; t++)
            {
                taskId++;
                var due = created.AddSeconds((nowUtc.AddDays(30) - created).TotalSeconds * Math.Pow(_random.NextDouble(), 0.5));
                due = WorkingHours(due);
                var taskCreated = Min(due.AddDays(-_random.Next(0, 14)), nowUtc);
                if (taskCreated < created) taskCreated = created;
                // Forgotten tasks pile up a little: a few from the last weeks are still open, almost none from long ago.
                DateTime? doneAt = due < nowUtc.AddDays(-2) && _random.NextDouble() < (due < nowUtc.AddDays(-60) ? 0.997 : 0.85) ? Min(due.AddHours(_random.Next(-48, 72)), nowUtc) : null;
                if (doneAt < taskCreated) doneAt = taskCreated;
                DateTime? remind = _random.NextDouble() < 0.5 ? due.AddHours(-_random.Next(1, 24)) : null;
                if (remind < taskCreated) remind = null;
                DateTime? reminded = remind < nowUtc ? remind : null; // the reminder job already sent the past ones
                var assignee = _random.NextDouble() < 0.92 ? owner : managers[_random.Next(managers.Count)].Id;
                var author = _random.NextDouble() < 0.8 ? assignee : heads[_random.Next(heads.Count)].Id;
                tasks.Add(taskId, v.PickFrom(v.TaskTitles), _random.NextDouble() < 0.15 ? f.Lorem.Sentence(6) : null, assignee, author,
                    due, _random.Next(0, 3), id, _random.NextDouble() < 0.5 ? firstContactOfCompany[id] + _random.Next(peopleCount) : null,
                    remind, reminded, doneAt, taskCreated);
            }

            var name = v.CompanyName();
            var phoneNumber = _random.NextDouble() < 0.9 ? v.Phone() : null;
            var updated = lastContact is { } lc && lc > created ? Min(created.AddDays(_random.Next(0, 60)), nowUtc) : created;
            companies.Add(id, name, CompanyNames.Key(name), _random.NextDouble() < 0.7 ? name : null, TaxNumber(id, russian),
                v.PickFrom(v.Industries), v.PickFrom(v.Territories), phoneNumber, PhoneNumbers.Key(phoneNumber),
                _random.NextDouble() < 0.7 ? $"info{id}@{en.Faker.Internet.DomainName()}" : null,
                _random.NextDouble() < 0.6 ? "https://www." + en.Faker.Internet.DomainName() : null,
                $"{f.Address.City()}, {f.Address.StreetAddress()}", (int)status,
                status is CompanyStatus.Lost or CompanyStatus.Inactive && (status == CompanyStatus.Lost || _random.NextDouble() < 0.5) ? v.PickFrom(v.LossReasons) : null,
                owner, parent, lastContact, created, updated, _random.NextDouble() < 0.01 ? (object)nowUtc.AddDays(-_random.Next(1, 60)) : null, 1);

            if (id % 1000 == 0)
            {
                loader.Commit(companies, contacts, places, activities, tasks);
                if (id % 10_000 == 0) progress($"  {id:N0} companies, {contacts.Written:N0} contacts, {activities.Written:N0} activities, {tasks.Written:N0} tasks");
            }
        }
        loader.Commit(companies, contacts, places, activities, tasks);
        return new ClientBaseSummary(n, contacts.Written, places.Written, activities.Written, tasks.Written, owners, firstContactOfCompany, russianCompanies);
    }

    static string Subject(Vocabulary v, ActivityKind kind) => v.PickFrom(kind switch
    {
        ActivityKind.Call => v.CallSubjects, ActivityKind.Meeting => v.MeetingSubjects, ActivityKind.Email => v.EmailSubjects, _ => v.NoteSubjects,
    });

    static string Email(Bogus.Faker f, string first, string last, int id) =>
        $"{Transliterate(first)}.{Transliterate(last)}{id}@{f.Internet.DomainName()}".ToLowerInvariant().Replace("..", ".");

    static string Transliterate(string text)
    {
        const string from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        string[] to = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"];
        var result = new System.Text.StringBuilder(text.Length * 2);
        foreach (var c in text.ToLowerInvariant())
        {
            var i = from.IndexOf(c);
            if (i >= 0) result.Append(to[i]);
            else if (char.IsAsciiLetterOrDigit(c)) result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>A Russian INN (10 digits) or a US EIN (9 digits), unique per company by construction.</summary>
    string? TaxNumber(int id, bool russian)
    {
        if (_random.NextDouble() < 0.05) return null;
        var scrambled = (id * 7919L + 104_729L) % 100_000_000L;
        return russian ? $"{_random.Next(10, 90)}{scrambled:D8}" : $"{_random.Next(1, 10)}{scrambled:D8}";
    }

    DateTime WorkingHours(DateTime at)
    {
        var day = at.Date;
        if (day.DayOfWeek == DayOfWeek.Saturday) day = day.AddDays(2);
        else if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(1);
        return day.AddHours(6 + _random.Next(0, 10)).AddMinutes(_random.Next(0, 60)).AddSeconds(_random.Next(0, 60));
    }

    int PickWeighted(double[] weights, double sum)
    {
        var x = _random.NextDouble() * sum;
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) <= 0) return i;
        return weights.Length - 1;
    }

    static T Pick<T>(double x, params (double Share, T Value)[] choices)
    {
        foreach (var (share, value) in choices)
            if ((x -= share) <= 0) return value;
        return choices[^1].Value;
    }

    int Poisson(double mean)
    {
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian()));
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit) { k++; p *= _random.NextDouble(); }
        return k;
    }

    double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
