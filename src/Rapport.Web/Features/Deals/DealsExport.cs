using System.Security.Claims;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.Web.Features.Deals;

/// <summary>The deal list as CSV, with the same filter and visibility as the page it is exported from.</summary>
internal static class DealsExport
{
    public static void MapDealsExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/deals/export.csv", (ClaimsPrincipal user, DealQueries deals, string? q, string? outcome, string? stage, string? owner,
                string? team, string? product, string? month, string? forecast, string? risk, string? sort, string? desc) =>
            {
                var viewer = user.ToViewer();
                var filter = DealsPage.FilterOf(q, outcome, stage, owner, team, product, month, forecast, risk, sort,
                    bool.TryParse(desc, out var d) && d, null, Cursor.MaxPageSize);
                return Csv.File("deals.csv", Csv.Lines(
                    Csv.Line(DealTexts.FieldNumber, DealTexts.FieldTitle, DealTexts.FieldAccount, DealTexts.FieldStage, DealTexts.FieldOutcome,
                        DealTexts.FieldAmount, Texts.FieldCurrency, DealTexts.AmountBase, DealTexts.FieldProbability, DealTexts.Weighted,
                        DealTexts.FieldCloseDate, DealTexts.FieldForecast, Texts.FieldOwner, DealTexts.Business),
                    (after, ct) => deals.ListAsync(viewer, filter with { After = after }, ct),
                    r => Csv.Line(r.Number, r.Title, r.AccountName, r.StageName, r.Outcome.ToString(), Csv.Invariant(r.Amount), r.Currency,
                        Csv.Invariant(r.AmountBase), Csv.Invariant(r.Probability), Csv.Invariant(r.Weighted),
                        r.CloseOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Forecast.ToString(), r.OwnerName,
                        r.NewBusiness switch { true => "new", false => "existing", _ => "" })));
            })
        .RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')))
        .ExcludeFromDescription();
}
