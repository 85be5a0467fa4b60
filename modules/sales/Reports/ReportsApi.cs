using Crm.Sdk.Api;
using Crm.Sdk.Reports;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Reports;

/// <summary>The period and file format every report takes from the query string (?from=2025-01-01&amp;to=2025-12-31&amp;format=xlsx).</summary>
public sealed record ReportQuery(DateOnly? From, DateOnly? To, TableFormat? Format, string? Currency);

/// <summary>
/// /api/v1/sales/reports/...: each report as JSON, or with <c>format=csv|xlsx</c> as the file its page exports; every
/// figure within the caller's scope for viewing deals.
/// </summary>
public static class ReportsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/sales/reports").RequirePermission(Permissions.ViewReports);
        reports.MapGet("/funnel", async (int? pipelineId, [AsParameters] ReportQuery query, FunnelReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period => await report.BuildAsync(pipelineId, period, ct) is { } funnel
                ? (funnel, ReportTables.Funnel(funnel, context.Text))
                : ((object, ReportTable)?)null, ct));
        reports.MapGet("/managers", async ([AsParameters] ReportQuery query, ManagerReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period =>
            {
                var figures = await report.BuildAsync(period, await context.CurrencyAsync(query.Currency, ct), ct);
                return (figures, ReportTables.Managers(figures, context.Text));
            }, ct));
        reports.MapGet("/forecast", async ([AsParameters] ReportQuery query, ForecastReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period =>
            {
                var figures = await report.BuildAsync(period, await context.CurrencyAsync(query.Currency, ct), ct);
                return (figures, ReportTables.Forecast(figures, context.Text));
            }, ct));
        reports.MapGet("/losses", async ([AsParameters] ReportQuery query, LossReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period =>
            {
                var figures = await report.BuildAsync(period, await context.CurrencyAsync(query.Currency, ct), ct);
                return (figures, ReportTables.Losses(figures, context.Text));
            }, ct));
        reports.MapGet("/abc", async ([AsParameters] ReportQuery query, AbcReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period =>
            {
                var figures = await report.BuildAsync(period, await context.CurrencyAsync(query.Currency, ct), ct);
                return (figures, ReportTables.Abc(figures, context.Text));
            }, ct));
        reports.MapGet("/new-vs-repeat", async ([AsParameters] ReportQuery query, ClientRevenueReport report, ReportContext context, CancellationToken ct) =>
            await context.AnswerAsync(query, async period =>
            {
                var figures = await report.BuildAsync(period, await context.CurrencyAsync(query.Currency, ct), ct);
                return (figures, ReportTables.ClientRevenue(figures, context.Text));
            }, ct));
    }
}
