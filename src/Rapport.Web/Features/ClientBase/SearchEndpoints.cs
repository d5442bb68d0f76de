using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>The global search: <c>/api/v1/search</c> for tokens, and the type-ahead feed of the search box for pages.</summary>
internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).WithTags("Search").WithName("Search")
            .WithSummary("Accounts and contacts whose names, e-mails, phones, EIK or domains start with every word of q.")
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')));
        return api;
    }

    /// <summary>The same search for the signed-in browser (cookie), feeding the type-ahead under the search box.</summary>
    public static void MapSearchSuggestions(this IEndpointRouteBuilder app) =>
        app.MapGet("/search/suggest", Search)
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
            .ExcludeFromDescription();

    private static async Task<Ok<List<SearchHit>>> Search(ClaimsPrincipal user, SearchQueries search, CancellationToken ct, string? q = null) =>
        TypedResults.Ok(await search.QuickAsync(user.ToViewer(), q, ct: ct));
}
