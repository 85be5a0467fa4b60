using System.Globalization;
using Crm.Sdk.Modules;

namespace Crm.Sales;

/// <summary>The sales module's settings as typed values.</summary>
public sealed class SalesSettings(IModuleSettings settings)
{
    public const string ModuleId = "sales";

    public async Task<string> DefaultCurrencyAsync(CancellationToken ct) =>
        (await settings.GetAsync(ModuleId, Settings.DefaultCurrency.Key, ct))?.Trim().ToUpperInvariant() is { Length: 3 } code ? code : "RUB";

    /// <summary>The ISO codes deals, prices and plans may use; the default currency is always among them.</summary>
    public async Task<IReadOnlyList<string>> CurrenciesAsync(CancellationToken ct)
    {
        var list = (await settings.GetAsync(ModuleId, Settings.Currencies.Key, ct) ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Where(c => c.Length == 3 && c.All(char.IsAsciiLetterUpper)).ToList();
        var main = await DefaultCurrencyAsync(ct);
        if (!list.Contains(main)) list.Insert(0, main);
        return list.Distinct().ToList();
    }

    public async Task<string> TextAsync(ModuleSetting setting, CancellationToken ct) => await settings.GetAsync(ModuleId, setting.Key, ct) ?? "";

    public async Task<decimal> NumberAsync(ModuleSetting setting, CancellationToken ct) =>
        decimal.TryParse(await settings.GetAsync(ModuleId, setting.Key, ct), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : decimal.Parse(setting.Default ?? "0", CultureInfo.InvariantCulture);
}
