using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.Web.Features.Deals;

/// <summary>Deals, their stage moves, wins, losses, reopens, splits, lines, buying committee, payments and events under <c>/api/v1</c>.</summary>
internal static class DealsApi
{
    private const string Stale = "409 when `version` is not the deal's current one: someone changed it since it was read.";

    public static RouteGroupBuilder MapDealsApi(this RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Deals").RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')));
        deals.MapGet("/", List).WithName("ListDeals")
            .WithSummary("Deals the caller may see, one keyset page at a time.")
            .WithDescription("Account managers see the deals they own or hold a split in; heads of sales their team's; Finance every won deal; "
                + "administrators all. `closeMonth` is yyyy-MM on the close date that counts (expected while open); `closeFrom` and `closeTo` a span of it. "
                + "`creditedTo` and `creditedTeamId` keep the deals where that person, or a person of that team, holds a credit split. `risk` assesses open deals "
                + "from relationships, at most 2,000 rows a page.");
        deals.MapGet("/{id:guid}", Get).WithName("GetDeal")
            .WithSummary("A deal with its lines, credits, buying committee, risk and what was paid.").ProducesProblem(404);
        deals.MapPost("/", Create).WithName("CreateDeal").Validates<DealInput>()
            .WithSummary("Creates a deal in the first open stage of the default pipeline unless told otherwise, credited 100 % to its owner.")
            .WithDescription("With `lines` the amount is their sum; a line without `unitPrice` takes the product's list price in the deal's currency. "
                + "400 when a currency has no rate on the expected close date.")
            .ProducesProblem(403);
        deals.MapPut("/{id:guid}", Update).WithName("UpdateDeal").Validates<DealInput>()
            .WithSummary("Edits an open deal: title, amount or lines, currency, dates, probability, forecast category; a head of sales or an administrator also the owner.")
            .WithDescription("A won or lost deal answers 409: reopen it first. " + Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPost("/{id:guid}/stage", Move).WithName("MoveDealStage").Validates<StageMoveInput>()
            .WithSummary("Moves an open deal to another open stage of its pipeline.").WithDescription(Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPost("/{id:guid}/win", Win).WithName("WinDeal").Validates<WinInput>()
            .WithSummary("Wins an open deal on `closedOn` (not after today); new or existing business is decided now.").WithDescription(Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPost("/{id:guid}/lose", Lose).WithName("LoseDeal").Validates<LoseInput>()
            .WithSummary("Loses an open deal for a reason from the list of lost reasons.").WithDescription(Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPost("/{id:guid}/reopen", Reopen).WithName("ReopenDeal").Validates<ReopenInput>()
            .WithSummary("Reopens a won or lost deal into an open stage (the last open one unless `stageId` says).").WithDescription(Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPut("/{id:guid}/splits", SetSplits).WithName("SetDealSplits").Validates<SplitsInput>()
            .WithSummary("Replaces the credit split: percentages in hundredths that sum to 100.")
            .WithDescription("Anyone may be added or given more; only the holder, or whoever may assign them (a head of sales in the team, "
                + "an administrator), lowers or removes a share; an account manager keeps a share of their own. " + Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPut("/{id:guid}/lines", SetLines).WithName("SetDealLines")
            .WithSummary("Replaces the product lines of an open deal; its amount becomes their sum.").WithDescription(Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapPut("/{id:guid}/contacts", SetContacts).WithName("SetDealContacts").Validates<DealContactsInput>()
            .WithSummary("Replaces the buying committee: contacts of the deal's account with their buying role on this deal.").WithDescription(Stale)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        deals.MapGet("/{id:guid}/events", Events).WithName("DealEvents")
            .WithSummary("The deal's history, newest first: every stage move, amount change, win, loss, reopen, split change and payment.")
            .ProducesProblem(404);
        deals.MapGet("/{id:guid}/payments", Payments).WithName("DealPayments")
            .WithSummary("Payments and credit notes (negative) against the deal, oldest first.").ProducesProblem(404);
        deals.MapPost("/{id:guid}/payments", Pay).WithName("RecordDealPayment").Validates<PaymentInput>()
            .WithSummary("Records a payment or a credit note against a won deal (Finance and administrators).")
            .WithDescription("A payment may bring the net paid up to the deal's amount; a credit note takes back at most what was paid. "
                + "`amount` is positive; a credit note is stored negative. Never changed or deleted.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var log = api.MapGroup("/deal-events").WithTags("Deal events").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Finance));
        log.MapGet("/won", async (DateOnly from, DateOnly to, DealEvents events, CancellationToken ct) => TypedResults.Ok(await events.WonBetweenAsync(from, to, ct: ct)))
            .WithName("WonDealEvents").WithSummary("Deals won with a close date between two dates (both included), with their credits per employee, lines and new-business flags.");
        log.MapGet("/payments", async (DateOnly from, DateOnly to, DealEvents events, CancellationToken ct) => TypedResults.Ok(await events.PaymentsBetweenAsync(from, to, ct: ct)))
            .WithName("PaymentDealEvents").WithSummary("Payments and credit notes dated between two dates, spread over the credits in force when recorded.");
        log.MapGet("/reopens", async (DateOnly from, DateOnly to, DealEvents events, CancellationToken ct) => TypedResults.Ok(await events.ReopensBetweenAsync(from, to, ct: ct)))
            .WithName("ReopenDealEvents").WithSummary("Reopens between two dates, with the credits and lines of the win each undoes.");
        log.MapGet("/splits", async (DateOnly from, DateOnly to, DealEvents events, CancellationToken ct) => TypedResults.Ok(await events.SplitChangesBetweenAsync(from, to, ct: ct)))
            .WithName("SplitDealEvents").WithSummary("Changes of credit splits between two dates, with the credits before and after.");
        return api;
    }

    private static async Task<Ok<Page<DealRow>>> List(
        ClaimsPrincipal user, DealQueries queries, CancellationToken ct, string? search = null, Guid? ownerId = null, Guid? teamId = null,
        Guid? stageId = null, Guid? productId = null, string? closeMonth = null, ForecastCategory? forecast = null, DealOutcome? outcome = null,
        Guid? accountId = null, RiskFilter? risk = null, DealSort sort = DealSort.CloseDate, bool desc = false, string? after = null, int? size = null,
        Guid? creditedTo = null, Guid? creditedTeamId = null, DateOnly? closeFrom = null, DateOnly? closeTo = null, bool? newBusiness = null) =>
        TypedResults.Ok(await queries.ListAsync(user.ToViewer(),
            new DealFilter(search, ownerId, teamId, stageId, productId, closeMonth, forecast, outcome, accountId, risk, sort, desc, after, size)
            {
                CreditedTo = creditedTo, CreditedTeamId = creditedTeamId, CloseFrom = closeFrom, CloseTo = closeTo, NewBusiness = newBusiness,
            }, ct));

    private static async Task<Results<Ok<DealDetails>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, DealQueries queries, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await queries.GetAsync(user.ToViewer(), id, ct), DealTexts.ErrorDealNotFound);

    private static async Task<Results<CreatedAtRoute<DealDetails>, ProblemHttpResult>> Create(
        DealInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, input, ct), "GetDeal", id => queries.GetAsync(viewer, id, ct));
    }

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> Update(
        Guid id, DealInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.UpdateAsync(v, id, input, ct), ct);

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> Move(
        Guid id, StageMoveInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.MoveStageAsync(v, id, input, ct), ct);

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> Win(
        Guid id, WinInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.WinAsync(v, id, input, ct), ct);

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> Lose(
        Guid id, LoseInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.LoseAsync(v, id, input, ct), ct);

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> Reopen(
        Guid id, ReopenInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.ReopenAsync(v, id, input, ct), ct);

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> SetSplits(
        Guid id, SplitsInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.SetSplitsAsync(v, id, input, ct), ct);

    private static async Task<Results<Ok<DealDetails>, ProblemHttpResult>> SetLines(
        Guid id, LinesInput input, ClaimsPrincipal user, DealHandlers handlers, DealQueries queries, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        if (await queries.GetAsync(viewer, id, ct) is not { } deal)
        {
            return ApiResults.NotFound(DealTexts.ErrorDealNotFound);
        }

        var edit = deal.ToInput();
        edit.Lines = input.Lines;
        edit.Version = input.Version;
        return await After(user, id, queries, v => handlers.UpdateAsync(v, id, edit, ct), ct);
    }

    private static Task<Results<Ok<DealDetails>, ProblemHttpResult>> SetContacts(
        Guid id, DealContactsInput input, ClaimsPrincipal user, DealHandlers handlers, BuyingRoleCatalog roles, DealQueries queries, CancellationToken ct) =>
        After(user, id, queries, v => handlers.SetContactsAsync(v, id, input, roles, ct), ct);

    private static async Task<Results<Ok<List<DealEventView>>, ProblemHttpResult>> Events(Guid id, ClaimsPrincipal user, DealQueries queries, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await queries.EventsAsync(user.ToViewer(), id, ct), DealTexts.ErrorDealNotFound);

    private static async Task<Results<Ok<List<PaymentView>>, ProblemHttpResult>> Payments(Guid id, ClaimsPrincipal user, PaymentHandlers payments, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await payments.ListAsync(user.ToViewer(), id, ct), DealTexts.ErrorDealNotFound);

    private static async Task<Results<Created<List<PaymentView>>, ProblemHttpResult>> Pay(
        Guid id, PaymentInput input, ClaimsPrincipal user, PaymentHandlers payments, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await payments.RecordAsync(viewer, id, input, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/deals/{id}/payments", await payments.ListAsync(viewer, id, ct))
            : ApiResults.Problem(result.Errors);
    }

    private static async Task<Results<Ok<DealDetails>, ProblemHttpResult>> After(
        ClaimsPrincipal user, Guid id, DealQueries queries, Func<Viewer, Task<Result>> change, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await change(viewer), () => queries.GetAsync(viewer, id, ct));
    }
}

/// <summary>The product lines of a deal, replacing the ones it had.</summary>
internal sealed class LinesInput
{
    public List<DealLineInput> Lines { get; set => field = value ?? []; } = [];

    public long Version { get; set; }
}
