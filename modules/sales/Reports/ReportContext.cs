using Crm.Sdk.Api;
using Crm.Sdk.Reports;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Reports;

/// <summary>What every report endpoint does around its report: reads the period, answers 400 for a bad one, JSON or a file.</summary>
public sealed class ReportContext(ITableExport export, IStringLocalizer<SalesModule> text, SalesSettings settings, TimeProvider time)
{
    public IStringLocalizer Text => text;

    public async Task<string> CurrencyAsync(string? asked, CancellationToken ct) =>
        FieldErrors.Clean(asked)?.ToUpperInvariant() ?? await settings.DefaultCurrencyAsync(ct);

    public ReportPeriod? Period(DateOnly? from, DateOnly? to, FieldErrors errors) =>
        ReportPeriod.Parse(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), errors);

    public async Task<IResult> AnswerAsync(ReportQuery query, Func<ReportPeriod, Task<(object Report, ReportTable Table)?>> build, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (query.Currency is { } currency && !(await settings.CurrenciesAsync(ct)).Contains(currency.Trim().ToUpperInvariant()))
            errors.Add("currency", "Deal.CurrencyUnknown");
        var period = Period(query.From, query.To, errors);
        if (period == null || errors.Count > 0) return ApiProblems.Fields(errors.All.Localized(text));
        if (await build(period) is not { } built) return Results.NotFound();
        return query.Format is { } format
            ? TableFile.Result(export, built.Table.Name, built.Table.Headers, built.Table.Rows, format, ct)
            : Results.Ok(built.Report);
    }
}
