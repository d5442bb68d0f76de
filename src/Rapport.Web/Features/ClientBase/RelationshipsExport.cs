using System.Security.Claims;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>"My relationships" as CSV or XLSX: the viewer's own relationships, the warmest first, as the page lists them.</summary>
internal static class RelationshipsExport
{
    public static void MapRelationshipsExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/relationships/export.{format}", async (string format, ClaimsPrincipal user, RelationshipQueries relationships,
                BuyingRoleCatalog catalog, CancellationToken ct) =>
            {
                var roles = await catalog.GetAsync(ct);
                var viewer = user.ToViewer();
                return Export.File(format, new ExportTable<MyRelationship>("relationships", Texts.RelationshipsTitle,
                [
                    new(Texts.FieldFullName, r => r.ContactName),
                    new(Texts.FieldBuyingRole, r => roles.NameOf(r.Role)),
                    new(Texts.FieldAccount, r => r.AccountName),
                    new(Texts.Strength, r => r.Strength),
                    new(Texts.LastContact, r => r.LastContactAt),
                    new(Texts.ExportDaysSinceContact, r => r.DaysSinceContact),
                    new(Texts.FieldRhythmDays, r => r.RhythmDays),
                    new(Texts.ExportGoingCold, r => r.GoingCold ? Texts.Yes : Texts.No),
                ], Export.All(async token => (await relationships.MineAsync(viewer, token))
                    .OrderBy(r => r.AccountName, StringComparer.CurrentCulture).ThenByDescending(r => r.Strength).ToList(), ct)));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
        .ExcludeFromDescription();
}
