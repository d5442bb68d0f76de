using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>What the pipeline board shows: one pipeline, filtered by owner, team, product and close month.</summary>
public sealed record BoardFilter(Guid? PipelineId = null, Guid? OwnerId = null, Guid? TeamId = null, Guid? ProductId = null, string? CloseMonth = null);

/// <summary>A deal on the board, with whether the viewer may move it and, while open, its risk in words.</summary>
public sealed record BoardCard(
    Guid Id, string Number, string Title, Guid AccountId, string AccountName, decimal Amount, string Currency, decimal AmountBase,
    DateOnly CloseOn, Guid OwnerId, string OwnerName, long Version, bool CanMove, IReadOnlyList<string> Risks);

/// <summary>A stage's column: how many deals are in it and their total in the organisation's currency, and the first cards.</summary>
public sealed record BoardColumn(Stage Stage, int Count, decimal Total, IReadOnlyList<BoardCard> Cards)
{
    /// <summary>The deals of the column not shown as cards, which the deal list shows.</summary>
    public int More => Count - Cards.Count;
}

/// <summary>
/// The board of a pipeline: its open stages, then Won and Lost. Won and lost deals are those closed in the chosen
/// month, or in this month when none is chosen (all of them would bury the pipeline under its history).
/// </summary>
public sealed record DealBoard(Pipeline Pipeline, IReadOnlyList<BoardColumn> Columns, string BaseCurrency, DateOnly ClosedMonth);

/// <summary>
/// The pipeline board's columns, over exactly the deals the list shows the viewer (<see cref="DealQueries"/>' filter,
/// so <see cref="DealAccess"/> decides). A column's count and total are of all its deals; its cards are capped, the
/// nearest close dates first, so that a head of sales with thousands of deals gets a page as fast as anyone.
/// </summary>
public sealed class DealBoardQueries(
    RapportDb db, TimeProvider clock, DealQueries deals, DealSettingsCatalog catalog, CurrencyConverter converter, DealRiskQueries risk)
{
    /// <summary>Cards per column; the rest are counted and linked to the list.</summary>
    public const int CardsPerColumn = 20;

    public async Task<DealBoard?> GetAsync(Viewer viewer, BoardFilter filter, int cardsPerColumn = CardsPerColumn, CancellationToken ct = default)
    {
        var settings = await catalog.GetAsync(ct);
        var pipeline = filter.PipelineId is { } id ? settings.Pipelines.FirstOrDefault(p => p.Id == id) : settings.DefaultPipeline;
        if (pipeline is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var month = DealQueries.ParseMonth(filter.CloseMonth) ?? new DateOnly(today.Year, today.Month, 1);
        var stages = settings.StagesOf(pipeline.Id).Where(s => !s.Archived).OrderBy(s => s.Kind).ThenBy(s => s.Position).ToList();
        var query = deals.Filtered(viewer, new DealFilter(OwnerId: filter.OwnerId, TeamId: filter.TeamId, ProductId: filter.ProductId,
                CloseMonth: filter.CloseMonth))
            .Where(d => d.PipelineId == pipeline.Id);
        var next = month.AddMonths(1);
        query = query.Where(d => d.Outcome == DealOutcome.Open || (d.CloseOn >= month && d.CloseOn < next));

        // One read of the board's deals, a few narrow columns a row: the counts and sums are taken here (SQLite cannot
        // add decimals exactly), and so is each column's choice of cards, by close date and number. Asked per stage
        // with ORDER BY … LIMIT, the database evaluated who sees what again for every column and sorted a head of
        // sales' 10,000 deals each time (140–700 ms a column on 500,000 deals); the cards are then read by id, at once.
        var keys = await query.Select(d => new { d.Id, d.StageId, d.AmountBase, d.CloseOn, d.Number }).ToListAsync(ct);
        var byStage = keys.GroupBy(k => k.StageId).ToDictionary(g => g.Key, g => g.ToList());
        var totals = byStage.ToDictionary(g => g.Key, g => (Count: g.Value.Count, Total: g.Value.Sum(k => k.AmountBase)));
        var chosen = new List<(Guid Stage, Guid Deal)>();
        foreach (var stage in stages.Where(s => byStage.ContainsKey(s.Id)))
        {
            var inStage = byStage[stage.Id];
            var ordered = stage.Kind == StageKind.Open
                ? inStage.OrderBy(k => k.CloseOn).ThenBy(k => k.Number)
                : inStage.OrderByDescending(k => k.CloseOn).ThenByDescending(k => k.Number);
            chosen.AddRange(ordered.Take(cardsPerColumn).Select(k => (stage.Id, k.Id)));
        }

        var chosenIds = chosen.Select(c => c.Deal).ToList();
        var read = chosenIds.Count == 0 ? [] : (await db.Deals.AsNoTracking().Where(d => chosenIds.Contains(d.Id))
            .Select(d => new BoardRow(d.Id, d.Number, d.Title, d.AccountId, d.Account!.Name, d.Amount, d.Currency, d.AmountBase, d.CloseOn,
                d.OwnerId, d.Owner!.FullName, d.Version, d.Outcome))
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        var rows = chosen.Where(c => read.ContainsKey(c.Deal)).Select(c => (c.Stage, Row: read[c.Deal])).ToList();

        var ids = rows.Select(r => r.Row.Id).ToList();
        var movable = ids.Count == 0 ? [] : (await db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)).EditableBy(db, viewer)
            .Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var open = rows.Where(r => r.Row.Outcome == DealOutcome.Open).Select(r => r.Row.Id).ToList();
        var assessed = open.Count == 0 ? [] : await risk.AssessAsync(open, ct);
        var words = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var (dealId, assessment) in assessed.Where(a => a.Value.AtRisk))
        {
            words[dealId] = (await risk.ViewAsync(assessment, ct)).Texts;
        }

        var columns = stages.Select(stage =>
        {
            var (count, total) = totals.GetValueOrDefault(stage.Id);
            var cards = rows.Where(r => r.Stage == stage.Id).Select(r => r.Row)
                .Select(c => new BoardCard(c.Id, DealNumber.Format(c.Number), c.Title, c.AccountId, c.AccountName, c.Amount, c.Currency, c.AmountBase,
                    c.CloseOn, c.OwnerId, c.OwnerName, c.Version, c.Outcome == DealOutcome.Open && movable.Contains(c.Id),
                    words.GetValueOrDefault(c.Id) ?? []))
                .ToList();
            return new BoardColumn(stage, count, total, cards);
        }).ToList();
        return new DealBoard(pipeline, columns, await converter.BaseCurrencyAsync(ct), month);
    }

    private sealed record BoardRow(
        Guid Id, long Number, string Title, Guid AccountId, string AccountName, decimal Amount, string Currency, decimal AmountBase,
        DateOnly CloseOn, Guid OwnerId, string OwnerName, long Version, DealOutcome Outcome);
}
