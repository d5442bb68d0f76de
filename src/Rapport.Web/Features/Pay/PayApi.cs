using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.Shared;

namespace Rapport.Web.Features.Pay;

/// <summary>Compensation under <c>/api/v1/compensation</c>: plans, the preview, periods and their close, statements, the ledger and inquiries.</summary>
internal static class PayApi
{
    /// <summary>The body of a preview: a plan in the documented format and one period's activity.</summary>
    internal sealed record PreviewRequest(JsonElement Plan, JsonElement Activity);

    /// <summary>A statement as the preview and the statement endpoint give it: the lines with their words, the total and the balance.</summary>
    internal sealed record StatementAnswer(IReadOnlyList<LineAnswer> Lines, decimal Total, decimal CarryForward, NetEstimate? Net, string Hash);

    internal sealed record LineAnswer(int Order, PayLineKind Kind, string Rule, Guid? DealId, string? DealNumber, long? EventId, DateOnly? On,
        decimal Basis, decimal? Rate, decimal? Band, decimal? Factor, decimal Amount, string? Note, string Description);

    internal sealed record MonthInput(string? Month);

    internal sealed record VersionInput(long Version);

    internal sealed record AssignmentEndInput(DateOnly? To, long Version);

    public static RouteGroupBuilder MapPayApi(this RouteGroupBuilder api)
    {
        var pay = api.MapGroup("/compensation").WithTags("Compensation");
        var finance = new[] { Roles.Administrator, Roles.Finance };

        pay.MapPost("/preview", Preview).WithName("PreviewStatement").RequireAuthorization()
            .WithSummary("Computes the statement lines one plan gives for one period's activity, without storing anything.")
            .WithDescription("The body is `{ \"plan\": {…}, \"activity\": {…} }`, both in the formats of docs/compensation-plans.md; unknown fields "
                + "are refused (400 naming the field). The answer has each line with its formula in words (`description`, in the request's "
                + "language), the total (the sum of the rounded lines) and the balance carried forward.")
            .ProducesProblem(400);

        var plans = pay.MapGroup("/plans").RequireAuthorization(p => p.RequireRole(finance));
        plans.MapGet("/", async (ClaimsPrincipal user, PlanHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), ct) ?? []))
            .WithName("ListPlans").WithSummary("Compensation plans with their latest version's date and how many people are on each today.");
        plans.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, PlanHandlers handlers, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), PayTexts.ErrorPlanNotFound))
            .WithName("GetPlan").WithSummary("A plan: its versions, the latest document and its assignments.").ProducesProblem(404);
        plans.MapGet("/{id:guid}/document", Document).WithName("ExportPlan").Produces<string>(200, "application/json")
            .WithSummary("A version of the plan (the latest unless `version` names one) as the documented JSON, to keep or import elsewhere.")
            .ProducesProblem(404);
        plans.MapPost("/", CreatePlan).WithName("CreatePlan").Validates<PlanInput>()
            .WithSummary("Creates a plan from its first version: `document` is the plan JSON (a string), in force from `effectiveFrom`.")
            .ProducesProblem(400);
        plans.MapPost("/{id:guid}/versions", AddVersion).WithName("AddPlanVersion").Validates<PlanVersionInput>()
            .WithSummary("Adds a version of the plan from a date after the latest version's and after every approved period; `version` is the plan's as read.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        plans.MapPost("/{id:guid}/assignments", Assign).WithName("AssignPlan").Validates<AssignmentInput>()
            .WithSummary("Puts an employee on the plan from `from` to `to` (no end when null); an overlap with another of their assignments is 400.")
            .ProducesProblem(400).ProducesProblem(404);
        pay.MapPut("/assignments/{id:guid}/end", EndAssignment).WithName("EndPlanAssignment")
            .RequireAuthorization(p => p.RequireRole(finance))
            .WithSummary("Sets or clears the last day of an assignment; `version` is the assignment's as read.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var periods = pay.MapGroup("/periods");
        periods.MapGet("/", async (ClaimsPrincipal user, PeriodHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), ct) ?? []))
            .WithName("ListPayPeriods").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Finance, Roles.HeadOfSales))
            .WithSummary("Pay periods, newest first, with their status and the total of the statements the caller may read (a head of sales: their team's).");
        periods.MapPost("/", Open).WithName("OpenPayPeriod").RequireAuthorization(p => p.RequireRole(finance))
            .WithSummary("Opens the pay period of a month (`{ \"month\": \"2026-11\" }`).").ProducesProblem(400);
        periods.MapPost("/{id:guid}/calculate", Calculate).WithName("CalculatePayPeriod").RequireAuthorization(p => p.RequireRole(finance))
            .WithSummary("Calculates every statement of the period (or `employeeId`'s) from the deal log, plans and adjustments; allowed until approval.")
            .ProducesProblem(404).ProducesProblem(409);
        periods.MapPost("/{id:guid}/approve", (Guid id, VersionInput input, ClaimsPrincipal user, PeriodHandlers handlers, CancellationToken ct) =>
                AfterStep(handlers.ApproveAsync(user.ToViewer(), id, input.Version, ct), handlers, user, id, ct))
            .WithName("ApprovePayPeriod").RequireAuthorization(p => p.RequireRole(finance))
            .WithSummary("Approves a calculated period: its statements become visible to their employees and can no longer be recalculated.")
            .ProducesProblem(404).ProducesProblem(409);
        periods.MapPost("/{id:guid}/lock", (Guid id, VersionInput input, ClaimsPrincipal user, PeriodHandlers handlers, CancellationToken ct) =>
                AfterStep(handlers.LockAsync(user.ToViewer(), id, input.Version, ct), handlers, user, id, ct))
            .WithName("LockPayPeriod").RequireAuthorization(p => p.RequireRole(finance))
            .WithSummary("Locks an approved period. From then on the database refuses any change to it; corrections are adjustments in an open period.")
            .ProducesProblem(404).ProducesProblem(409);
        periods.MapGet("/{id:guid}/statements", Statements).WithName("ListPeriodStatements")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Finance, Roles.HeadOfSales))
            .WithSummary("The period's statements as totals by kind; a head of sales reads their team's totals, never the lines.").ProducesProblem(404);
        periods.MapGet("/{id:guid}/adjustments", async (Guid id, ClaimsPrincipal user, PeriodHandlers handlers, CancellationToken ct) =>
                TypedResults.Ok(await handlers.AdjustmentsAsync(user.ToViewer(), id, ct) ?? []))
            .WithName("ListPayAdjustments").RequireAuthorization(p => p.RequireRole(finance)).WithSummary("The corrections entered for the period.");
        periods.MapPost("/{id:guid}/adjustments", AddAdjustment).WithName("AddPayAdjustment").Validates<AdjustmentInput>()
            .RequireAuthorization(p => p.RequireRole(finance))
            .WithSummary("Adds a dated correction (negative to take back) to an employee's pay in an open or calculated period; the period needs calculating again.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var statements = pay.MapGroup("/statements").RequireAuthorization(p => p.RequireRole(PayAccess.PayUsers.Split(',')));
        statements.MapGet("/{id:guid}", Statement).WithName("GetStatement")
            .WithSummary("A statement with every line and its formula in words: the caller's own once approved, or any for Finance.").ProducesProblem(404);
        statements.MapGet("/{id:guid}/verify", async (Guid id, ClaimsPrincipal user, StatementQueries queries, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await queries.VerifyAsync(user.ToViewer(), id, ct), PayTexts.ErrorStatementNotFound))
            .WithName("VerifyStatement").WithSummary("Derives the statement again from its stored inputs and plan version and compares the hashes (Finance).")
            .ProducesProblem(404);
        statements.MapPost("/{id:guid}/lines/{order:int}/inquiries", Raise).WithName("RaiseInquiry").Validates<InquiryMessageInput>()
            .WithSummary("Raises an inquiry on a line of the caller's own approved statement.").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        var me = pay.MapGroup("/me").RequireAuthorization(p => p.RequireRole(PayAccess.PayUsers.Split(',')));
        me.MapGet("/statements", async (ClaimsPrincipal user, StatementQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.MineAsync(user.ToViewer(), ct)))
            .WithName("ListMyStatements").WithSummary("The caller's approved statements, newest first.");
        me.MapGet("/ledger", Ledger).WithName("GetMyLedger")
            .WithSummary("The caller's pay in the current month so far, computed now: the lines, pending until the client pays, and what each open deal would add if won.")
            .ProducesProblem(404);

        var inquiries = pay.MapGroup("/inquiries").RequireAuthorization(p => p.RequireRole(PayAccess.PayUsers.Split(',')));
        inquiries.MapGet("/", async (ClaimsPrincipal user, InquiryHandlers handlers, CancellationToken ct, InquiryStatus? status = null) =>
                TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), status, ct)))
            .WithName("ListInquiries").WithSummary("Inquiries the caller may read: their own, or all for Finance.");
        inquiries.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, InquiryHandlers handlers, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), PayTexts.ErrorInquiryNotFound))
            .WithName("GetInquiry").WithSummary("An inquiry with its line and thread.").ProducesProblem(404);
        inquiries.MapPost("/{id:guid}/replies", Reply).WithName("ReplyToInquiry").Validates<InquiryMessageInput>()
            .WithSummary("Adds a reply: Finance's answers the inquiry, the employee's opens it again. `version` (query) is the inquiry's as read.")
            .ProducesProblem(404).ProducesProblem(409);
        inquiries.MapPost("/{id:guid}/close", async (Guid id, VersionInput input, ClaimsPrincipal user, InquiryHandlers handlers, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.CloseAsync(user.ToViewer(), id, input.Version, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("CloseInquiry").WithSummary("Closes an inquiry (Finance).").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    internal static StatementAnswer Answer(PayStatement statement, string currency) => new(
        [.. statement.Lines.Select(l => new LineAnswer(l.Order, l.Kind, l.Rule, l.DealId, l.DealNumber, l.EventId, l.On, l.Basis, l.Rate, l.Band, l.Factor,
            l.Amount, l.Note, PayLineText.Describe(l, currency, CultureInfo.CurrentCulture)))],
        statement.Total, statement.CarryForward, statement.Net, PayJson.Hash(statement));

    private static Results<Ok<StatementAnswer>, ProblemHttpResult> Preview(PreviewRequest request)
    {
        if (request.Plan.ValueKind != JsonValueKind.Object || request.Activity.ValueKind != JsonValueKind.Object)
        {
            return ApiResults.FieldProblem([(request.Plan.ValueKind != JsonValueKind.Object ? "plan" : "activity", PayTexts.ValidationPreviewBody)]);
        }

        var plan = PlanDocument.Parse(request.Plan.GetRawText());
        var activity = PayJson.ReadActivity(request.Activity.GetRawText());
        var errors = plan.Errors.Select(e => e with { Field = "plan" + (e.Field is { } f ? "." + f : "") })
            .Concat(activity.Errors.Select(e => e with { Field = "activity" + (e.Field is { } f ? "." + f : "") })).ToList();
        if (errors.Count > 0)
        {
            return ApiResults.Problem(errors);
        }

        if (!string.Equals(plan.Value.Currency, activity.Value.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return ApiResults.FieldProblem([("activity.currency", string.Format(CultureInfo.CurrentCulture, PayTexts.ValidationPreviewCurrency, plan.Value.Currency))]);
        }

        return TypedResults.Ok(Answer(PayCalculator.Calculate(plan.Value, activity.Value), activity.Value.Currency));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Document(Guid id, ClaimsPrincipal user, PlanHandlers handlers,
        CancellationToken ct, int? version = null) =>
        await handlers.DocumentAsync(user.ToViewer(), id, version, ct) is { } found
            ? TypedResults.Text(found.Document, "application/json; charset=utf-8")
            : ApiResults.NotFound(PayTexts.ErrorPlanNotFound);

    private static async Task<Results<CreatedAtRoute<PlanDetails>, ProblemHttpResult>> CreatePlan(PlanInput input, ClaimsPrincipal user,
        PlanHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, input, ct), "GetPlan", id => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<PlanDetails>, ProblemHttpResult>> AddVersion(Guid id, PlanVersionInput input, ClaimsPrincipal user,
        PlanHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.AddVersionAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<PlanDetails>, ProblemHttpResult>> Assign(Guid id, AssignmentInput input, ClaimsPrincipal user,
        PlanHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.AssignAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAssignment(Guid id, AssignmentEndInput input, ClaimsPrincipal user,
        PlanHandlers handlers, CancellationToken ct) =>
        ApiResults.NoContentOr(await handlers.EndAssignmentAsync(user.ToViewer(), id, input.To, input.Version, ct));

    private static async Task<Results<CreatedAtRoute<PayPeriodRow>, ProblemHttpResult>> Open(MonthInput input, ClaimsPrincipal user,
        PeriodHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await handlers.OpenAsync(viewer, input.Month, ct);
        return result.IsSuccess
            ? TypedResults.CreatedAtRoute((await handlers.GetAsync(viewer, result.Value, ct))!, "ListPayPeriods")
            : ApiResults.Problem(result.Errors);
    }

    private static async Task<Results<Ok<CalculationResult>, ProblemHttpResult>> Calculate(Guid id, ClaimsPrincipal user, PeriodHandlers handlers,
        CancellationToken ct, Guid? employeeId = null)
    {
        var result = await handlers.CalculateAsync(user.ToViewer(), id, employeeId, null, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiResults.Problem(result.Errors);
    }

    private static async Task<Results<Ok<PayPeriodRow>, ProblemHttpResult>> AfterStep(Task<Result> step, PeriodHandlers handlers, ClaimsPrincipal user,
        Guid id, CancellationToken ct) =>
        await ApiResults.OkAfter(await step, () => handlers.GetAsync(user.ToViewer(), id, ct));

    private static async Task<Results<Ok<List<StatementRow>>, ProblemHttpResult>> Statements(Guid id, ClaimsPrincipal user, PeriodHandlers periods,
        StatementQueries queries, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await periods.GetAsync(viewer, id, ct) is null
            ? ApiResults.NotFound(PayTexts.ErrorPeriodNotFound)
            : TypedResults.Ok((await queries.ForPeriodAsync(viewer, id, ct))!);
    }

    private static async Task<Results<Created<AdjustmentRow>, ProblemHttpResult>> AddAdjustment(Guid id, AdjustmentInput input, ClaimsPrincipal user,
        PeriodHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await handlers.AddAdjustmentAsync(viewer, id, input, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        var row = (await handlers.AdjustmentsAsync(viewer, id, ct))!.Single(a => a.Id == result.Value);
        return TypedResults.Created($"/api/v1/compensation/periods/{id}/adjustments", row);
    }

    private static async Task<Results<Ok<StatementView>, ProblemHttpResult>> Statement(Guid id, ClaimsPrincipal user, StatementQueries queries,
        CancellationToken ct) =>
        ApiResults.OkOrNotFound(await queries.GetAsync(user.ToViewer(), id, ct), PayTexts.ErrorStatementNotFound);

    private static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> Ledger(ClaimsPrincipal user, StatementQueries queries, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await queries.LedgerAsync(user.ToViewer(), ct: ct), PayTexts.LedgerNoPlan);

    private static async Task<Results<Created<InquiryView>, ProblemHttpResult>> Raise(Guid id, int order, InquiryMessageInput input, ClaimsPrincipal user,
        InquiryHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await handlers.RaiseAsync(viewer, id, order, input, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/compensation/inquiries/{result.Value}", (await handlers.GetAsync(viewer, result.Value, ct))!)
            : ApiResults.Problem(result.Errors);
    }

    private static async Task<Results<Ok<InquiryView>, ProblemHttpResult>> Reply(Guid id, InquiryMessageInput input, long version, ClaimsPrincipal user,
        InquiryHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.ReplyAsync(viewer, id, input, version, ct), () => handlers.GetAsync(viewer, id, ct));
    }
}
