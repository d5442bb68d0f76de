using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.Web.Features.Service;

/// <summary>Cases and their replies under <c>/api/v1/cases</c>; the SLA settings under <c>/api/v1/settings/sla</c>.</summary>
internal static class ServiceApi
{
    private const string SlaDescription =
        "`sla` is where the case stands now: `OnTrack`, `NearBreach` (a fifth or less of a target's working time left) or `Breached`; " +
        "`dueAt` (UTC) is when the target the client waits on falls due: the first response until it is given, then the resolution; " +
        "null while the case waits on the client or once it is resolved.";

    public static RouteGroupBuilder MapServiceApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases")
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')));
        cases.MapGet("/", List).WithName("ListCases")
            .WithSummary("Cases the caller may see, most urgent by SLA first, one keyset page at a time; open ones unless `status` or `all` says otherwise.")
            .WithDescription(SlaDescription);
        cases.MapGet("/escalations", Escalations).WithName("ListEscalations")
            .WithSummary("For a head of sales (the team's accounts) or an administrator: per assignee, open cases breached and near breach, the most breached first.")
            .ProducesProblem(403);
        cases.MapGet("/{id:guid}", Get).WithName("GetCase")
            .WithSummary("One case with its SLA timers, if the caller may see its account.").ProducesProblem(404);
        cases.MapPost("/", Create).WithName("CreateCase")
            .WithSummary("Opens a case on an account the caller may edit, raised by one of its contacts; assigned to the caller unless `assigneeId` names someone they may assign.")
            .Validates<CaseInput>().ProducesProblem(404);
        cases.MapPut("/{id:guid}/status", ChangeStatus).WithName("ChangeCaseStatus")
            .WithSummary("Moves a case to a status; `WaitingOnClient` stops its SLA clock until it moves on. `version` is the one last read.")
            .Validates<CaseStatusInput>().ProducesProblem(404).ProducesProblem(409);
        cases.MapPut("/{id:guid}/assignee", Assign).WithName("AssignCase")
            .WithSummary("Puts someone in charge of a case: the caller themselves, a head of sales anyone of their team, an administrator anyone.")
            .Validates<CaseAssignInput>().ProducesProblem(404).ProducesProblem(409);
        cases.MapGet("/{id:guid}/replies", Replies).WithName("ListCaseReplies")
            .WithSummary("The case's thread, oldest first, internal notes included.").ProducesProblem(404);
        cases.MapPost("/{id:guid}/replies", AddReply).WithName("AddCaseReply")
            .WithSummary("Adds a reply: ours (the first one that is not `internal` is the first response) or, with `fromClient`, what the client's contact said.")
            .Validates<ReplyInput>().ProducesProblem(404);

        var sla = api.MapGroup("/settings/sla").WithTags("SLA");
        sla.MapGet("/", async (SlaSettingsHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.GetAsync(ct)))
            .WithName("GetSlaSettings").WithSummary("The SLA targets per service tier and priority in working hours, the working calendar and the public holidays.")
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')));
        sla.MapPut("/policies/{tier}/{priority}", UpdatePolicy).WithName("UpdateSlaPolicy")
            .WithSummary("Changes the first-response and resolution targets of one priority on accounts of one service tier (working hours, more than zero); open cases are re-timed.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<SlaPolicyInput>()
            .ProducesProblem(404).ProducesProblem(409);
        sla.MapPut("/calendar", UpdateCalendar).WithName("UpdateWorkingCalendar")
            .WithSummary("Changes the time zone (IANA, e.g. `Europe/Sofia`), the working days and the hours of a working day.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<WorkingCalendarInput>().ProducesProblem(409);
        sla.MapPost("/holidays", AddHoliday).WithName("AddPublicHoliday")
            .WithSummary("Adds a public holiday (one date, or `from` to `to`); dates that overlap another holiday are refused.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<HolidayInput>();
        sla.MapDelete("/holidays/{id:guid}", async (Guid id, ClaimsPrincipal user, SlaSettingsHandlers handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.RemoveHolidayAsync(user.ToViewer(), id, ct)))
            .WithName("RemovePublicHoliday").WithSummary("Removes a public holiday; open cases are re-timed.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).ProducesProblem(404);
        return api;
    }

    private static async Task<Ok<Page<CaseRow>>> List(
        ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct, CaseStatus? status = null, bool all = false,
        CasePriority? priority = null, Guid? assigneeId = null, Guid? accountId = null, SlaState? sla = null, string? after = null,
        int? size = null, bool atRisk = false) =>
        TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), new CaseFilter(status, all, priority, assigneeId, accountId, sla, after, size, atRisk), ct));

    private static async Task<Results<Ok<List<EscalationRow>>, ProblemHttpResult>> Escalations(ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct) =>
        await handlers.EscalationsAsync(user.ToViewer(), ct) is { } rows
            ? TypedResults.Ok(rows)
            : ApiResults.Problem([new Error(ErrorKind.Forbidden, Texts.ErrorForbidden)]);

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), ServiceTexts.ErrorCaseNotFound);

    private static async Task<Results<CreatedAtRoute<CaseDetails>, ProblemHttpResult>> Create(
        CaseInput input, ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, input, ct), "GetCase", id => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> ChangeStatus(
        Guid id, CaseStatusInput input, ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.ChangeStatusAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> Assign(
        Guid id, CaseAssignInput input, ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.AssignAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<List<ReplyRow>>, ProblemHttpResult>> Replies(
        Guid id, ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.RepliesAsync(user.ToViewer(), id, ct), ServiceTexts.ErrorCaseNotFound);

    private static async Task<Results<Created<ReplyRow>, ProblemHttpResult>> AddReply(
        Guid id, ReplyInput input, ClaimsPrincipal user, CaseHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await handlers.ReplyAsync(viewer, id, input, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        var reply = (await handlers.RepliesAsync(viewer, id, ct))!.Single(r => r.Id == result.Value);
        return TypedResults.Created($"/api/v1/cases/{id}/replies", reply);
    }

    private static async Task<Results<Ok<SlaSettingsDetails>, ProblemHttpResult>> UpdatePolicy(
        ServiceTier tier, CasePriority priority, SlaPolicyInput input, ClaimsPrincipal user, SlaSettingsHandlers handlers, CancellationToken ct) =>
        await ApiResults.OkAfter(await handlers.UpdatePolicyAsync(user.ToViewer(), tier, priority, input, ct),
            async () => (SlaSettingsDetails?)await handlers.GetAsync(ct));

    private static async Task<Results<Ok<SlaSettingsDetails>, ProblemHttpResult>> UpdateCalendar(
        WorkingCalendarInput input, ClaimsPrincipal user, SlaSettingsHandlers handlers, CancellationToken ct) =>
        await ApiResults.OkAfter(await handlers.UpdateCalendarAsync(user.ToViewer(), input, ct),
            async () => (SlaSettingsDetails?)await handlers.GetAsync(ct));

    private static async Task<Results<Created<HolidayRow>, ProblemHttpResult>> AddHoliday(
        HolidayInput input, ClaimsPrincipal user, SlaSettingsHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.AddHolidayAsync(user.ToViewer(), input, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        var row = (await handlers.GetAsync(ct)).Holidays.Single(h => h.Id == result.Value);
        return TypedResults.Created($"/api/v1/settings/sla/holidays/{row.Id}", row);
    }
}
