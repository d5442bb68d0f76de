using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>How deals of one stage went on: how many reached it, how many of those reached the next open stage or were won.</summary>
public sealed record StageConversion(Guid StageId, string StageName, int Reached, int Advanced, int Won, decimal AdvanceRate, decimal WinRate);

/// <summary>The time from creation to winning of the deals won in a period.</summary>
public sealed record CycleTime(int Deals, double AverageDays, double MedianDays);

/// <summary>
/// Figures read from the stage history (the events), for the forecast, the board and performance: stage-to-stage
/// conversion of the deals created in a period, and the cycle time of the deals won in one. Both within what the
/// viewer may see. A deal "reached" a stage when it was created in it, moved into it, or reached a later stage of
/// the pipeline (a skipped stage counts as passed); a won deal reached every open stage.
/// </summary>
public sealed class DealStats(RapportDb db, DealSettingsCatalog catalog)
{
    public async Task<List<StageConversion>> ConversionAsync(Viewer viewer, Guid pipelineId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var deals = db.Deals.VisibleTo(db, viewer).Where(d => d.PipelineId == pipelineId && d.CreatedAt >= start && d.CreatedAt < end).Select(d => d.Id);
        var kinds = new[] { DealEventKind.Created, DealEventKind.StageMoved, DealEventKind.Won };
        var events = await db.DealEvents.AsNoTracking().Where(e => deals.Contains(e.DealId) && kinds.Contains(e.Kind))
            .Select(e => new { e.DealId, e.Kind, e.ToStageId }).ToListAsync(ct);
        var settings = await catalog.GetAsync(ct);
        var open = settings.StagesOf(pipelineId).Where(s => s.Kind == StageKind.Open).ToList();
        var position = open.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var furthest = events.GroupBy(e => e.DealId).Select(g => (
            Furthest: g.Any(e => e.Kind == DealEventKind.Won) ? open.Count : g.Max(e => e.ToStageId is { } s && position.TryGetValue(s, out var p) ? p : -1),
            Won: g.Any(e => e.Kind == DealEventKind.Won))).ToList();
        return [.. open.Select((s, i) =>
        {
            var reached = furthest.Where(f => f.Furthest >= i).ToList();
            var advanced = reached.Count(f => f.Furthest > i);
            var won = reached.Count(f => f.Won);
            return new StageConversion(s.Id, settings.StageName(s.Id), reached.Count, advanced, won, Rate(advanced, reached.Count), Rate(won, reached.Count));
        })];
    }

    public async Task<CycleTime> CycleTimeAsync(Viewer viewer, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var won = await db.Deals.AsNoTracking().VisibleTo(db, viewer)
            .Where(d => d.Outcome == DealOutcome.Won && d.ClosedOn >= from && d.ClosedOn <= to)
            .Select(d => new { d.CreatedAt, ClosedOn = d.ClosedOn!.Value }).ToListAsync(ct);
        var days = won.Select(d => Math.Max(0, d.ClosedOn.DayNumber - DateOnly.FromDateTime(d.CreatedAt).DayNumber)).Order().ToList();
        return days.Count == 0
            ? new CycleTime(0, 0, 0)
            : new CycleTime(days.Count, days.Average(), days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0);
    }

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);
}
