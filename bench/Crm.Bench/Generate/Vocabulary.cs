using Bogus;
using Bogus.DataSets;

namespace Crm.Bench.Generate;

/// <summary>
/// The words of one language that clients' records are made of: Bogus's names, cities and streets, with the business
/// words (industries, positions, call subjects) a sales team of that language really writes.
/// </summary>
public sealed class Vocabulary
{
    public required Faker Faker { get; init; }
    public required string[] LegalForms { get; init; }
    public required string[] NameRoots { get; init; }
    public required string[] NameSuffixes { get; init; }
    public required string[] Industries { get; init; }
    public required string[] Territories { get; init; }
    public required string[] Positions { get; init; }
    public required string[] LossReasons { get; init; }
    public required string[] CallSubjects { get; init; }
    public required string[] MeetingSubjects { get; init; }
    public required string[] EmailSubjects { get; init; }
    public required string[] NoteSubjects { get; init; }
    public required string[] Outcomes { get; init; }
    public required string[] TaskTitles { get; init; }
    public required string[] ConsentSources { get; init; }
    public required string CountryCode { get; init; }
    public required string[] MobilePrefixes { get; init; }

    public string PickFrom(string[] words) => words[Faker.Random.Int(0, words.Length - 1)];

    /// <summary>A company name as it is written in that country: «ООО "Север-Трейд"», "Northwind Logistics LLC".</summary>
    public string CompanyName()
    {
        var f = Faker;
        var root = f.Random.Int(0, 3) switch
        {
            0 => f.Name.LastName(Bogus.DataSets.Name.Gender.Male),
            1 => PickFrom(NameRoots) + PickFrom(NameSuffixes),
            2 => PickFrom(NameRoots) + "-" + PickFrom(NameSuffixes).TrimStart(),
            _ => PickFrom(NameRoots) + " " + PickFrom(NameSuffixes).Trim(),
        };
        var form = PickFrom(LegalForms);
        return CountryCode == "7" ? $"{form} «{root}»" : $"{root} {form}";
    }

    /// <summary>A phone as people type it, in one of the usual ways of the country.</summary>
    public string Phone()
    {
        var f = Faker;
        var prefix = PickFrom(MobilePrefixes);
        var n = f.Random.Int(0, 9_999_999).ToString("D7");
        return CountryCode == "7"
            ? f.Random.Int(0, 3) switch
            {
                0 => $"+7 ({prefix}) {n[..3]}-{n[3..5]}-{n[5..]}",
                1 => $"8 {prefix} {n[..3]} {n[3..5]} {n[5..]}",
                2 => $"+7{prefix}{n}",
                _ => $"8({prefix}){n[..3]}-{n[3..]}",
            }
            : f.Random.Int(0, 2) switch
            {
                0 => $"+1 ({prefix}) {n[..3]}-{n[3..]}",
                1 => $"{prefix}-{n[..3]}-{n[3..]}",
                _ => $"({prefix}) {n[..3]} {n[3..]}",
            };
    }

    public static Vocabulary Russian(int seed) => new()
    {
        Faker = new Faker("ru") { Random = new Randomizer(seed) },
        CountryCode = "7",
        MobilePrefixes = ["495", "499", "812", "916", "903", "925", "926", "985", "977", "921", "343", "383", "843", "861"],
        LegalForms = ["ООО", "ООО", "ООО", "АО", "ПАО", "ИП", "ЗАО"],
        NameRoots = ["Север", "Вектор", "Альфа", "Техно", "Урал", "Сибирь", "Волга", "Гранит", "Меридиан", "Парус", "Кедр", "Орион",
            "Ресурс", "Эталон", "Стандарт", "Прогресс", "Импульс", "Спектр", "Балтика", "Азимут", "Монолит", "Форвард", "Регион", "Атлант"],
        NameSuffixes = ["Строй", "Снаб", "Пром", "Торг", "Трейд", "Логистик", "Сервис", "Инвест", "Агро", "Энерго", "Маш", "Софт", "Мед", "Хим"],
        Industries = ["Производство", "Оптовая торговля", "Розничная торговля", "Строительство", "Логистика", "ИТ", "Медицина",
            "Сельское хозяйство", "Энергетика", "Финансы", "Образование", "Гостиницы и рестораны", "Недвижимость", "Телеком"],
        Territories = ["Москва", "Санкт-Петербург", "Московская область", "Свердловская область", "Новосибирская область",
            "Республика Татарстан", "Краснодарский край", "Нижегородская область", "Самарская область", "Ростовская область",
            "Пермский край", "Красноярский край", "Челябинская область", "Воронежская область"],
        Positions = ["Генеральный директор", "Коммерческий директор", "Финансовый директор", "Главный бухгалтер", "Бухгалтер",
            "Руководитель отдела закупок", "Менеджер по закупкам", "Технический директор", "Главный инженер", "Юрист",
            "Офис-менеджер", "Руководитель ИТ", "Специалист по логистике", "Директор по развитию", "Секретарь"],
        LossReasons = ["Ушли к конкуренту", "Дорого", "Закрылись", "Не устроили сроки поставки", "Сменился собственник",
            "Нет бюджета", "Не вышли на связь", "Недовольны качеством"],
        CallSubjects = ["Звонок: уточнить потребность", "Звонок по счёту", "Напомнить о предложении", "Входящий звонок",
            "Звонок по поставке", "Согласование условий", "Холодный звонок", "Звонок: продление договора"],
        MeetingSubjects = ["Встреча в офисе клиента", "Презентация продукта", "Переговоры по договору", "Встреча с руководством",
            "Демонстрация", "Обсуждение рекламации"],
        EmailSubjects = ["Коммерческое предложение", "Счёт на оплату", "Договор на согласование", "Прайс-лист", "Ответ на запрос",
            "Акт сверки"],
        NoteSubjects = ["Заметка", "Итоги переговоров", "Важно: ЛПР в отпуске", "Предпочтения клиента"],
        Outcomes = ["Договорились о встрече", "Ждём ответа", "Отправил КП", "Не дозвонился", "Перезвонить через неделю",
            "Согласовали скидку", "Клиент думает", "Подписали договор", "Отказ", "Запросили счёт"],
        TaskTitles = ["Перезвонить", "Отправить КП", "Выставить счёт", "Подготовить договор", "Согласовать отгрузку",
            "Поздравить с днём рождения", "Назначить встречу", "Проверить оплату", "Отправить акт сверки"],
        ConsentSources = ["Форма на сайте", "Подписанное согласие", "Звонок", "Выставка"],
    };

    public static Vocabulary English(int seed) => new()
    {
        Faker = new Faker("en") { Random = new Randomizer(seed) },
        CountryCode = "1",
        MobilePrefixes = ["212", "312", "415", "617", "646", "702", "713", "305", "206", "512", "303", "404"],
        LegalForms = ["LLC", "Inc", "Ltd", "Corp", "Group", "& Co"],
        NameRoots = ["North", "Blue", "Summit", "Pioneer", "Harbor", "Granite", "Eagle", "Atlas", "Vertex", "Cedar", "Liberty",
            "Silver", "Pacific", "Keystone", "Horizon", "Sterling"],
        NameSuffixes = ["wind", " Logistics", " Systems", " Foods", " Supply", " Energy", " Works", " Health", " Labs", "field",
            " Partners", " Industries"],
        Industries = ["Manufacturing", "Wholesale", "Retail", "Construction", "Logistics", "IT", "Healthcare", "Agriculture",
            "Energy", "Finance", "Education", "Hospitality", "Real estate", "Telecom"],
        Territories = ["New York", "California", "Texas", "Illinois", "Massachusetts", "Washington", "Florida", "Georgia",
            "Colorado", "Nevada"],
        Positions = ["CEO", "CFO", "COO", "Head of Procurement", "Purchasing Manager", "IT Director", "Office Manager",
            "Operations Manager", "Accountant", "Legal Counsel", "VP Sales", "Engineer"],
        LossReasons = ["Went to a competitor", "Too expensive", "Out of business", "Delivery times", "New owner", "No budget",
            "Stopped answering", "Quality complaints"],
        CallSubjects = ["Discovery call", "Call about the invoice", "Follow-up on the proposal", "Inbound call", "Delivery call",
            "Renewal call", "Cold call"],
        MeetingSubjects = ["On-site meeting", "Product demo", "Contract negotiation", "Meeting with the board", "Quarterly review"],
        EmailSubjects = ["Proposal", "Invoice", "Contract for review", "Price list", "Reply to request"],
        NoteSubjects = ["Note", "Negotiation summary", "Decision maker on leave", "Client preferences"],
        Outcomes = ["Meeting booked", "Waiting for reply", "Proposal sent", "No answer", "Call back next week", "Discount agreed",
            "Thinking it over", "Contract signed", "Declined", "Asked for an invoice"],
        TaskTitles = ["Call back", "Send proposal", "Send invoice", "Prepare contract", "Confirm shipment", "Birthday greeting",
            "Book a meeting", "Check payment"],
        ConsentSources = ["Web form", "Signed consent", "Phone call", "Trade show"],
    };
}
