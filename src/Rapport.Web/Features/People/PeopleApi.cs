using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Web.Features.People;

/// <summary>Employees and teams under <c>/api/v1</c>. Everyone signed in reads what they may see; administrators write.</summary>
internal static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var employees = api.MapGroup("/employees").WithTags("Employees");
        employees.MapGet("/", ListEmployees).WithName("ListEmployees")
            .WithSummary("Employees the caller may see, one keyset page at a time.");
        employees.MapGet("/{id:guid}", GetEmployee).WithName("GetEmployee")
            .WithSummary("One employee, if the caller may see them.").ProducesProblem(404);
        employees.MapPost("/", CreateEmployee).WithName("CreateEmployee").WithSummary("Adds an employee.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<EmployeeInput>();
        employees.MapPut("/{id:guid}", UpdateEmployee).WithName("UpdateEmployee")
            .WithSummary("Changes an employee; `version` is the one last read.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<EmployeeInput>()
            .ProducesProblem(404).ProducesProblem(409);

        var teams = api.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("/", async (ClaimsPrincipal user, TeamHandlers handlers, CancellationToken ct) =>
            TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), ct))).WithName("ListTeams")
            .WithSummary("Teams the caller may see, with their heads.");
        teams.MapGet("/{id:guid}", GetTeam).WithName("GetTeam").WithSummary("One team, if the caller may see it.").ProducesProblem(404);
        teams.MapPost("/", CreateTeam).WithName("CreateTeam").WithSummary("Adds a team.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<TeamInput>();
        teams.MapPut("/{id:guid}", UpdateTeam).WithName("UpdateTeam")
            .WithSummary("Renames a team or changes its head; `version` is the one last read.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<TeamInput>()
            .ProducesProblem(404).ProducesProblem(409);
        teams.MapDelete("/{id:guid}", DeleteTeam).WithName("DeleteTeam").WithSummary("Deletes a team that has no members left.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<Ok<Page<EmployeeRow>>> ListEmployees(
        ClaimsPrincipal user, EmployeeHandlers handlers, CancellationToken ct, string? search = null,
        EmployeeStatus? status = null, Guid? teamId = null, EmployeeSort sort = EmployeeSort.Name, bool desc = false,
        string? after = null, int? size = null) =>
        TypedResults.Ok(await handlers.ListAsync(user.ToViewer(),
            new EmployeeFilter(search, status, teamId, sort, desc, after, size), ct));

    private static async Task<Results<Ok<EmployeeDetails>, ProblemHttpResult>> GetEmployee(
        Guid id, ClaimsPrincipal user, EmployeeHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), Texts.ErrorEmployeeNotFound);

    private static async Task<Results<CreatedAtRoute<EmployeeDetails>, ProblemHttpResult>> CreateEmployee(
        EmployeeInput input, ClaimsPrincipal user, EmployeeHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, input, ct), "GetEmployee", id => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<EmployeeDetails>, ProblemHttpResult>> UpdateEmployee(
        Guid id, EmployeeInput input, ClaimsPrincipal user, EmployeeHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.UpdateAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<TeamRow>, ProblemHttpResult>> GetTeam(
        Guid id, ClaimsPrincipal user, TeamHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), Texts.ErrorTeamNotFound);

    private static async Task<Results<CreatedAtRoute<TeamRow>, ProblemHttpResult>> CreateTeam(
        TeamInput input, ClaimsPrincipal user, TeamHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, input, ct), "GetTeam", id => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<TeamRow>, ProblemHttpResult>> UpdateTeam(
        Guid id, TeamInput input, ClaimsPrincipal user, TeamHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.UpdateAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTeam(
        Guid id, long version, ClaimsPrincipal user, TeamHandlers handlers, CancellationToken ct) =>
        ApiResults.NoContentOr(await handlers.DeleteAsync(user.ToViewer(), id, version, ct));
}
