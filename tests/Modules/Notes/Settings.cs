using Crm.Sdk.Modules;

namespace Crm.TestModules.Notes;

public static class Settings
{
    public static readonly ModuleSetting Intro = new("intro", "Setting.Intro", SettingType.Text);
    public static readonly ModuleSetting PageSize = new("pagesize", "Setting.PageSize", SettingType.Number, "100");
}
