using System.Globalization;
using Crm.Sales.Plans;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Plans;

/// <summary>
/// Sales plans as a month × managers (and teams) grid for a year, with each plan's fact and % done, and the commission
/// rules; for heads of sales within their scope.
/// </summary>
[RequirePermission(Permissions.ManagePlans)]
public sealed class IndexModel(PlanService plans, SalesSettings settings, IStringLocalizer<SalesModule> text, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public CommissionRuleInput? Rule { get; set; }

    public List<UserSummary> Managers { get; private set; } = [];
    public List<TeamSummary> Teams { get; private set; } = [];
    public Dictionary<(string Key, int Month), PlanProgress> Cells { get; private set; } = [];
    public List<CommissionRuleView> Rules { get; private set; } = [];
    public IReadOnlyList<string> Currencies { get; private set; } = [];
    /// <summary>The year asked for, or this year when none or one outside the years plans are kept for was asked.</summary>
    public int ShownYear => Year is { } year && PlanService.IsPlanYear(year) ? year : time.GetUtcNow().Year;

    public static string ManagerKey(string id) => "u:" + id;
    public static string TeamKey(int id) => "t:" + id.ToString(CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year is { } year && !PlanService.IsPlanYear(year)) ModelState.AddModelError(nameof(Year), text["Plan.YearOutOfRange"]);
        await LoadAsync(ct);
    }

    /// <summary>Saves every cell of the grid: inputs named "{key}|{month}"; an emptied cell removes its plan.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (name, value) in Request.Form.Where(f => f.Key.StartsWith("u:") || f.Key.StartsWith("t:")))
        {
            var parts = name.Split('|');
            if (parts.Length != 2 || !int.TryParse(parts[1], out var month) || month is < 1 or > 12) continue;
            var raw = FieldErrors.Clean(value.ToString());
            decimal? amount = raw == null ? null : CultureNumbers.TryParse(raw, CultureInfo.CurrentCulture, out var parsed) ? parsed : -1;
            var key = parts[0];
            var input = new PlanInput(new DateOnly(ShownYear, month, 1), key.StartsWith("u:") ? key[2..] : null,
                key.StartsWith("t:") && int.TryParse(key[2..], out var team) ? team : null, amount, Currency);
            var saved = await plans.SaveAsync(input, ct);
            if (!saved.Succeeded) ModelState.AddModelError(name, $"{month:00}.{ShownYear}: {string.Join(" ", saved.Errors.Values.Select(v => text[v].Value))}");
        }
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        return RedirectToPage(new { year = ShownYear });
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        var saved = await plans.SaveRuleAsync(Rule ?? new CommissionRuleInput(null, null, null, null), ct);
        if (saved.Succeeded) return RedirectToPage(new { year = ShownYear });
        saved.Errors.AddTo(ModelState, text, "Rule.");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(int id, CancellationToken ct)
    {
        await plans.DeleteRuleAsync(id, ct);
        return RedirectToPage(new { year = ShownYear });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Managers = await plans.ManagersAsync(ct);
        Teams = await plans.TeamsAsync(ct);
        Currencies = await settings.CurrenciesAsync(ct);
        Currency ??= await settings.DefaultCurrencyAsync(ct);
        Cells = (await plans.ProgressAsync(new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 1), ct))
            .ToDictionary(p => (p.OwnerId != null ? ManagerKey(p.OwnerId) : TeamKey(p.TeamId!.Value), p.Month.Month));
        Rules = await plans.RulesAsync(ct);
    }
}
