using System.Security.Claims;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.Web.Features.Deals;

/// <summary>The performance ranking as CSV or XLSX, with the page's period, scope, capacity option and order.</summary>
internal static class PerformanceExport
{
    public static void MapPerformanceExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/deals/performance/export.{format}", async (string format, ClaimsPrincipal user, SalesScopes scopes, PerformanceQueries performance,
                TimeProvider clock, string? period, string? scope, string? percapacity, string? sort, string? asc, CancellationToken ct) =>
            {
                var viewer = user.ToViewer();
                var parsed = string.IsNullOrWhiteSpace(period)
                    ? SalesPeriod.Of(PeriodKind.Quarter, DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
                    : SalesPeriod.Parse(period);
                var (employee, team) = SalesScope.ParseCode(scope);
                if (parsed is null || await scopes.ResolveAsync(viewer, employee, team, ct: ct) is not { } found)
                {
                    return Results.NotFound();
                }

                var view = await performance.RankAsync(viewer, found, parsed.Value, bool.TryParse(percapacity, out var p) && p,
                    PerformancePage.SortOf(sort), !(bool.TryParse(asc, out var a) && a), ct);
                return Export.File(format, new ExportTable<PerformanceRow>("performance-" + view.Period, $"{DealTexts.PerformanceTitle} {view.PeriodLabel}",
                [
                    new(DealTexts.PerfRank, r => r.Rank),
                    new(Texts.FieldEmployee, r => r.Name),
                    new(Texts.CapacityShort, r => r.Capacity),
                    new(DealTexts.PerfNewDeals, r => r.NewDeals),
                    new(DealTexts.PerfNewValue, r => r.NewValue),
                    new(DealTexts.WonCredited, r => r.Won),
                    new(view.PriorLabel, r => r.Prior),
                    new(string.Format(System.Globalization.CultureInfo.CurrentCulture, DealTexts.PerfGrowthPrior, view.PriorLabel), r => r.GrowthPrior),
                    new(view.YearEarlierLabel, r => r.YearEarlier),
                    new(string.Format(System.Globalization.CultureInfo.CurrentCulture, DealTexts.PerfGrowthYear, view.YearEarlierLabel), r => r.GrowthYear),
                    new(DealTexts.PerfWinRate, r => r.WinRate),
                    new(DealTexts.PerfWonLost, r => $"{r.WonDeals} / {r.LostDeals}"),
                    new(DealTexts.PerfCycle, r => r.AverageCycleDays is { } d ? (decimal)Math.Round(d, 1) : null),
                    new(DealTexts.FieldQuotaAmount, r => r.Quota),
                    new(DealTexts.Attainment, r => r.Attainment),
                ], Export.All(_ => Task.FromResult(view.Rows.ToList()), ct)));
            })
        .RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')))
        .ExcludeFromDescription();
}
