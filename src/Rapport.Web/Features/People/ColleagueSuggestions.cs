using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Web.Features.People;

/// <summary>Names of active colleagues for the "someone else of ours" box, as the signed-in browser types.</summary>
internal static class ColleagueSuggestions
{
    public static void MapColleagueSuggestions(this IEndpointRouteBuilder app) =>
        app.MapGet("/people/colleagues", async (EmployeeHandlers employees, CancellationToken ct, string? q = null) =>
                TypedResults.Ok((await employees.FindColleaguesAsync(q, ct: ct)).Select(c => c.Name)))
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
            .ExcludeFromDescription();
}
