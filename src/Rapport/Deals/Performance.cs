using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>How the ranking is ordered.</summary>
public enum PerformanceSort
{
    NewValue,
    NewDeals,
    Won,
    GrowthPrior,
    GrowthYear,
    WinRate,
    Cycle,
    Attainment,
    Name,
    Capacity,
}

/// <summary>
/// One person's performance in a period, in the organisation's currency: new-business deals won (count, credited
/// value), everything won, growth against the prior period and the same period a year earlier (null when there was
/// nothing to grow from), win rate, average cycle, quota and attainment; and their capacity in the role. With
/// <see cref="PerformanceView.PerCapacity"/> the counts and values are per unit of capacity.
/// </summary>
public sealed record PerformanceRow(
    int Rank, Guid EmployeeId, string Name, decimal Capacity, decimal NewDeals, decimal NewValue, decimal Won, decimal Prior, decimal YearEarlier,
    decimal? GrowthPrior, decimal? GrowthYear, int WonDeals, int LostDeals, decimal? WinRate, double? AverageCycleDays, decimal Quota, decimal? Attainment);

/// <summary>The ranking of a scope's people for a period, with the periods it compares with.</summary>
public sealed record PerformanceView(
    ScopeKind ScopeKind, Guid? ScopeId, string ScopeName, string Period, string PeriodLabel, DateOnly Start, DateOnly End,
    string PriorPeriod, string PriorLabel, DateOnly PriorStart, DateOnly PriorEnd, string YearEarlierPeriod, string YearEarlierLabel,
    DateOnly YearEarlierStart, DateOnly YearEarlierEnd, bool PerCapacity, PerformanceSort Sort, bool Descending, string BaseCurrency,
    IReadOnlyList<PerformanceRow> Rows);

/// <summary>
/// What one account brought the scope: won in the period, in the prior period and the same period a year earlier,
/// and the growth on each (null when there was nothing to grow from).
/// </summary>
public sealed record AccountGrowthRow(Guid AccountId, string Name, decimal Won, decimal Prior, decimal YearEarlier, decimal? GrowthPrior, decimal? GrowthYear);

/// <summary>The accounts that brought the scope most in a period or either period it compares with, and how many there were in all.</summary>
public sealed record AccountGrowthView(string Period, string PriorPeriod, string YearEarlierPeriod, string BaseCurrency, int Accounts, IReadOnlyList<AccountGrowthRow> Rows);

/// <summary>
/// One month of the sales trend: the amount won in it credited to the scope (the whole amounts for the company), and
/// the same for the same month a year earlier.
/// </summary>
public sealed record TrendMonth(
    string Period, string Label, string ShortLabel, DateOnly Start, DateOnly End, decimal Won,
    string YearEarlierLabel, DateOnly YearEarlierStart, DateOnly YearEarlierEnd, decimal YearEarlier);

/// <summary>
/// The performance ranking, aggregated in the database: the closed deals of the period, and the won deals of the two
/// periods it compares with, are summed per person by <see cref="CreditSums.ByPersonAsync"/> (GROUP BY over a range
/// of the stored credits' covering (outcome, close) index, the cycles' days with them); only the people and their
/// quotas are read as rows. Nothing here loads the deals one by one, so a company of a thousand managers is three
/// grouped queries over the credits of the periods.
/// </summary>
public sealed class PerformanceQueries(RapportDb db, SalesScopes scopes, CreditSums sums, CurrencyConverter converter)
{
    public async Task<PerformanceView> RankAsync(
        Viewer viewer, SalesScope scope, SalesPeriod period, bool perCapacity = false, PerformanceSort sort = PerformanceSort.NewValue,
        bool descending = true, CancellationToken ct = default)
    {
        var readable = scopes.ReadableEmployees(viewer);
        var people = db.Employees.AsNoTracking().Where(e => readable.Contains(e.Id) && e.Status == EmployeeStatus.Active && e.Capacity > 0);
        if (scope.Members is { } members)
        {
            people = people.Where(e => members.Contains(e.Id));
        }

        var list = await people.Select(e => new { e.Id, e.FullName, e.SearchName, e.Capacity }).Take(20_000).ToListAsync(ct);
        var ids = scope.Members;
        var closed = await ClosedAsync(ids, period, outcomes: true, ct);
        var prior = await ClosedAsync(ids, period.Prior, outcomes: false, ct);
        var yearEarlier = await ClosedAsync(ids, period.YearEarlier, outcomes: false, ct);
        var quotaQuery = db.Set<Quota>().AsNoTracking().Where(q => q.Start <= period.End && q.End >= period.Start);
        if (ids is not null)
        {
            quotaQuery = quotaQuery.Where(q => ids.Contains(q.EmployeeId));
        }

        var quotas = (await quotaQuery.Select(q => new { q.EmployeeId, q.Kind, q.Start, q.Amount, q.NewDeals }).ToListAsync(ct))
            .ToLookup(q => q.EmployeeId, q => (q.Kind, q.Start, q.Amount, q.NewDeals));

        var rows = list.Select(e =>
        {
            var mine = closed[e.Id].ToList();
            var won = mine.Where(c => c.Outcome == DealOutcome.Won).ToList();
            var wonAmount = won.Sum(c => c.Amount);
            var newOnes = won.Where(c => c.NewBusiness == true).ToList();
            var wonDeals = won.Sum(c => c.Deals);
            var lostDeals = mine.Where(c => c.Outcome == DealOutcome.Lost).Sum(c => c.Deals);
            var priorAmount = prior[e.Id].Sum(c => c.Amount);
            var yearAmount = yearEarlier[e.Id].Sum(c => c.Amount);
            var (quota, _) = QuotaMath.In(period, quotas[e.Id]);
            var per = perCapacity ? e.Capacity : 1m;
            return (e.SearchName, Row: new PerformanceRow(0, e.Id, e.FullName, e.Capacity, Per(newOnes.Sum(c => c.Deals), per), Per(newOnes.Sum(c => c.Amount), per),
                Per(wonAmount, per), Per(priorAmount, per), Per(yearAmount, per), Growth.Percent(wonAmount, priorAmount), Growth.Percent(wonAmount, yearAmount),
                wonDeals, lostDeals, Growth.Share(wonDeals, wonDeals + lostDeals),
                wonDeals > 0 ? Math.Round((double)won.Sum(c => c.CycleDays) / wonDeals, 1) : null,
                quota, Growth.Share(wonAmount, quota)));
        });
        var ordered = Order(rows, sort, descending).Select((r, i) => r.Row with { Rank = i + 1 }).ToList();
        return new PerformanceView(scope.Kind, scope.Id, scope.Name, period.Code, period.Label, period.Start, period.End,
            period.Prior.Code, period.Prior.Label, period.Prior.Start, period.Prior.End, period.YearEarlier.Code, period.YearEarlier.Label,
            period.YearEarlier.Start, period.YearEarlier.End, perCapacity, sort, descending, await converter.BaseCurrencyAsync(ct), ordered);
    }

    /// <summary>
    /// Growth per account for the scope: the won amounts credited to its people (the whole amounts for the company),
    /// summed per account by <see cref="CreditSums.ByAccountAsync"/> for the period and the two it compares with. The
    /// accounts come most won first, then most won in the prior period (an account that fell to nothing stays in
    /// sight); at most <paramref name="top"/> of them, with the count of all.
    /// </summary>
    public async Task<AccountGrowthView> AccountGrowthAsync(SalesScope scope, SalesPeriod period, int top = 50, CancellationToken ct = default)
    {
        // The company's quarter is tens of thousands of accounts in each of the three periods: summed into one table of
        // the three figures, in place, rather than grouped per period and joined (70 ms of the ranking page on SQLite).
        var figures = new Dictionary<Guid, (decimal Won, decimal Prior, decimal Year)>();
        async Task AddAsync(SalesPeriod p, int which)
        {
            foreach (var a in await sums.ByAccountAsync(CreditSpan.Of(p.Start, p.End, DealOutcome.Won), scope.Members, ct))
            {
                ref var f = ref CollectionsMarshal.GetValueRefOrAddDefault(figures, a.AccountId, out _);
                f = which switch
                {
                    0 => f with { Won = f.Won + a.Amount },
                    1 => f with { Prior = f.Prior + a.Amount },
                    _ => f with { Year = f.Year + a.Amount },
                };
            }
        }

        await AddAsync(period, 0);
        await AddAsync(period.Prior, 1);
        await AddAsync(period.YearEarlier, 2);
        var picked = figures.Select(p => (Id: p.Key, p.Value.Won, p.Value.Prior, p.Value.Year))
            .OrderByDescending(a => a.Won).ThenByDescending(a => a.Prior).ThenByDescending(a => a.Year).ThenBy(a => a.Id)
            .Take(Math.Clamp(top, 1, 500)).ToList();
        var ids = picked.Select(a => a.Id).ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = picked.Select(a => new AccountGrowthRow(a.Id, names.GetValueOrDefault(a.Id, ""), a.Won, a.Prior, a.Year,
            Growth.Percent(a.Won, a.Prior), Growth.Percent(a.Won, a.Year))).ToList();
        return new(period.Code, period.Prior.Code, period.YearEarlier.Code, await converter.BaseCurrencyAsync(ct), figures.Count, rows);
    }

    /// <summary>
    /// The sales trend of the scope: won per month of the period and of the same months a year earlier, summed by
    /// <see cref="CreditSums.SumAsync"/> in one grouped query over both spans (a UNION ALL of two ranges of the
    /// deals' (outcome, close) index, rather than one span over the year between them).
    /// </summary>
    public async Task<IReadOnlyList<TrendMonth>> TrendAsync(SalesScope scope, SalesPeriod period, CancellationToken ct = default)
    {
        var yearEarlier = period.YearEarlier;
        var span = CreditSpan.Of(period.Start, period.End, DealOutcome.Won).And(yearEarlier.Start, yearEarlier.End);
        var perMonth = (await sums.SumAsync(span, scope.Members, perEmployee: false, ct))
            .GroupBy(g => new DateOnly(g.Key.Year, g.Key.Month, 1)).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount));
        return [.. period.MonthsIn.Select(m =>
        {
            var before = m.YearEarlier;
            return new TrendMonth(m.Code, m.Label, m.ShortLabel, m.Start, m.End, perMonth.GetValueOrDefault(m.Start),
                before.Label, before.Start, before.End, perMonth.GetValueOrDefault(before.Start));
        })];
    }

    private static decimal Per(decimal value, decimal capacity) => capacity == 1m ? value : Math.Round(value / capacity, 2, MidpointRounding.AwayFromZero);

    private static IEnumerable<(string SearchName, PerformanceRow Row)> Order(IEnumerable<(string SearchName, PerformanceRow Row)> rows, PerformanceSort sort, bool descending)
    {
        // Rows without a figure (no base to grow from, nothing closed) go last whichever way the column is sorted.
        IOrderedEnumerable<(string SearchName, PerformanceRow Row)> By<T>(Func<PerformanceRow, T?> key) where T : struct =>
            descending
                ? rows.OrderBy(r => key(r.Row) is null).ThenByDescending(r => key(r.Row))
                : rows.OrderBy(r => key(r.Row) is null).ThenBy(r => key(r.Row));
        var ordered = sort switch
        {
            PerformanceSort.Name => descending ? rows.OrderByDescending(r => r.SearchName, StringComparer.Ordinal) : rows.OrderBy(r => r.SearchName, StringComparer.Ordinal),
            PerformanceSort.NewDeals => By(r => (decimal?)r.NewDeals),
            PerformanceSort.Won => By(r => (decimal?)r.Won),
            PerformanceSort.GrowthPrior => By(r => r.GrowthPrior),
            PerformanceSort.GrowthYear => By(r => r.GrowthYear),
            PerformanceSort.WinRate => By(r => r.WinRate),
            PerformanceSort.Cycle => By(r => r.AverageCycleDays),
            PerformanceSort.Attainment => By(r => r.Attainment),
            PerformanceSort.Capacity => By(r => (decimal?)r.Capacity),
            _ => By(r => (decimal?)r.NewValue),
        };
        return ordered.ThenByDescending(r => r.Row.Won).ThenBy(r => r.SearchName, StringComparer.Ordinal);
    }

    private async Task<ILookup<Guid, ClosedSum>> ClosedAsync(IReadOnlyCollection<Guid>? members, SalesPeriod period, bool outcomes, CancellationToken ct)
    {
        var span = outcomes
            ? CreditSpan.Of(period.Start, period.End, DealOutcome.Won, DealOutcome.Lost)
            : CreditSpan.Of(period.Start, period.End, DealOutcome.Won);
        return (await sums.ByPersonAsync(span, members, ct)).ToLookup(c => c.EmployeeId);
    }
}
