using System.Security.Claims;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.Web.Features.Deals;

/// <summary>The deal list as CSV or XLSX, with the same filter, sort and visibility as the page it is exported from.</summary>
internal static class DealsExport
{
    public static void MapDealsExport(this IEndpointRouteBuilder app) =>
        // The query string is the list page's own (its filter form sends "All" as an empty value), so everything
        // arrives as text and is parsed leniently by the page's own parser.
        app.MapGet("/deals/export.{format}", (string format, ClaimsPrincipal user, DealQueries deals, string? q, string? outcome,
                string? stage, string? owner, string? team, string? product, string? month, string? forecast, string? risk, string? sort,
                string? desc, string? credited, string? creditedteam, string? from, string? to, string? business) =>
            {
                var viewer = user.ToViewer();
                var filter = DealsPage.Narrowed(DealsPage.FilterOf(q, outcome, stage, owner, team, product, month, forecast, risk, sort,
                    bool.TryParse(desc, out var d) && d, null, Cursor.MaxPageSize), credited, creditedteam, from, to, business);
                return Export.File(format, new ExportTable<DealRow>("deals", DealTexts.DealsTitle,
                [
                    new(DealTexts.FieldNumber, r => r.Number),
                    new(DealTexts.FieldTitle, r => r.Title),
                    new(DealTexts.FieldAccount, r => r.AccountName),
                    new(DealTexts.FieldStage, r => r.StageName),
                    new(DealTexts.FieldOutcome, r => DealLabels.Of(r.Outcome)),
                    new(DealTexts.FieldAmount, r => r.Amount),
                    new(Texts.FieldCurrency, r => r.Currency),
                    new(DealTexts.AmountBase, r => r.AmountBase),
                    new(DealTexts.FieldProbability, r => r.Probability),
                    new(DealTexts.Weighted, r => r.Weighted),
                    new(DealTexts.FieldCloseDate, r => r.CloseOn),
                    new(DealTexts.FieldForecast, r => DealLabels.Of(r.Forecast)),
                    new(Texts.FieldOwner, r => r.OwnerName),
                    new(DealTexts.Business, r => r.NewBusiness is null ? null : DealLabels.Business(r.NewBusiness)),
                ], Export.Pages((after, ct) => deals.ListAsync(viewer, filter with { After = after }, ct))));
            })
        .RequireAuthorization(p => p.RequireRole(DealAccess.DealUsers.Split(',')))
        .ExcludeFromDescription();
}
