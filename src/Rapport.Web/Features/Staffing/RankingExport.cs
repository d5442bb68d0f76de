using System.Globalization;
using System.Security.Claims;
using Rapport.Shared;
using Rapport.Staffing;

namespace Rapport.Web.Features.Staffing;

/// <summary>A vacancy's ranking as CSV or XLSX, with the page's stage filter: an erased candidate is named as erased, never by name.</summary>
internal static class RankingExport
{
    public static void MapRankingExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/staffing/vacancies/{id:guid}/ranking.{format}", async (Guid id, string format, string? stage, ClaimsPrincipal user,
                CandidateHandlers candidates, VacancyHandlers vacancies, CancellationToken ct) =>
            {
                var viewer = user.ToViewer();
                var filter = Enum.TryParse<CandidateStage>(stage, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (CandidateStage?)null;
                if (await vacancies.GetAsync(viewer, id, ct) is not { } vacancy)
                {
                    return Results.NotFound();
                }

                var rank = 0;
                return Export.File(format, new ExportTable<RankedCandidate>($"ranking-{vacancy.OpenedOn:yyyy-MM-dd}", vacancy.Title,
                [
                    new("#", _ => ++rank),
                    new(StaffingTexts.ColumnCandidate, r => r.Erased ? StaffingTexts.ErasedCandidate : r.Name),
                    new(StaffingTexts.ColumnSourceRole, r => r.SourceRole is { } role
                        ? string.Format(CultureInfo.CurrentCulture, StaffingTexts.InternalFrom, role) : StaffingTexts.External),
                    new(StaffingTexts.FieldStage, r => StaffingLabels.Of(r.Stage)),
                    new(StaffingTexts.ColumnTotal, r => r.Total),
                    new(StaffingTexts.ColumnEvidence, r => Math.Round(r.Coverage * 100m, 0, MidpointRounding.AwayFromZero)),
                    new(StaffingTexts.GateFailed, r => r.GateFailed ? Texts.Yes : ""),
                    new(StaffingTexts.AppliedOn, r => r.AppliedOn),
                ], Export.Pages((after, token) => RankAsync(candidates, viewer, id, filter, after, token), ct)));
            })
        .RequireAuthorization()
        .ExcludeFromDescription();

    private static async Task<Page<RankedCandidate>> RankAsync(CandidateHandlers candidates, Viewer viewer, Guid id, CandidateStage? stage, string? after,
        CancellationToken ct) =>
        await candidates.RankAsync(viewer, id, stage, after, ct) ?? new Page<RankedCandidate>([], null);
}
