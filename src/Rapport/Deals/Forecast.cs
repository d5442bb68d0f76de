using System.Data.Common;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Data;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// The forecast of one month or quarter for a scope, in the organisation's currency: won (credited), and the open
/// deals closing in it by the owner's call (commit, best case, pipeline), every open deal at its probability
/// (weighted), and the quota with the attainment so far.
/// </summary>
public sealed record ForecastRow(
    string Period, string Label, string ShortLabel, DateOnly Start, DateOnly End, decimal Won, decimal Commit, decimal BestCase, decimal Pipeline,
    decimal Weighted, decimal Quota, decimal? Attainment);

/// <summary>The forecast of a scope over a quarter or a year: per month, per quarter and in total, and how it moved since the last snapshot.</summary>
public sealed record ForecastView(
    ScopeKind ScopeKind, Guid? ScopeId, string ScopeName, string Period, string PeriodLabel, string BaseCurrency,
    IReadOnlyList<ForecastRow> Months, IReadOnlyList<ForecastRow> Quarters, ForecastRow Total, ForecastChange? Change)
{
    [JsonIgnore]
    public SalesScope Scope { get; init; } = default!;
}

/// <summary>How the current quarter's forecast moved since the last weekly snapshot: the figures then and the deals that moved it.</summary>
public sealed record ForecastChange(
    DateOnly Week, DateTime TakenAt, string Period, decimal Won, decimal Commit, decimal BestCase, decimal Pipeline, decimal Weighted,
    decimal WonChange, decimal CommitChange, decimal BestCaseChange, decimal PipelineChange, decimal WeightedChange, IReadOnlyList<ForecastMove> Moves);

/// <summary>Something that happened to a deal of the scope since the snapshot: a stage move, an amount change, a win, a loss, a reopen, a new split.</summary>
public sealed record ForecastMove(
    Guid DealId, string Number, string Title, DealEventKind Kind, DateTime At, string? FromStage, string? ToStage, decimal? BaseBefore, decimal? BaseAfter,
    ForecastCategory Forecast);

/// <summary>
/// A scope person's forecast of one quarter as it stood at the start of a week, so that the forecast page can say how
/// it moved since. Written once per week and quarter (<see cref="ForecastSnapshots.TakeAsync"/>): one row per person
/// with a figure, and one for the company (<see cref="EmployeeId"/> null), which is also the mark that the week is taken.
/// </summary>
public sealed class ForecastSnapshot
{
    public long Id { get; private set; }

    /// <summary>The Monday of the week.</summary>
    public DateOnly WeekStart { get; set; }

    /// <summary>The first day of the quarter the figures are about.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>The person; null for the company's whole figures.</summary>
    public Guid? EmployeeId { get; set; }

    public DateTime TakenAt { get; set; }

    public decimal Won { get; set; }

    public decimal Commit { get; set; }

    public decimal BestCase { get; set; }

    public decimal Pipeline { get; set; }

    public decimal Weighted { get; set; }
}

internal sealed class ForecastSnapshotConfiguration : IEntityTypeConfiguration<ForecastSnapshot>
{
    public void Configure(EntityTypeBuilder<ForecastSnapshot> builder)
    {
        builder.HasIndex(x => new { x.PeriodStart, x.WeekStart, x.EmployeeId });
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The figures of one forecast row before they are labelled.</summary>
internal readonly record struct ForecastFigures(decimal Won, decimal Commit, decimal BestCase, decimal Pipeline, decimal Weighted)
{
    public static ForecastFigures Of(IEnumerable<CreditSum> groups)
    {
        decimal won = 0, commit = 0, best = 0, pipeline = 0, weighted = 0;
        foreach (var g in groups)
        {
            if (g.Key.Outcome == DealOutcome.Won)
            {
                won += g.Amount;
                continue;
            }

            if (g.Key.Outcome != DealOutcome.Open)
            {
                continue;
            }

            weighted += g.Weighted;
            switch (g.Key.Forecast)
            {
                case ForecastCategory.Commit:
                    commit += g.Amount;
                    break;
                case ForecastCategory.BestCase:
                    best += g.Amount;
                    break;
                case ForecastCategory.Pipeline:
                    pipeline += g.Amount;
                    break;
            }
        }

        return new ForecastFigures(won, commit, best, pipeline, weighted);
    }
}

/// <summary>
/// The forecast: figures summed in the database through <see cref="CreditSums"/> (won and open deals by the month of
/// the date that counts), quotas spread over their months (<see cref="QuotaMath"/>), and the change since the last
/// weekly snapshot with the deal events behind it.
/// </summary>
public sealed class ForecastQueries(RapportDb db, CreditSums sums, CurrencyConverter converter, DealSettingsCatalog catalog, TimeProvider clock)
{
    private static readonly DealEventKind[] Moving =
        [DealEventKind.Created, DealEventKind.StageMoved, DealEventKind.AmountChanged, DealEventKind.Won, DealEventKind.Lost, DealEventKind.Reopened,
         DealEventKind.SplitsChanged, DealEventKind.OwnerChanged];

    /// <summary>The forecast of a scope over a quarter or a year (a month is shown as its quarter).</summary>
    public async Task<ForecastView> ForAsync(Viewer viewer, SalesScope scope, SalesPeriod period, CancellationToken ct = default)
    {
        if (period.Kind == PeriodKind.Month)
        {
            period = SalesPeriod.Of(PeriodKind.Quarter, period.Start);
        }

        var groups = await GroupsAsync(scope, period, ct);
        var quotas = await QuotasAsync(scope, period, ct);
        ForecastRow Row(SalesPeriod p)
        {
            var f = ForecastFigures.Of(groups.Where(g => p.Contains(new DateOnly(g.Key.Year, g.Key.Month, 1))));
            var (quota, _) = QuotaMath.In(p, quotas);
            return new ForecastRow(p.Code, p.Label, p.ShortLabel, p.Start, p.End, f.Won, f.Commit, f.BestCase, f.Pipeline, f.Weighted, quota,
                Growth.Share(f.Won, quota));
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var current = SalesPeriod.Of(PeriodKind.Quarter, today);
        var change = period.Contains(today) ? await ChangeAsync(viewer, scope, current, Row(current), ct) : null;
        return new ForecastView(scope.Kind, scope.Id, scope.Name, period.Code, period.Label, await converter.BaseCurrencyAsync(ct),
            [.. period.MonthsIn.Select(Row)], [.. period.QuartersIn.Select(Row)], Row(period), change) { Scope = scope };
    }

    private async Task<List<CreditSum>> GroupsAsync(SalesScope scope, SalesPeriod period, CancellationToken ct)
    {
        var span = CreditSpan.Of(period.Start, period.End, DealOutcome.Won, DealOutcome.Open);
        return await sums.SumAsync(span, scope.Members, perEmployee: false, ct);
    }

    private async Task<List<(PeriodKind Kind, DateOnly Start, decimal Amount, int? NewDeals)>> QuotasAsync(SalesScope scope, SalesPeriod period, CancellationToken ct)
    {
        var query = db.Set<Quota>().AsNoTracking().Where(q => q.Start <= period.End && q.End >= period.Start);
        if (scope.Members is { } members)
        {
            query = query.Where(q => members.Contains(q.EmployeeId));
        }

        return [.. (await query.Select(q => new { q.Kind, q.Start, q.Amount, q.NewDeals }).ToListAsync(ct)).Select(q => (q.Kind, q.Start, q.Amount, q.NewDeals))];
    }

    private async Task<ForecastChange?> ChangeAsync(Viewer viewer, SalesScope scope, SalesPeriod quarter, ForecastRow now, CancellationToken ct)
    {
        var taken = db.Set<ForecastSnapshot>().AsNoTracking().Where(s => s.PeriodStart == quarter.Start && s.EmployeeId == null);
        var last = await taken.OrderByDescending(s => s.TakenAt).Select(s => new { s.WeekStart, s.TakenAt }).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return null;
        }

        var rows = db.Set<ForecastSnapshot>().AsNoTracking().Where(s => s.PeriodStart == quarter.Start && s.WeekStart == last.WeekStart);
        rows = scope.Members is { } members ? rows.Where(s => s.EmployeeId != null && members.Contains(s.EmployeeId.Value)) : rows.Where(s => s.EmployeeId == null);
        var then = await rows.Select(s => new { s.Won, s.Commit, s.BestCase, s.Pipeline, s.Weighted }).ToListAsync(ct);
        var (won, commit, best, pipeline, weighted) = (then.Sum(t => t.Won), then.Sum(t => t.Commit), then.Sum(t => t.BestCase), then.Sum(t => t.Pipeline),
            then.Sum(t => t.Weighted));

        // The deals that moved it: what their events since the snapshot say, for the deals of the scope the viewer may see.
        var deals = db.Deals.AsNoTracking().VisibleTo(db, viewer).Where(d => d.CloseOn >= quarter.Start && d.CloseOn <= quarter.End);
        if (scope.Members is { } people)
        {
            deals = deals.Where(d => db.DealSplits.Any(s => s.DealId == d.Id && people.Contains(s.EmployeeId)));
        }

        // The events since the snapshot first, newest first along the index of their instant, then each one's deal: a
        // cross join, whose order SQLite keeps. Joined the other way round SQLite read every deal closing in the quarter
        // with its events (0.7 s for a team on 500,000 deals); ordered by id alone it walked the whole log backwards.
        var since = last.TakenAt;
        var events = await db.DealEvents.AsNoTracking().Where(e => e.At > since && Moving.Contains(e.Kind))
            .SelectMany(_ => deals, (e, d) => new { Event = e, Deal = d })
            .Where(x => x.Deal.Id == x.Event.DealId)
            .OrderByDescending(x => x.Event.At).ThenByDescending(x => x.Event.Id)
            .Select(x => new
            {
                x.Event.DealId, x.Deal.Number, x.Deal.Title, x.Event.Kind, x.Event.At, x.Event.FromStageId, x.Event.ToStageId, x.Event.BaseBefore,
                x.Event.BaseAfter, x.Deal.Forecast,
            })
            .Take(50).ToListAsync(ct);
        var settings = await catalog.GetAsync(ct);
        return new ForecastChange(last.WeekStart, last.TakenAt, quarter.Code, won, commit, best, pipeline, weighted,
            now.Won - won, now.Commit - commit, now.BestCase - best, now.Pipeline - pipeline, now.Weighted - weighted,
            [.. events.Select(e => new ForecastMove(e.DealId, DealNumber.Format(e.Number), e.Title, e.Kind, e.At,
                e.FromStageId is { } f ? settings.StageName(f) : null, e.ToStageId is { } t ? settings.StageName(t) : null, e.BaseBefore, e.BaseAfter, e.Forecast))]);
    }
}

/// <summary>
/// The weekly snapshot of the forecast of the current quarter: per person and for the company, at most once per week
/// (taken by <see cref="ForecastSnapshotService"/> at the first chance in a week, or on demand).
/// </summary>
public sealed class ForecastSnapshots(RapportDb db, CreditSums sums, TimeProvider clock)
{
    /// <summary>The Monday of the week that holds the day.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Takes this week's snapshot unless it has been taken: true when it was taken now.</summary>
    public async Task<(bool Taken, DateOnly Week, DateTime TakenAt)> TakeAsync(CancellationToken ct = default)
    {
        // To the microsecond, which both engines keep, so that the time read back is the time taken.
        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var week = WeekOf(today);
        var quarter = SalesPeriod.Of(PeriodKind.Quarter, today);
        var existing = await db.Set<ForecastSnapshot>()
            .Where(s => s.PeriodStart == quarter.Start && s.WeekStart == week && s.EmployeeId == null).Select(s => (DateTime?)s.TakenAt).FirstOrDefaultAsync(ct);
        if (existing is { } at)
        {
            return (false, week, at);
        }

        var span = CreditSpan.Of(quarter.Start, quarter.End, DealOutcome.Won, DealOutcome.Open);
        var people = await sums.SumAsync(span, null, perEmployee: true, ct);
        var whole = ForecastFigures.Of(await sums.SumAsync(span, null, perEmployee: false, ct));
        ForecastSnapshot Row(Guid? employee, ForecastFigures f) => new()
        {
            WeekStart = week, PeriodStart = quarter.Start, EmployeeId = employee, TakenAt = now,
            Won = f.Won, Commit = f.Commit, BestCase = f.BestCase, Pipeline = f.Pipeline, Weighted = f.Weighted,
        };

        db.AddRange(people.GroupBy(g => g.Key.EmployeeId!.Value).Select(g => Row(g.Key, ForecastFigures.Of(g))));
        db.Add(Row(null, whole));
        await db.SaveChangesAsync(ct);
        return (true, week, now);
    }
}

/// <summary>Takes the weekly forecast snapshot when the app starts and every few hours after, so each week gets one.</summary>
public sealed class ForecastSnapshotService(
    IServiceScopeFactory scopes, ILogger<ForecastSnapshotService> log, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (taken, week, _) = await scope.ServiceProvider.GetRequiredService<ForecastSnapshots>().TakeAsync(stoppingToken);
                if (taken)
                {
                    log.LogInformation("Took the forecast snapshot of the week of {Week}.", week);
                }

                await Task.Delay(TimeSpan.FromHours(6), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or DbUpdateException)
            {
                // The forecast works without it; only "change since last week" waits for the next try.
                log.LogError(e, "Taking the forecast snapshot failed; it is tried again in an hour.");
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
        }
    }
}
