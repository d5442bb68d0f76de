using System.Security.Claims;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>The account list as CSV, with the same filter and visibility as the page it is exported from.</summary>
internal static class AccountsExport
{
    public static void MapAccountsExport(this IEndpointRouteBuilder app) =>
        // The query string is the list page's own, and its filter form sends "All" as an empty value, which typed
        // parameters (Guid?, enums) would refuse; so everything arrives as text and is parsed leniently, as on the page.
        app.MapGet("/accounts/export.csv", (ClaimsPrincipal user, AccountHandlers handlers, string? q, string? status,
                string? segment, string? owner, string? team, string? desc, string? coverage, string? industry, string? region) =>
            {
                var viewer = user.ToViewer();
                var filter = new AccountFilter(q,
                    OwnerId: Guid.TryParse(owner, out var o) ? o : null,
                    TeamId: Guid.TryParse(team, out var t) ? t : null,
                    Segment: Enum.TryParse<SizeSegment>(segment, ignoreCase: true, out var s) ? s : null,
                    Industry: industry, Region: region,
                    Status: Enum.TryParse<AccountStatus>(status, ignoreCase: true, out var st) ? st : null,
                    Descending: bool.TryParse(desc, out var d) && d, PageSize: Cursor.MaxPageSize,
                    Coverage: Enum.TryParse<CoverageFilter>(coverage, ignoreCase: true, out var c) ? c : null);
                return Csv.File("accounts.csv", Csv.Lines(
                    Csv.Line(Texts.FieldAccountName, Texts.FieldRegistrationNumber, Texts.FieldIndustry, Texts.FieldSize,
                        Texts.FieldRegion, Texts.FieldAccountStatus, Texts.FieldOwner, Texts.FieldCoordinator),
                    (after, ct) => handlers.ListAsync(viewer, filter with { After = after }, ct),
                    a => Csv.Line(a.Name, a.RegistrationNumber, a.Industry, a.Size.ToString(), a.Region, a.Status.ToString(),
                        a.OwnerName, a.CoordinatorName)));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
        .ExcludeFromDescription();
}
