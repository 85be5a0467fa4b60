namespace Crm.Bench.Generate;

/// <summary>A product of the generated catalogue with its list prices (RUB always, USD and EUR for most).</summary>
public sealed record CatalogueProduct(int Id, int Group, string Name, string Unit, decimal Rub, decimal? Usd, decimal? Eur, bool Retail)
{
    public decimal? PriceIn(string currency) => currency switch { "RUB" => Rub, "USD" => Usd, "EUR" => Eur, _ => null };
}

/// <summary>
/// The catalogue of an engineering distributor: product groups, products with article numbers and units, list prices
/// per currency, written into the sales module's tables. Wholesale deals draw from every group, retail from the cheaper ones.
/// </summary>
public static class Catalogue
{
    static readonly (string Group, string Item, string Unit, int MinRub, int MaxRub, bool Retail)[] Groups =
    [
        ("Насосы", "Насос центробежный", "шт", 18_000, 900_000, true),
        ("Трубопроводная арматура", "Задвижка", "шт", 2_500, 180_000, true),
        ("Электродвигатели", "Электродвигатель АИР", "шт", 9_000, 650_000, false),
        ("Кабельная продукция", "Кабель ВВГнг", "м", 60, 2_400, true),
        ("Отопительное оборудование", "Котёл", "шт", 35_000, 1_900_000, true),
        ("Фильтры и водоподготовка", "Фильтр", "шт", 1_200, 240_000, true),
        ("Запасные части", "Ремкомплект", "компл", 800, 95_000, true),
        ("Автоматика и КИП", "Контроллер", "шт", 6_000, 420_000, false),
        ("Монтаж и пусконаладка", "Монтажные работы", "ч", 1_500, 6_500, false),
        ("Сервисное обслуживание", "Сервисный контракт", "мес", 12_000, 240_000, false),
    ];

    static readonly string[] Series = ["ЦНС", "КМ", "ВР", "Ду", "НП", "ТК", "Grundfos", "Wilo", "Danfoss", "ABB", "Siemens", "LOWARA"];

    public static List<CatalogueProduct> Load(BulkLoader loader, int count, Random random, DateTime startUtc)
    {
        var groups = new BulkTable(loader, "sales_product_groups", "Id", "Name");
        for (var g = 0; g < Groups.Length; g++) groups.Add(g + 1, Groups[g].Group);
        var products = new BulkTable(loader, "sales_products", "Id", "GroupId", "Sku", "Name", "Unit", "IsArchived", "CreatedAtUtc", "Version");
        var prices = new BulkTable(loader, "sales_product_prices", "Id", "ProductId", "Currency", "Price");
        var list = new List<CatalogueProduct>(count);
        var priceId = 0;
        for (var id = 1; id <= count; id++)
        {
            var g = random.Next(Groups.Length);
            var (_, item, unit, min, max, retail) = Groups[g];
            var name = $"{item} {Series[random.Next(Series.Length)]} {random.Next(10, 400)}-{random.Next(1, 99)}";
            // Prices spread over the group's range, most near its cheap end.
            var rub = (decimal)(min + (max - min) * Math.Pow(random.NextDouble(), 2.5));
            rub = min >= 1000 ? Math.Round(rub / 10) * 10 : Math.Round(rub);
            decimal? usd = random.NextDouble() < 0.8 ? Math.Round(rub / 92m, 2) : null;
            decimal? eur = random.NextDouble() < 0.7 ? Math.Round(rub / 100m, 2) : null;
            var archived = random.NextDouble() < 0.04;
            products.Add(id, g + 1, $"{"ABCDEFGHKMNPRT"[g]}{id:D6}", name, unit, archived,
                startUtc.AddDays(random.Next(0, 120)), 1);
            prices.Add(++priceId, id, "RUB", (long)(rub * 100));
            if (usd is { } u) prices.Add(++priceId, id, "USD", (long)(u * 100));
            if (eur is { } e) prices.Add(++priceId, id, "EUR", (long)(e * 100));
            if (!archived) list.Add(new CatalogueProduct(id, g, name, unit, rub, usd, eur, retail));
        }
        loader.Commit(groups, products, prices);
        return list;
    }
}
