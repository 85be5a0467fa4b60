using Crm.Sales.Reports;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Sales.Pages.Sales.Reports;

/// <summary>What every report page shares: the period form, the table it shows and the export links (the report's API with a format).</summary>
[RequirePermission(Permissions.ViewReports)]
public abstract class ReportPage(ReportContext context) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ReportPeriod? Period { get; private set; }
    public ReportTable? Table { get; protected set; }
    /// <summary>The bars of the page's chart, drawn on the server.</summary>
    public IReadOnlyList<Crm.Sdk.Reports.ChartBar> Bars { get; protected set; } = [];

    /// <summary>The report's API path under /api/v1/sales/reports, e.g. "funnel".</summary>
    public abstract string ApiPath { get; }

    /// <summary>Filters of the page besides the period, as query parameters for the export links.</summary>
    protected virtual IEnumerable<(string Name, string? Value)> Filters => [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Period = context.Period(From, To, errors);
        errors.All.AddTo(ModelState, context.Text, prefix: "");
        if (Period == null) return;
        From = Period.From;
        To = Period.To;
        await BuildAsync(Period, ct);
    }

    protected abstract Task BuildAsync(ReportPeriod period, CancellationToken ct);

    public string ExportUrl(string format) =>
        $"/api/v1/sales/reports/{ApiPath}?" + string.Join("&", new (string Name, string? Value)[] { ("from", From?.ToString("yyyy-MM-dd")), ("to", To?.ToString("yyyy-MM-dd")), ("format", format) }
            .Concat(Filters).Where(f => f.Value != null).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}"));
}
