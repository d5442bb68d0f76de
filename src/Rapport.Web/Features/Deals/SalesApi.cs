using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.Web.Features.Deals;

/// <summary>Quotas, the forecast and the performance ranking under <c>/api/v1</c>.</summary>
internal static class SalesApi
{
    private const string Scope = "`employeeId` or `teamId` names whose figures; without either, the company for administrators and Finance, "
        + "the team a head of sales leads, or the caller. Someone the caller may not read is 404.";

    public static RouteGroupBuilder MapSalesApi(this RouteGroupBuilder api)
    {
        var quotas = api.MapGroup("/quotas").WithTags("Quotas").RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')));
        quotas.MapGet("/", List).WithName("ListQuotas")
            .WithSummary("Quotas of the people the caller may read, with the won amount credited in each period and the attainment.")
            .WithDescription("`period` (2026-03, 2026-Q1, 2026) keeps the quotas that overlap it. Account managers read their own; heads of sales "
                + "their team's; administrators and Finance everyone's.");
        quotas.MapGet("/{id:guid}", Get).WithName("GetQuota").WithSummary("A quota with its attainment.").ProducesProblem(404);
        quotas.MapGet("/rollup", Rollup).WithName("QuotaRollup")
            .WithSummary("The quotas of a team (or the company) for a period: each member's and their sum, with won amounts and attainment.")
            .WithDescription(Scope + " A quarter quota counts a third (to the cent) in each of its months.")
            .ProducesProblem(400).ProducesProblem(404);
        quotas.MapPut("/", Set).WithName("SetQuota").Validates<QuotaInput>()
            .WithSummary("Sets an employee's quota for a month (`2026-03`) or a quarter (`2026-Q1`): creates it, or changes the one of that period.")
            .WithDescription("Administrators set anyone's, heads of sales their team's; nobody their own (403). A period that overlaps another "
                + "quota of the person (a month inside a quarter that has one) is 400 on `period`. `version` is the quota's as read (0 for a new one); "
                + "a stale one is 409.")
            .ProducesProblem(403).ProducesProblem(409);

        var forecast = api.MapGroup("/forecast").WithTags("Forecast").RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')));
        forecast.MapGet("/", Forecast).WithName("GetForecast")
            .WithSummary("The forecast of a quarter (`2026-Q4`) or a year (`2026`) per month and quarter: won, commit, best case, pipeline, weighted, quota, attainment.")
            .WithDescription(Scope + " Won is the amount credited to the scope's people through the splits on deals won with a close date in the month; "
                + "commit, best case and pipeline the credited amounts of open deals expected to close in it by the owner's call; weighted every open "
                + "deal at its probability. `change` compares the current quarter with the last weekly snapshot and lists the deal events since.")
            .ProducesProblem(400).ProducesProblem(404);
        forecast.MapPost("/snapshots", Snapshot).WithName("TakeForecastSnapshot")
            .WithSummary("Takes this week's forecast snapshot of the current quarter, unless it has been taken (then says when).")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.HeadOfSales, Roles.Finance));

        api.MapGet("/performance", Performance).WithTags("Performance").WithName("GetPerformance")
            .RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')))
            .WithSummary("The ranking of a scope's account managers for a month, a quarter or a year.")
            .WithDescription(Scope + " Per person: new-business deals won (count and credited value), won value, growth against the prior "
                + "period and the same period a year earlier (null when the base is nothing), win rate = won ÷ (won + lost) closed in the period, "
                + "average days from creation to close of the deals won, quota and attainment. `perCapacity` divides counts and amounts by the "
                + "person's capacity in the role. `sort` names a column; `asc` turns the order.")
            .ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/performance/accounts", AccountGrowth).WithTags("Performance").WithName("GetAccountGrowth")
            .RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')))
            .WithSummary("Growth per account for a scope and a month, a quarter or a year: won, and growth on the prior period and on the same period last year.")
            .WithDescription(Scope + " The amounts are those credited to the scope's people (the whole amounts for the company). The `top` accounts "
                + "(default 50, at most 500) that brought most in the period, then in the prior period, and `accounts`: how many had a deal won in any of the three periods.")
            .ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/performance/trend", Trend).WithTags("Performance").WithName("GetSalesTrend")
            .RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')))
            .WithSummary("The sales trend of a scope: the amount won in each month of a month, a quarter or a year, beside the same month a year earlier.")
            .WithDescription(Scope + " The amounts are those credited to the scope's people through the splits on deals won with a close date in "
                + "the month (the whole amounts for the company), in the organisation's currency, as the performance page's chart draws them.")
            .ProducesProblem(400).ProducesProblem(404);
        return api;
    }

    private static SalesPeriod? PeriodOr(string? text, PeriodKind kind, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(text) ? SalesPeriod.Of(kind, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) : SalesPeriod.Parse(text);

    private static async Task<Results<Ok<ForecastView>, ProblemHttpResult>> Forecast(
        ClaimsPrincipal user, SalesScopes scopes, ForecastQueries forecasts, TimeProvider clock, CancellationToken ct,
        Guid? employeeId = null, Guid? teamId = null, string? period = null)
    {
        var viewer = user.ToViewer();
        if (PeriodOr(period, PeriodKind.Quarter, clock) is not { } parsed)
        {
            return ApiResults.Problem([Error.Invalid("period", DealTexts.ValidationPeriod)]);
        }

        return await scopes.ResolveAsync(viewer, employeeId, teamId, ct: ct) is { } scope
            ? TypedResults.Ok(await forecasts.ForAsync(viewer, scope, parsed, ct))
            : ApiResults.NotFound(DealTexts.ErrorScopeNotFound);
    }

    private static async Task<Results<Ok<PerformanceView>, ProblemHttpResult>> Performance(
        ClaimsPrincipal user, SalesScopes scopes, PerformanceQueries performance, TimeProvider clock, CancellationToken ct,
        Guid? employeeId = null, Guid? teamId = null, string? period = null, bool perCapacity = false, PerformanceSort sort = PerformanceSort.NewValue,
        bool asc = false)
    {
        var viewer = user.ToViewer();
        if (PeriodOr(period, PeriodKind.Quarter, clock) is not { } parsed)
        {
            return ApiResults.Problem([Error.Invalid("period", DealTexts.ValidationPeriod)]);
        }

        return await scopes.ResolveAsync(viewer, employeeId, teamId, ct: ct) is { } scope
            ? TypedResults.Ok(await performance.RankAsync(viewer, scope, parsed, perCapacity, sort, !asc, ct))
            : ApiResults.NotFound(DealTexts.ErrorScopeNotFound);
    }

    private static async Task<Results<Ok<AccountGrowthView>, ProblemHttpResult>> AccountGrowth(
        ClaimsPrincipal user, SalesScopes scopes, PerformanceQueries performance, TimeProvider clock, CancellationToken ct,
        Guid? employeeId = null, Guid? teamId = null, string? period = null, int top = 50)
    {
        if (PeriodOr(period, PeriodKind.Quarter, clock) is not { } parsed)
        {
            return ApiResults.Problem([Error.Invalid("period", DealTexts.ValidationPeriod)]);
        }

        return await scopes.ResolveAsync(user.ToViewer(), employeeId, teamId, ct: ct) is { } scope
            ? TypedResults.Ok(await performance.AccountGrowthAsync(scope, parsed, top, ct))
            : ApiResults.NotFound(DealTexts.ErrorScopeNotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<TrendMonth>>, ProblemHttpResult>> Trend(
        ClaimsPrincipal user, SalesScopes scopes, PerformanceQueries performance, TimeProvider clock, CancellationToken ct,
        Guid? employeeId = null, Guid? teamId = null, string? period = null)
    {
        if (PeriodOr(period, PeriodKind.Quarter, clock) is not { } parsed)
        {
            return ApiResults.Problem([Error.Invalid("period", DealTexts.ValidationPeriod)]);
        }

        return await scopes.ResolveAsync(user.ToViewer(), employeeId, teamId, ct: ct) is { } scope
            ? TypedResults.Ok(await performance.TrendAsync(scope, parsed, ct))
            : ApiResults.NotFound(DealTexts.ErrorScopeNotFound);
    }

    private static async Task<Ok<SnapshotTaken>> Snapshot(ForecastSnapshots snapshots, CancellationToken ct)
    {
        var (taken, week, at) = await snapshots.TakeAsync(ct);
        return TypedResults.Ok(new SnapshotTaken(taken, week, at));
    }

    private static async Task<Results<Ok<List<QuotaRow>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, QuotaHandlers quotas, CancellationToken ct, Guid? employeeId = null, string? period = null)
    {
        SalesPeriod? parsed = null;
        if (!string.IsNullOrEmpty(period))
        {
            parsed = SalesPeriod.Parse(period);
            if (parsed is null)
            {
                return ApiResults.Problem([Error.Invalid("period", DealTexts.ValidationPeriod)]);
            }
        }

        return TypedResults.Ok(await quotas.ListAsync(user.ToViewer(), employeeId, parsed, ct));
    }

    private static async Task<Results<Ok<QuotaRow>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, QuotaHandlers quotas, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await quotas.GetAsync(user.ToViewer(), id, ct), DealTexts.ErrorQuotaNotFound);

    private static async Task<Results<Ok<ScopeQuota>, ProblemHttpResult>> Rollup(
        ClaimsPrincipal user, SalesScopes scopes, QuotaHandlers quotas, TimeProvider clock, CancellationToken ct,
        Guid? employeeId = null, Guid? teamId = null, string? period = null)
    {
        var viewer = user.ToViewer();
        var parsed = PeriodOr(period, PeriodKind.Quarter, clock);
        if (parsed is null)
        {
            return ApiResults.Problem([Error.Invalid("period", DealTexts.ValidationPeriod)]);
        }

        return await scopes.ResolveAsync(viewer, employeeId, teamId, ct: ct) is { } scope
            ? TypedResults.Ok(await quotas.ForScopeAsync(viewer, scope, parsed.Value, ct))
            : ApiResults.NotFound(DealTexts.ErrorScopeNotFound);
    }

    private static async Task<Results<Ok<QuotaRow>, ProblemHttpResult>> Set(QuotaInput input, ClaimsPrincipal user, QuotaHandlers quotas, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await quotas.SetAsync(viewer, input, ct);
        return result.IsSuccess
            ? TypedResults.Ok((await quotas.GetAsync(viewer, result.Value, ct))!)
            : ApiResults.Problem(result.Errors);
    }
}

/// <summary>Whether this call took the week's forecast snapshot, the week, and when the snapshot was taken.</summary>
internal sealed record SnapshotTaken(bool Taken, DateOnly Week, DateTime TakenAt);
