using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.Web.Features.Service;

/// <summary>The e-mail intake under <c>/api/v1/intake/messages</c>: inbound mail from a gateway, and the triage of what waits.</summary>
internal static class IntakeApi
{
    private const string IntakeDescription =
        "An inbound e-mail, posted by a mail gateway with the token of a coordinator or an administrator. The sender (`from`, an address " +
        "or `Name <address>`) is matched on the e-mail addresses of every active contact. When the subject carries a case reference " +
        "`[case <id>]` of an open case of the sender's account, the body is added to that case as the client's reply (200, a case waiting " +
        "on the client starts its clock again). Otherwise a sender who is a contact of exactly one account opens a new case there " +
        "(201: category `Other`, priority `Normal`, assigned to the account's coordinator, else its owner); a reference to another " +
        "account's case or to a closed one is not followed. An unknown sender, or one on several accounts, waits in triage " +
        "(202, `reason` `UnknownSender` or `SenderOnSeveralAccounts`). Every message accepted is kept.";

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/intake/messages").WithTags("Intake");
        string[] triage = [Roles.Administrator, Roles.HeadOfSales, Roles.Coordinator];
        messages.MapPost("/", Receive).WithName("ReceiveIntakeMessage")
            .WithSummary("Takes in an inbound e-mail: a reply on the open case it refers to, a new case on the sender's account, or a wait in triage.")
            .WithDescription(IntakeDescription)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator)).Validates<IntakeInput>().ProducesProblem(409);
        messages.MapGet("/", List).WithName("ListIntakeMessages")
            .WithSummary("Inbound messages in one `state` (`Waiting`, the triage list, unless it says `Filed` or `Dismissed`, in any letter case), oldest first, one keyset page at a time.")
            .RequireAuthorization(p => p.RequireRole(triage));
        messages.MapGet("/{id:guid}", Get).WithName("GetIntakeMessage")
            .WithSummary("One inbound message with its whole body and the sender's contacts on accounts the caller sees.")
            .RequireAuthorization(p => p.RequireRole(triage)).ProducesProblem(404);
        messages.MapPost("/{id:guid}/file", File).WithName("FileIntakeMessage")
            .WithSummary("Files a waiting message as a new case on an account the caller edits, raised by one of its contacts; 409 once it has been filed or dismissed.")
            .RequireAuthorization(p => p.RequireRole(triage)).Validates<IntakeFileInput>().ProducesProblem(404).ProducesProblem(409);
        messages.MapPost("/{id:guid}/dismiss", Dismiss).WithName("DismissIntakeMessage")
            .WithSummary("Dismisses a waiting message: no case is opened and it leaves triage; 409 once it has been filed or dismissed.")
            .RequireAuthorization(p => p.RequireRole(triage)).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<Results<Created<IntakeOutcome>, Ok<IntakeOutcome>, Accepted<IntakeOutcome>, ProblemHttpResult>> Receive(
        IntakeInput input, ClaimsPrincipal user, IntakeHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.ReceiveAsync(user.ToViewer(), input, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        var outcome = result.Value;
        return outcome switch
        {
            { State: IntakeState.Waiting } => TypedResults.Accepted($"/api/v1/intake/messages/{outcome.MessageId}", outcome),
            { ReplyId: not null } => TypedResults.Ok(outcome),
            _ => TypedResults.Created($"/api/v1/cases/{outcome.CaseId}", outcome),
        };
    }

    /// <remarks>
    /// The state is read as text in any letter case (<c>?state=waiting</c>, as a gateway's operator types it), which
    /// an enumeration parameter would refuse.
    /// </remarks>
    private static async Task<Results<Ok<Page<IntakeRow>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, IntakeHandlers handlers, CancellationToken ct, string? state = null, string? after = null, int? size = null)
    {
        var wanted = IntakeState.Waiting;
        if (!string.IsNullOrEmpty(state) && (!Enum.TryParse(state, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted) || int.TryParse(state, CultureInfo.InvariantCulture, out _)))
        {
            var expected = string.Format(CultureInfo.CurrentCulture, Texts.ApiExpectedOneOf, string.Join(", ", Enum.GetNames<IntakeState>()));
            return ApiResults.FieldProblem([(nameof(state), string.Format(CultureInfo.CurrentCulture, Texts.ApiExpected, expected))]);
        }

        return TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), wanted, after, size, ct));
    }

    private static async Task<Results<Ok<IntakeDetails>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IntakeHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), ServiceTexts.ErrorIntakeNotFound);

    private static async Task<Results<Ok<IntakeDetails>, ProblemHttpResult>> File(
        Guid id, IntakeFileInput input, ClaimsPrincipal user, IntakeHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.FileAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<IntakeDetails>, ProblemHttpResult>> Dismiss(
        Guid id, ClaimsPrincipal user, IntakeHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.DismissAsync(viewer, id, ct), () => handlers.GetAsync(viewer, id, ct));
    }
}
