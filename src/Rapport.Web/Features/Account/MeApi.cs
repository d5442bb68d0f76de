using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Identity;

namespace Rapport.Web.Features.Account;

/// <summary>The caller's own profile under <c>/api/v1/me</c>.</summary>
internal static class MeApi
{
    public sealed record Me(Guid Id, string Email, string DisplayName, Guid? EmployeeId, string Language, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async Task<Results<Ok<Me>, NotFound>> (ClaimsPrincipal principal, UserHandlers users, CancellationToken ct) =>
            await users.GetAsync(principal.ToViewer().UserId, ct) is { } user
                ? TypedResults.Ok(new Me(user.Id, user.Email, user.DisplayName, user.EmployeeId, user.Language, user.Roles))
                : TypedResults.NotFound())
            .WithTags("Me").WithName("GetMe").WithSummary("The user the token belongs to, with their roles.");
        return api;
    }
}
