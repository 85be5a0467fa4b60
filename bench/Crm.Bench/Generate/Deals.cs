using Crm.Sdk.Search;
using Crm.Sdk.Security;

namespace Crm.Bench.Generate;

/// <summary>What the sales step wrote.</summary>
public sealed record DealsSummary(int Products, long Deals, long Lines, long Visits, long Plans, long StalledTasks);

/// <summary>
/// The sales step, written into the sales module's tables after the host enabled and migrated the module: a wholesale
/// and a retail pipeline, the catalogue, discount limits and commission rules, deals over the scale's years owned by the
/// managers (each for one of its owner's clients), with lines whose totals make the amount, and stage histories as
/// <c>DealService.MoveAsync</c> writes them (a visit per stage entered, closed with its length when the deal moves on, the
/// previous entry into the same stage when a deal comes back), won and lost deals with reasons, monthly plans per
/// manager and team, and the open tasks the stalled-deal job would have created.
/// </summary>
public sealed class Deals(Scale scale, IReadOnlyList<Employee> staff, ClientBaseSummary clients, DateTime nowUtc, int seed)
{
    readonly Random _random = new(seed * 7919 + 17);

    sealed record StageInfo(int Id, int? NormDays, string Name);

    sealed record PipelineInfo(int Id, StageInfo[] Open, StageInfo Won, StageInfo Lost, double[] LossChance, bool Retail);

    static readonly string[] SourcesRu = ["Сайт", "Входящий звонок", "Рекомендация", "Выставка", "Холодный звонок", "Тендер", "Повторная продажа", "Реклама"];
    static readonly string[] SourcesEn = ["Website", "Inbound call", "Referral", "Trade show", "Cold call", "Tender", "Repeat sale"];
    static readonly string[] KindsRu = ["Поставка", "Заказ", "Комплектация объекта", "Пробная партия", "Рамочный договор", "Замена оборудования"];
    static readonly string[] KindsEn = ["Supply", "Order", "Site equipment", "Trial batch", "Framework agreement", "Replacement"];
    static readonly string[] LossNotes = ["Дороже конкурента на 12%", "Перенесли закупку на следующий год", "Не прошли тендер", "Клиент не выходит на связь",
        "Нужна была отсрочка платежа", "Chose a local supplier", "Budget frozen"];

    public DealsSummary Load(BulkLoader loader, Action<string> progress)
    {
        var managers = staff.Where(e => e.Role == CrmRoles.SalesManager).ToList();
        var heads = staff.Where(e => e.Role == CrmRoles.HeadOfSales).ToDictionary(e => e.TeamId!.Value);
        var admin = staff.First(e => e.Role == CrmRoles.Administrator);
        var start = nowUtc.AddYears(-scale.Years);
        var span = (nowUtc - start).TotalSeconds;

        var pipelines = Pipelines(loader);
        var reasons = LossReasons(loader);
        var products = Catalogue.Load(loader, Math.Clamp(scale.Deals / 60, 60, 3000), _random, start.AddDays(-200));
        var priced = new[] { "RUB", "USD", "EUR" }.ToDictionary(c => c, c => (
            All: products.Where(p => p.PriceIn(c) != null).ToArray(), Retail: products.Where(p => p.Retail && p.PriceIn(c) != null).ToArray()));
        var limits = new BulkTable(loader, "sales_discount_limits", "Role", "MaxPercent");
        limits.Add(CrmRoles.SalesManager, 10_00L);
        limits.Add(CrmRoles.HeadOfSales, 25_00L);
        var rules = new BulkTable(loader, "sales_commission_rules", "OwnerId", "Role", "Percent", "BonusPercent");
        rules.Add(null, CrmRoles.SalesManager, 3_00L, 1_50L);
        rules.Add(null, CrmRoles.HeadOfSales, 1_00L, 50L);
        foreach (var star in managers.Take(2)) rules.Add(star.Id, null, 4_00L, 2_00L);
        loader.Commit(limits, rules);

        var deals = new BulkTable(loader, "sales_deals", "Id", "Title", "TitleKey", "PipelineId", "StageId", "Status", "CompanyId", "ContactId", "OwnerId",
            "Amount", "Currency", "ExpectedCloseOn", "Source", "LossReasonId", "LossNote", "StageEnteredAtUtc", "CreatedAtUtc", "UpdatedAtUtc",
            "ClosedAtUtc", "CycleSeconds", "DeletedAtUtc", "Version");
        var lines = new BulkTable(loader, "sales_deal_lines", "Id", "DealId", "ProductId", "Description", "Quantity", "UnitPrice", "DiscountPercent",
            "Approval", "ApprovalById", "ApprovalAtUtc", "SortOrder");
        var visits = new BulkTable(loader, "sales_stage_visits", "Id", "DealId", "PipelineId", "StageId", "EnteredAtUtc", "LeftAtUtc",
            "PreviousEntryAtUtc", "SecondsInStage", "OwnerId", "ByUserId");
        var tasks = new BulkTable(loader, "core_tasks", "Id", "Title", "AssigneeId", "CreatedById", "DueAtUtc", "Priority", "CompanyId", "ContactId",
            "RemindAtUtc", "RemindedAtUtc", "DoneAtUtc", "CreatedAtUtc", "LinkModuleId", "LinkRecordId", "LinkTitle", "LinkUrl");

        var firstMonth = start.Year * 12 + start.Month - 1;
        var months = nowUtc.Year * 12 + nowUtc.Month - 1 - firstMonth + 1;
        var wonRub = new decimal[managers.Count, months];
        var dealLines = new List<(int Product, string Description, long Quantity, decimal Price, decimal Discount, int Approval, string? By, DateTime? At)>();
        var walk = new List<(StageInfo Stage, DateTime Entered, DateTime? Left, DateTime? Previous, string By)>();
        long lineId = 0, visitId = 0, taskId = clients.Tasks;
        var companies = clients.Companies;

        for (var id = 1; id <= scale.Deals; id++)
        {
            // More deals in recent years, as the company grew; each for a client the company already had then.
            var created = Second(start.AddSeconds(span * Math.Pow((id - 1 + _random.NextDouble()) / scale.Deals, 0.75)));
            var known = Math.Clamp((int)Math.Ceiling(companies * Math.Pow((created - start).TotalSeconds / span, 4.0 / 3)), 1, companies);
            var company = 1 + _random.Next(known);
            var ownerIndex = clients.CompanyOwners[company];
            var owner = managers[ownerIndex];
            var russian = clients.RussianCompanies[company];
            var pipeline = pipelines[_random.NextDouble() < 0.62 ? 0 : 1];
            var currency = russian ? "RUB" : _random.NextDouble() < 0.7 ? "USD" : "EUR";
            string By() => _random.NextDouble() switch { < 0.93 => owner.Id, < 0.98 => heads[owner.TeamId!.Value].Id, _ => admin.Id };

            // Stage history: each stage takes about its norm (some deals are left lying much longer); at each step a deal
            // may be lost, sent one stage back, or moved on; the last open stage leads to the won one.
            // A few deals are abandoned in some stage and stay open for good, as in every real pipeline.
            walk.Clear();
            var at = created;
            var index = 0;
            var status = 0;
            var abandonedIn = _random.NextDouble() < 0.045 ? _random.Next(pipeline.Open.Length) : -1;
            while (true)
            {
                var stage = pipeline.Open[index];
                walk.Add((stage, at, null, PreviousEntry(stage.Id, walk), walk.Count == 0 ? owner.Id : By()));
                if (index == abandonedIn) break;
                var days = (stage.NormDays ?? 3) * Math.Exp(-0.35 + 0.65 * Gaussian());
                if (_random.NextDouble() < 0.04) days *= 3 + _random.NextDouble() * 15;
                var left = Later(at, at.AddDays(days));
                if (left >= nowUtc) break;
                walk[^1] = walk[^1] with { Left = left };
                at = left;
                var roll = _random.NextDouble();
                if (roll < pipeline.LossChance[index])
                {
                    walk.Add((pipeline.Lost, at, null, null, By()));
                    status = 2;
                    break;
                }
                if (index > 0 && roll < pipeline.LossChance[index] + 0.06) { index--; continue; }
                if (index == pipeline.Open.Length - 1)
                {
                    walk.Add((pipeline.Won, at, null, null, By()));
                    status = 1;
                    break;
                }
                index++;
            }
            var last = walk[^1];

            // Lines in the deal's currency at the list price (sometimes a negotiated one), with discounts within the
            // seller's limit or approved by the head of sales; a few deals carry an amount typed by hand instead.
            dealLines.Clear();
            decimal amount = 0;
            var choice = pipeline.Retail ? priced[currency].Retail : priced[currency].All;
            if (_random.NextDouble() < 0.06 || choice.Length == 0)
                amount = Math.Round((decimal)(pipeline.Retail ? 5_000 + _random.NextDouble() * 80_000 : 50_000 + Math.Pow(_random.NextDouble(), 2) * 3_000_000)
                                    / (currency == "RUB" ? 1 : 90), 2);
            else
            {
                var count = pipeline.Retail ? 1 + _random.Next(3) : 1 + (int)Math.Min(11, -Math.Log(1 - _random.NextDouble()) * 2.2);
                for (var l = 0; l < count; l++)
                {
                    var product = choice[_random.Next(choice.Length)];
                    var quantity = product.Unit switch
                    {
                        "м" => _random.Next(20, 3000), "ч" => _random.Next(4, 160), "мес" => 12,
                        _ => pipeline.Retail ? 1 + _random.Next(4) : 1 + (int)(Math.Pow(_random.NextDouble(), 3) * 80),
                    };
                    var price = product.PriceIn(currency)!.Value;
                    if (_random.NextDouble() < 0.08) price = Math.Round(price * (decimal)(0.9 + _random.NextDouble() * 0.2), 2, MidpointRounding.AwayFromZero);
                    var roll = _random.NextDouble();
                    decimal discount = roll < 0.65 ? 0 : roll < 0.92 ? _random.Next(1, 11) : _random.Next(11, 21);
                    var (approval, by, approvedAt) = discount <= 10 ? (0, (string?)null, (DateTime?)null)
                        : status == 0 && _random.NextDouble() < 0.5 ? (1, null, null)
                        : (_random.NextDouble() < 0.85 ? 2 : 3, heads[owner.TeamId!.Value].Id, Later(created, created.AddHours(2 + _random.Next(40))));
                    if (approvedAt >= nowUtc) (approval, by, approvedAt) = (1, null, null);
                    if (approval == 3) discount = 10; // a refused discount goes back to the limit
                    dealLines.Add((product.Id, product.Name, quantity * 1000L, price, discount, approval, by, approvedAt));
                    amount += Math.Round(quantity * price * (100 - discount) / 100, 2, MidpointRounding.AwayFromZero);
                }
            }

            var closed = status == 0 ? (DateTime?)null : last.Entered;
            var updated = walk.Count > 1 ? last.Entered : Min(Second(created.AddMinutes(5 + _random.Next(120))), nowUtc);
            DateTime? deleted = _random.NextDouble() < 0.003 ? Min(Second(updated.AddDays(_random.Next(1, 30))), nowUtc.AddMinutes(-1)) : null;
            int? reason = status == 2 ? reasons[Weighted(reasons.Length)] : null;
            var title = $"{(russian ? KindsRu : KindsEn)[_random.Next(KindsRu.Length)]} — {(dealLines.Count > 0 ? dealLines[0].Description : (russian ? "оборудование" : "equipment"))}";
            if (title.Length > 300) title = title[..300];
            DateOnly? expected = _random.NextDouble() < 0.08 ? null
                : DateOnly.FromDateTime(created.AddDays(pipeline.Retail ? _random.Next(3, 21) : _random.Next(14, 100)));
            deals.Add(id, title, SearchKey.Of(title), pipeline.Id, last.Stage.Id, status, company, _random.NextDouble() < 0.7 ? clients.DecisionMakers[company] : null,
                owner.Id, (long)(amount * 100), currency, expected,
                _random.NextDouble() < 0.9 ? (russian ? SourcesRu[_random.Next(SourcesRu.Length)] : SourcesEn[_random.Next(SourcesEn.Length)]) : null,
                reason, reason != null && _random.NextDouble() < 0.25 ? LossNotes[_random.Next(LossNotes.Length)] : null,
                last.Entered, created, updated, closed, closed is { } closedAt ? (long?)Math.Round((closedAt - created).TotalSeconds) : null, deleted,
                walk.Count - 1 + dealLines.Count);
            for (var l = 0; l < dealLines.Count; l++)
            {
                var line = dealLines[l];
                lines.Add(++lineId, id, line.Product, line.Description, line.Quantity, (long)(line.Price * 100), (long)(line.Discount * 100),
                    line.Approval, line.By, line.At, l);
            }
            foreach (var visit in walk)
                visits.Add(++visitId, id, pipeline.Id, visit.Stage.Id, visit.Entered, visit.Left, visit.Previous,
                    visit.Left is { } left ? (long)Math.Round((left - visit.Entered).TotalSeconds) : null, owner.Id, visit.By);

            if (status == 1 && currency == "RUB" && deleted == null)
                wonRub[ownerIndex, last.Entered.Year * 12 + last.Entered.Month - 1 - firstMonth] += amount;
            // The stalled-deal job's task, as it would have left it: a task per deal stuck beyond its stage's norm, still open
            // for the last month's, done (the deal left as it was) for older ones.
            if (status == 0 && deleted == null && last.Stage.NormDays is { } norm && last.Entered.AddDays(norm) < nowUtc)
            {
                var due = Min(Second(last.Entered.AddDays(norm).AddMinutes(_random.Next(1, 60))), nowUtc);
                DateTime? done = due < nowUtc.AddDays(-30) ? Second(due.AddDays(_random.Next(0, 10)).AddHours(_random.Next(1, 8))) : null;
                var taskTitle = russian ? $"Продвиньте сделку «{title}»: она дольше норматива на этапе «{last.Stage.Name}»"
                    : $"Move deal \"{title}\": it has stayed in \"{last.Stage.Name}\" longer than the norm";
                tasks.Add(++taskId, taskTitle.Length > 300 ? taskTitle[..300] : taskTitle, owner.Id, owner.Id, due, 1, company, null, due, due, done, due,
                    "sales", id.ToString(System.Globalization.CultureInfo.InvariantCulture), title, $"/Sales/Deals/{id}");
            }

            if (id % 2000 == 0)
            {
                loader.Commit(deals, lines, visits, tasks);
                if (id % 100_000 == 0 || (scale.Deals <= 100_000 && id % 20_000 == 0))
                    progress($"  {id:N0} deals, {lines.Written:N0} lines, {visits.Written:N0} stage visits");
            }
        }
        loader.Commit(deals, lines, visits, tasks);
        var plans = Plans(loader, managers, wonRub, firstMonth, months);
        return new DealsSummary(products.Count, deals.Written, lines.Written, visits.Written, plans, tasks.Written);
    }

    /// <summary>
    /// The first (migrated) pipeline becomes wholesale with the names a Russian distributor gives its stages; a retail
    /// pipeline with shorter norms is added after it.
    /// </summary>
    List<PipelineInfo> Pipelines(BulkLoader loader)
    {
        var first = loader.Read("SELECT MIN(Id) FROM sales_pipelines", r => Convert.ToInt32(r.GetValue(0)))[0];
        var stages = loader.Read($"SELECT Id, Kind, NormDays FROM sales_stages WHERE PipelineId = {first} ORDER BY SortOrder, Id",
            r => (Id: r.GetInt32(0), Kind: r.GetInt32(1), Norm: r.IsDBNull(2) ? (int?)null : r.GetInt32(2)));
        string[] names = ["Новая заявка", "Квалификация", "Коммерческое предложение", "Переговоры", "Согласование договора", "Резерв"];
        loader.Execute($"UPDATE sales_pipelines SET Name = 'Оптовые продажи' WHERE Id = {first}");
        var open = new List<StageInfo>();
        StageInfo? won = null, lost = null;
        foreach (var s in stages)
        {
            var name = s.Kind switch { 1 => "Договор подписан", 2 => "Сделка сорвана", _ => names[Math.Min(open.Count, names.Length - 1)] };
            loader.Execute($"UPDATE sales_stages SET Name = '{name}' WHERE Id = {s.Id}");
            var info = new StageInfo(s.Id, s.Norm, name);
            if (s.Kind == 1) won ??= info;
            else if (s.Kind == 2) lost ??= info;
            else open.Add(info);
        }
        var wholesale = new PipelineInfo(first, open.ToArray(), won!, lost!, [0.22, 0.2, 0.22, 0.15, 0.1, 0.1], Retail: false);

        var pipelineId = loader.Read("SELECT MAX(Id) FROM sales_pipelines", r => Convert.ToInt32(r.GetValue(0)))[0] + 1;
        var stageId = loader.Read("SELECT MAX(Id) FROM sales_stages", r => Convert.ToInt32(r.GetValue(0)))[0];
        var pipelineRows = new BulkTable(loader, "sales_pipelines", "Id", "Name", "SortOrder", "IsArchived", "Version");
        pipelineRows.Add(pipelineId, "Розница", 1, false, 0);
        var stageRows = new BulkTable(loader, "sales_stages", "Id", "PipelineId", "Name", "SortOrder", "Probability", "NormDays", "Kind", "IsArchived");
        (string Name, int Probability, int? Norm, int Kind)[] retail =
            [("Заявка", 10, 1, 0), ("Подбор товара", 30, 2, 0), ("Счёт выставлен", 60, 3, 0), ("Оплата и отгрузка", 90, 5, 0), ("Отгружено", 100, null, 1), ("Отказ", 0, null, 2)];
        var retailStages = retail.Select((s, i) =>
        {
            stageRows.Add(++stageId, pipelineId, s.Name, i, s.Probability, s.Norm, s.Kind, false);
            return (Info: new StageInfo(stageId, s.Norm, s.Name), s.Kind);
        }).ToList();
        loader.Commit(pipelineRows, stageRows);
        return
        [
            wholesale,
            new PipelineInfo(pipelineId, retailStages.Where(s => s.Kind == 0).Select(s => s.Info).ToArray(), retailStages.First(s => s.Kind == 1).Info,
                retailStages.First(s => s.Kind == 2).Info, [0.3, 0.12, 0.2, 0.05], Retail: true),
        ];
    }

    /// <summary>The migrated loss reasons in Russian, and a few more; returns their ids, the commonest first.</summary>
    static int[] LossReasons(BulkLoader loader)
    {
        string[] names = ["Цена", "Выбрали конкурента", "Нет бюджета", "Решение не принято", "Другое"];
        var ids = loader.Read("SELECT Id FROM sales_loss_reasons ORDER BY SortOrder, Id", r => r.GetInt32(0));
        for (var i = 0; i < ids.Count && i < names.Length; i++) loader.Execute($"UPDATE sales_loss_reasons SET Name = '{names[i]}' WHERE Id = {ids[i]}");
        var next = loader.Read("SELECT COALESCE(MAX(Id), 0) FROM sales_loss_reasons", r => Convert.ToInt32(r.GetValue(0)))[0];
        var rows = new BulkTable(loader, "sales_loss_reasons", "Id", "Name", "SortOrder", "IsArchived");
        foreach (var name in new[] { "Сроки поставки", "Пропал контакт", "Ушли к дилеру" }) { rows.Add(++next, name, ids.Count, false); ids.Add(next); }
        loader.Commit(rows);
        return ids.ToArray();
    }

    /// <summary>
    /// Monthly plans in RUB per manager (near what they sold around that month, so that some meet it and some do not) for
    /// every month up to two months ahead, and each team's plan as the sum of its members'.
    /// </summary>
    long Plans(BulkLoader loader, List<Employee> managers, decimal[,] wonRub, int firstMonth, int months)
    {
        var plans = new BulkTable(loader, "sales_plans", "Month", "OwnerId", "TeamId", "Amount", "Currency");
        var teams = new Dictionary<(int Team, int Month), decimal>();
        for (var m = 0; m < managers.Count; m++)
        {
            var total = Enumerable.Range(0, months).Sum(i => wonRub[m, i]);
            var floor = Math.Max(100_000m, Thousands(total / months / 2));
            for (var i = 0; i < months + 2; i++)
            {
                decimal recent = 0;
                for (var k = Math.Max(0, Math.Min(i, months - 1) - 2); k <= Math.Min(i, months - 1); k++) recent += wonRub[m, k];
                var plan = Math.Max(floor, Thousands(recent / 3 * (decimal)(0.85 + _random.NextDouble() * 0.45)));
                var month = new DateOnly((firstMonth + i) / 12, (firstMonth + i) % 12 + 1, 1);
                plans.Add(month, managers[m].Id, null, (long)(plan * 100), "RUB");
                var key = (managers[m].TeamId!.Value, firstMonth + i);
                teams[key] = teams.GetValueOrDefault(key) + plan;
            }
        }
        foreach (var ((team, month), amount) in teams.OrderBy(t => t.Key.Month).ThenBy(t => t.Key.Team))
            plans.Add(new DateOnly(month / 12, month % 12 + 1, 1), null, team, (long)(amount * 100), "RUB");
        loader.Commit(plans);
        return plans.Written;
    }

    static decimal Thousands(decimal amount) => Math.Round(amount / 10_000) * 10_000;

    static DateTime? PreviousEntry(int stageId, List<(StageInfo Stage, DateTime Entered, DateTime? Left, DateTime? Previous, string By)> walk)
    {
        DateTime? previous = null;
        foreach (var visit in walk)
            if (visit.Stage.Id == stageId && (previous == null || visit.Entered > previous)) previous = visit.Entered;
        return previous;
    }

    /// <summary>A moment in working hours on the day of <paramref name="target"/> (Monday to Friday), never before <paramref name="after"/>.</summary>
    DateTime Later(DateTime after, DateTime target)
    {
        var day = target.Date;
        if (day.DayOfWeek == DayOfWeek.Saturday) day = day.AddDays(2);
        else if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(1);
        var at = Second(day.AddHours(6 + _random.Next(0, 10)).AddMinutes(_random.Next(0, 60)).AddSeconds(_random.Next(0, 60)));
        return at > after ? at : Second(after.AddMinutes(_random.Next(5, 240)));
    }

    int Weighted(int count)
    {
        // The first reasons are the common ones: weights 1, 1/2, 1/3, ...
        var x = _random.NextDouble() * Enumerable.Range(1, count).Sum(i => 1.0 / i);
        for (var i = 0; i < count; i++)
            if ((x -= 1.0 / (i + 1)) <= 0) return i;
        return count - 1;
    }

    double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    static DateTime Second(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
