using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Deals;

/// <summary>A group of deals summed: whose credit (null for the company's whole amount), the month of the date that counts, and what kind.</summary>
public readonly record struct CreditKey(Guid? EmployeeId, int Year, int Month, DealOutcome Outcome, ForecastCategory Forecast, bool? NewBusiness, decimal Probability);

/// <summary>How many deals a group holds and their credited amount in the organisation's currency.</summary>
public readonly record struct CreditSum(CreditKey Key, int Deals, decimal Amount)
{
    /// <summary>The group's weighted value: its amount at its probability (<see cref="DealMath.Weighted"/>, rounded once per group).</summary>
    public decimal Weighted => DealMath.Weighted(Amount, Key.Probability);
}

/// <summary>
/// Which deals a sum counts: those of the outcomes given with a close date in one of the ranges given (each
/// <c>[From, To]</c>). Each outcome and range is one range of the credits' (outcome, close date) index.
/// </summary>
public sealed record CreditSpan(IReadOnlyList<DealOutcome> Outcomes, IReadOnlyList<(DateOnly From, DateOnly To)> Ranges)
{
    public static CreditSpan Of(DateOnly from, DateOnly to, params DealOutcome[] outcomes) => new(outcomes, [(from, to)]);

    /// <summary>The same outcomes over one range more.</summary>
    public CreditSpan And(DateOnly from, DateOnly to) => this with { Ranges = [.. Ranges, (from, to)] };

    /// <summary>The credits of <paramref name="credits"/> in the span: a UNION ALL of one index range per outcome and range.</summary>
    internal IQueryable<DealCredit> Credits(IQueryable<DealCredit> credits)
    {
        IQueryable<DealCredit>? all = null;
        foreach (var outcome in Outcomes)
        {
            foreach (var (from, to) in Ranges)
            {
                var one = credits.Where(c => c.Outcome == outcome && c.CloseOn >= from && c.CloseOn <= to);
                all = all is null ? one : all.Concat(one);
            }
        }

        return all ?? credits.Where(_ => false);
    }
}

/// <summary>
/// Credited amounts summed in the database: sums of the stored <see cref="DealCredit"/> rows (each share in cents by
/// the remainder-cent rule of <see cref="Splits.Allocate"/>, so they add up to exactly what pay credits), a range of
/// one of their covering indexes. The company's figures are the sums of everyone's credits (they sum to the deals'
/// amounts), its deal counts those of each deal's <see cref="DealCredit.Lead"/> credit.
/// </summary>
public sealed class CreditSums(RapportDb db, CreditSumsCache cache)
{
    /// <summary>
    /// The deals of <paramref name="span"/> grouped by month of <see cref="Deal.CloseOn"/>, outcome, forecast category,
    /// new business and probability: per member of <paramref name="members"/> (or every employee with
    /// <paramref name="perEmployee"/>), or for the company as a whole when both are absent.
    /// </summary>
    public Task<List<CreditSum>> SumAsync(CreditSpan span, IReadOnlyCollection<Guid>? members, bool perEmployee, CancellationToken ct)
    {
        if (members is null && !perEmployee)
        {
            return cache.GetAsync(CreditSumsCache.Key("whole", span, null), async () =>
            {
                var whole = await span.Credits(db.DealCredits.AsNoTracking())
                    .GroupBy(c => new { c.CloseOn.Year, c.CloseOn.Month, c.Outcome, c.Forecast, c.NewBusiness, c.Probability })
                    .Select(g => new { g.Key, Deals = g.Sum(c => c.Lead ? 1 : 0), Cents = g.Sum(c => c.Cents) })
                    .ToListAsync(ct);
                return whole.Select(g => new CreditSum(
                    new CreditKey(null, g.Key.Year, g.Key.Month, g.Key.Outcome, g.Key.Forecast, g.Key.NewBusiness, g.Key.Probability), g.Deals, g.Cents / 100m)).ToList();
            });
        }

        return cache.GetAsync(CreditSumsCache.Key("each", span, members), async () =>
        {
            var groups = await span.Credits(Credits(members))
                .GroupBy(c => new { c.EmployeeId, c.CloseOn.Year, c.CloseOn.Month, c.Outcome, c.Forecast, c.NewBusiness, c.Probability })
                .Select(g => new { g.Key, Deals = g.Count(), Cents = g.Sum(c => c.Cents) })
                .ToListAsync(ct);
            return groups.Select(g => new CreditSum(
                new CreditKey(g.Key.EmployeeId, g.Key.Year, g.Key.Month, g.Key.Outcome, g.Key.Forecast, g.Key.NewBusiness, g.Key.Probability),
                g.Deals, g.Cents / 100m)).ToList();
        });
    }

    /// <summary>
    /// As <see cref="SumAsync"/>, per person by outcome and new business only (no months): the ranking's shape, a few
    /// rows per person whatever the span, with the days of their deals' cycles summed.
    /// </summary>
    public Task<List<ClosedSum>> ByPersonAsync(CreditSpan span, IReadOnlyCollection<Guid>? members, CancellationToken ct) =>
        cache.GetAsync(CreditSumsCache.Key("person", span, members), async () =>
        {
            var groups = await span.Credits(Credits(members))
                .GroupBy(c => new { c.EmployeeId, c.Outcome, c.NewBusiness })
                .Select(g => new { g.Key, Deals = g.Count(), Cents = g.Sum(c => c.Cents), Days = g.Sum(c => (long)c.CycleDays) })
                .ToListAsync(ct);
            return groups.Select(g => new ClosedSum(g.Key.EmployeeId, g.Key.Outcome, g.Key.NewBusiness, g.Deals, g.Cents / 100m, g.Days)).ToList();
        });

    private IQueryable<DealCredit> Credits(IReadOnlyCollection<Guid>? members) =>
        members is null ? db.DealCredits.AsNoTracking() : db.DealCredits.AsNoTracking().Where(c => members.Contains(c.EmployeeId));

    /// <summary>
    /// As <see cref="SumAsync"/>, per account: the amounts of the deals of <paramref name="span"/> credited to
    /// <paramref name="members"/>, or their whole amounts for the company when there are none named.
    /// </summary>
    public Task<List<AccountSum>> ByAccountAsync(CreditSpan span, IReadOnlyCollection<Guid>? members, CancellationToken ct) =>
        cache.GetAsync(CreditSumsCache.Key("account", span, members), async () =>
            (await span.Credits(Credits(members)).GroupBy(c => c.AccountId).Select(g => new { g.Key, Cents = g.Sum(c => c.Cents) }).ToListAsync(ct))
                .Select(g => new AccountSum(g.Key, g.Cents / 100m)).ToList());
}

/// <summary>What an account brought in a span: the amount credited to the people asked about (all of it for the company).</summary>
public readonly record struct AccountSum(Guid AccountId, decimal Amount);

/// <summary>One person's closed deals of a kind in a span: how many, their credited amount and the days of their cycles.</summary>
public readonly record struct ClosedSum(Guid EmployeeId, DealOutcome Outcome, bool? NewBusiness, int Deals, decimal Amount, long CycleDays);

/// <summary>
/// Sums of credits kept for a minute while no credit changes: the figures of a span for the company, a team or a person
/// are the same for every reader until a deal is won, lost, moved or split again, and they are the dear part of the
/// ranking and the forecasts (tens of thousands of credits a quarter for the company, thousands for a team). An entry is
/// good while <see cref="CommittedWrites"/> counts no newer commit writing <see cref="DealCredit"/> in this instance and
/// it is younger than <see cref="Lifetime"/>, the bound on how long another instance's change can go unseen.
/// </summary>
public sealed class CreditSumsCache(CommittedWrites writes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Entries kept at most (a few spans for each scope read in the last minute); past it the stale go, then all.</summary>
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(long Generation, DateTimeOffset Until, object Value);

    /// <summary>A copy of the sums under <paramref name="key"/>, computed by <paramref name="compute"/> when there are none still good.</summary>
    public async Task<List<T>> GetAsync<T>(string key, Func<Task<List<T>>> compute)
    {
        // Read before computing: a commit during the computation leaves the entry behind its generation, so it is not used.
        var generation = writes.Of(typeof(DealCredit));
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && Good(entry, generation, now))
        {
            return [.. (List<T>)entry.Value];
        }

        var value = await compute();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (stale, _) in _entries.Where(e => !Good(e.Value, generation, now)))
            {
                _entries.TryRemove(stale, out _);
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        _entries[key] = new Entry(generation, now + Lifetime, value);
        return [.. value];
    }

    private static bool Good(Entry entry, long generation, DateTimeOffset now) => entry.Generation == generation && entry.Until > now;

    /// <summary>The key of a kind of sum over a span, for the company (no members) or for a set of people in any order.</summary>
    internal static string Key(string kind, CreditSpan span, IReadOnlyCollection<Guid>? members)
    {
        var who = "all";
        if (members is not null)
        {
            var sorted = members.Distinct().Order().ToArray();
            var bytes = new byte[sorted.Length * 16];
            for (var i = 0; i < sorted.Length; i++)
            {
                sorted[i].TryWriteBytes(bytes.AsSpan(i * 16));
            }

            who = Convert.ToBase64String(SHA256.HashData(bytes));
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{kind}|{who}|{string.Join(',', span.Outcomes)}|{string.Join(',', span.Ranges.Select(r => $"{r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}"))}");
    }
}
