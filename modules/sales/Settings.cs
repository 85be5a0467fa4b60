using Crm.Sdk.Modules;

namespace Crm.Sales;

/// <summary>What an administrator sets for the sales module.</summary>
public static class Settings
{
    /// <summary>Currency of new deals and of reports.</summary>
    public static readonly ModuleSetting DefaultCurrency = new("currency", "Setting.Currency", SettingType.Text, "RUB");
    /// <summary>Comma-separated ISO codes deals may use.</summary>
    public static readonly ModuleSetting Currencies = new("currencies", "Setting.Currencies", SettingType.Text, "RUB,USD,EUR,PLN");
    /// <summary>The seller as documents name it.</summary>
    public static readonly ModuleSetting SellerName = new("seller.name", "Setting.SellerName", SettingType.Text, "");
    /// <summary>The seller's address, tax number and bank details, printed on documents.</summary>
    public static readonly ModuleSetting SellerDetails = new("seller.details", "Setting.SellerDetails", SettingType.Text, "");
    /// <summary>Share of revenue (percent) that makes a client or product class A, then A+B.</summary>
    public static readonly ModuleSetting AbcThresholdA = new("abc.a", "Setting.AbcA", SettingType.Number, "80");
    public static readonly ModuleSetting AbcThresholdB = new("abc.b", "Setting.AbcB", SettingType.Number, "95");

    public static readonly ModuleSetting[] All = [DefaultCurrency, Currencies, SellerName, SellerDetails, AbcThresholdA, AbcThresholdB];
}
