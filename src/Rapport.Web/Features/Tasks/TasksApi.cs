using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Web.Features.Tasks;

/// <summary>Tasks (next steps and follow-ups) under <c>/api/v1/follow-ups</c>: lists, counts, done, snooze, reopen.</summary>
internal static class TasksApi
{
    private const string TitleDescription =
        "`title` is the task in the caller's language (the request's culture, e.g. `Accept-Language: bg-BG`); `kind` and the values " +
        "beside it (`contactId`, `roleCode`, `targetAccountId`, `interactionId`) say what happened, whatever the language.";

    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/follow-ups").WithTags("Follow-ups")
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')));
        tasks.MapGet("/", List).WithName("ListFollowUps")
            .WithSummary("Tasks the caller may act on, one keyset page at a time: open ones soonest due first, done ones latest due first.")
            .WithDescription("Without `assigneeId` the caller's own tasks; with `everyone=true` every task the caller may act on. " + TitleDescription);
        tasks.MapGet("/counts", Counts).WithName("CountFollowUps")
            .WithSummary("How many tasks the same scope holds: open ones by when they are due (overdue, today, this week, later), and done ones.");
        tasks.MapGet("/mine", async (ClaimsPrincipal user, FollowUps handlers, CancellationToken ct) =>
                TypedResults.Ok(await handlers.MineAsync(user.ToViewer(), ct)))
            .WithName("MyFollowUps").WithSummary("The caller's open tasks, soonest due first.").WithDescription(TitleDescription);
        tasks.MapGet("/{id:guid}", Get).WithName("GetFollowUp").WithSummary("One task, if the caller may act on it.").WithDescription(TitleDescription).ProducesProblem(404);
        tasks.MapPost("/{id:guid}/done", async (Guid id, ClaimsPrincipal user, FollowUps handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.DoneAsync(user.ToViewer(), id, ct)))
            .WithName("CompleteFollowUp").WithSummary("Marks the task done. Its assignee, the account's editors, the assignee's head of sales and administrators may.")
            .ProducesProblem(404);
        tasks.MapPost("/{id:guid}/snooze", Snooze).WithName("SnoozeFollowUp")
            .WithSummary("Moves an open task's due date: `to` Tomorrow or NextWeek (Monday), or `until` a day from today on.")
            .ProducesProblem(404).ProducesProblem(409);
        tasks.MapPost("/{id:guid}/reopen", async (Guid id, ClaimsPrincipal user, FollowUps handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.ReopenAsync(user.ToViewer(), id, ct)))
            .WithName("ReopenFollowUp").WithSummary("Opens a done task again.").ProducesProblem(404);
        return api;
    }

    private static async Task<Ok<Page<FollowUpRow>>> List(
        ClaimsPrincipal user, FollowUps handlers, CancellationToken ct, TaskState state = TaskState.Open, TaskDue? due = null,
        Guid? accountId = null, Guid? contactId = null, Guid? assigneeId = null, bool everyone = false, string? after = null, int? size = null) =>
        TypedResults.Ok(await handlers.ListAsync(user.ToViewer(),
            new TaskFilter(state, due, accountId, contactId, assigneeId, everyone, after, size), ct));

    private static async Task<Ok<TaskCounts>> Counts(
        ClaimsPrincipal user, FollowUps handlers, CancellationToken ct, Guid? accountId = null, Guid? contactId = null,
        Guid? assigneeId = null, bool everyone = false) =>
        TypedResults.Ok(await handlers.CountAsync(user.ToViewer(), new TaskFilter(AccountId: accountId, ContactId: contactId,
            AssigneeId: assigneeId, Everyone: everyone), ct));

    private static async Task<Results<Ok<FollowUpRow>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, FollowUps handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), Texts.ErrorFollowUpNotFound);

    private static async Task<Results<Ok<FollowUpRow>, ProblemHttpResult>> Snooze(
        Guid id, SnoozeInput input, ClaimsPrincipal user, FollowUps handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.SnoozeAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }
}
