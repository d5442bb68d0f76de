using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Web.Features.Settings;

/// <summary>Buying roles under <c>/api/v1/settings/buying-roles</c>: everyone reads them, administrators shape them.</summary>
internal static class BuyingRolesApi
{
    public static RouteGroupBuilder MapBuyingRolesApi(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/settings/buying-roles").WithTags("Settings");
        roles.MapGet("/", async (BuyingRoleHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.ListAsync(ct)))
            .WithName("ListBuyingRoles").WithSummary("The buying roles in their order, with how many contacts hold each.");
        roles.MapGet("/{id:guid}", async (Guid id, BuyingRoleHandlers handlers, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await handlers.GetAsync(id, ct), Texts.ErrorBuyingRoleNotFound))
            .WithName("GetBuyingRole").WithSummary("One buying role, with how many contacts hold it.").ProducesProblem(404);
        roles.MapPost("/", CreateRole).WithName("CreateBuyingRole")
            .WithSummary("Adds a role at the end of the order; its code is made from the English name.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<BuyingRoleInput>();
        roles.MapPut("/{id:guid}", UpdateRole).WithName("UpdateBuyingRole")
            .WithSummary("Renames a buying role or changes its contact rhythm and whether coverage requires it.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<BuyingRoleInput>()
            .ProducesProblem(404).ProducesProblem(409);
        roles.MapPost("/{id:guid}/archive", async (Guid id, long version, ClaimsPrincipal user, BuyingRoleHandlers handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.SetArchivedAsync(user.ToViewer(), id, archived: true, version, ct)))
            .WithName("ArchiveBuyingRole").WithSummary("Keeps the role on its contacts but offers it for no new one.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).ProducesProblem(404).ProducesProblem(409);
        roles.MapPost("/{id:guid}/restore", async (Guid id, long version, ClaimsPrincipal user, BuyingRoleHandlers handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.SetArchivedAsync(user.ToViewer(), id, archived: false, version, ct)))
            .WithName("RestoreBuyingRole").WithSummary("Offers an archived role for new contacts again.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).ProducesProblem(404).ProducesProblem(409);
        roles.MapPost("/{id:guid}/move", async (Guid id, long version, bool up, ClaimsPrincipal user, BuyingRoleHandlers handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.MoveAsync(user.ToViewer(), id, up, version, ct)))
            .WithName("MoveBuyingRole").WithSummary("Moves the role one place up (up=true) or down in the order.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).ProducesProblem(404).ProducesProblem(409);
        roles.MapDelete("/{id:guid}", async (Guid id, long version, ClaimsPrincipal user, BuyingRoleHandlers handlers, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.DeleteAsync(user.ToViewer(), id, version, ct)))
            .WithName("DeleteBuyingRole").WithSummary("Deletes a role no contact holds; a role in use can only be archived.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<Results<CreatedAtRoute<BuyingRoleRow>, ProblemHttpResult>> CreateRole(
        BuyingRoleInput input, ClaimsPrincipal user, BuyingRoleHandlers handlers, CancellationToken ct) =>
        await ApiResults.CreatedAt(await handlers.AddAsync(user.ToViewer(), input, ct), "GetBuyingRole", id => handlers.GetAsync(id, ct));

    private static async Task<Results<Ok<BuyingRoleRow>, ProblemHttpResult>> UpdateRole(
        Guid id, BuyingRoleInput input, ClaimsPrincipal user, BuyingRoleHandlers handlers, CancellationToken ct) =>
        await ApiResults.OkAfter(await handlers.UpdateAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(id, ct));
}
