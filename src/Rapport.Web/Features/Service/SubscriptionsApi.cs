using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.Web.Features.Service;

/// <summary>
/// The services clients use under <c>/api/v1/services</c> and <c>/api/v1/accounts/{id}/services</c>, the renewals list,
/// an account's service tier under <c>/api/v1/accounts/{id}/tier</c>, and its health with its factors under
/// <c>/api/v1/accounts/{id}/health</c>.
/// </summary>
internal static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder api)
    {
        var users = Roles.ClientBaseUsers.Split(',');
        var services = api.MapGroup("/services").WithTags("Services").RequireAuthorization(p => p.RequireRole(users));
        services.MapGet("/{id:guid}", Get).WithName("GetService")
            .WithSummary("One service of an account the caller may see.").ProducesProblem(404);
        services.MapPut("/{id:guid}", Update).WithName("UpdateService")
            .WithSummary("Changes a service of an account the caller may edit. A new `renewsOn` is the next renewal: the deal made for the one before stays with it. `version` is the one last read.")
            .Validates<SubscriptionInput>().ProducesProblem(404).ProducesProblem(409);
        services.MapPost("/{id:guid}/renewal-deal", RenewalDeal).WithName("CreateRenewalDeal")
            .WithSummary("Turns the service's next renewal into an open deal on its account: existing business, a year of the service, due on the renewal date. Once per renewal (409 after).")
            .ProducesProblem(404).ProducesProblem(409);

        var accounts = api.MapGroup("/accounts/{accountId:guid}").WithTags("Services").RequireAuthorization(p => p.RequireRole(users));
        accounts.MapGet("/services", ForAccount).WithName("ListAccountServices")
            .WithSummary("The account's services, running ones first.").ProducesProblem(404);
        accounts.MapPost("/services", Create).WithName("CreateService")
            .WithSummary("Records a service on an account the caller may edit: name, optional catalogue product, start, renewal, value per month or year.")
            .Validates<SubscriptionInput>().ProducesProblem(404);
        accounts.MapPut("/tier", SetTier).WithName("SetAccountTier").WithTags("SLA")
            .WithSummary("Sets the service tier promised to the client (`Standard`, `Premium` or `Strategic`), whose SLA targets its cases then run by; its open cases are re-timed at once. Only an administrator or the head of sales of the account's team; `version` is the account's, as last read.")
            .Validates<AccountTierInput>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        accounts.MapGet("/health", Health).WithName("GetAccountHealth").WithTags("Health")
            .WithSummary("The account's health now, 0–100, with each factor's points, its most and the reason (see docs/account-health.md).")
            .ProducesProblem(404);

        api.MapGet("/renewals", Renewals).WithTags("Services").RequireAuthorization(p => p.RequireRole(users)).WithName("ListRenewals")
            .WithSummary("Running services renewing within `days` (default 90, at most 366; overdue ones included) on accounts the caller sees, soonest first, with each account's stored health; one keyset page at a time.");
        return api;
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> SetTier(
        Guid accountId, AccountTierInput input, ClaimsPrincipal user, ServiceTierHandlers handlers, AccountHandlers accounts, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.SetAsync(viewer, accountId, input, ct), () => accounts.GetAsync(viewer, accountId, ct));
    }

    private static async Task<Results<Ok<SubscriptionRow>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, SubscriptionHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), ServiceTexts.ErrorServiceNotFound);

    private static async Task<Results<Ok<List<SubscriptionRow>>, ProblemHttpResult>> ForAccount(
        Guid accountId, ClaimsPrincipal user, SubscriptionHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.ForAccountAsync(user.ToViewer(), accountId, ct), Texts.ErrorAccountNotFound);

    private static async Task<Results<CreatedAtRoute<SubscriptionRow>, ProblemHttpResult>> Create(
        Guid accountId, SubscriptionInput input, ClaimsPrincipal user, SubscriptionHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, accountId, input, ct), "GetService", id => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<SubscriptionRow>, ProblemHttpResult>> Update(
        Guid id, SubscriptionInput input, ClaimsPrincipal user, SubscriptionHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.UpdateAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Created<SubscriptionRow>, ProblemHttpResult>> RenewalDeal(
        Guid id, RenewalDealInput input, ClaimsPrincipal user, SubscriptionHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await handlers.CreateRenewalDealAsync(viewer, id, input.Version, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/deals/{result.Value}", (await handlers.GetAsync(viewer, id, ct))!)
            : ApiResults.Problem(result.Errors);
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> Health(
        Guid accountId, ClaimsPrincipal user, HealthQueries health, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await health.ForAccountAsync(user.ToViewer(), accountId, ct), Texts.ErrorAccountNotFound);

    private static async Task<Ok<Page<RenewalRow>>> Renewals(
        ClaimsPrincipal user, SubscriptionHandlers handlers, CancellationToken ct, int days = 90, Guid? accountId = null,
        string? after = null, int? size = null) =>
        TypedResults.Ok(await handlers.RenewalsAsync(user.ToViewer(), new RenewalFilter(days, accountId, after, size), ct));
}
