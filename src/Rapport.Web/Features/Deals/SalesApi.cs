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
        return api;
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
        var parsed = string.IsNullOrEmpty(period) ? SalesPeriod.Of(PeriodKind.Quarter, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) : SalesPeriod.Parse(period);
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
