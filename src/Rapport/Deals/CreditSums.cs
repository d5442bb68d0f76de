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
/// Credited amounts summed in the database. A deal credited whole to one person (a 100 % split, most deals) is summed
/// by GROUP BY over the deals' (outcome, close) index and the splits' key; only the deals split between several
/// people are read row by row, so that their credits follow the remainder-cent rule of <see cref="Splits.Allocate"/>
/// and add up to exactly what pay credits. The company's total needs no splits at all: credits sum to the amount.
/// </summary>
public sealed class CreditSums(RapportDb db)
{
    /// <summary>
    /// The deals of <paramref name="deals"/> (already narrowed to what counts, e.g. won in a span) grouped by month of
    /// <see cref="Deal.CloseOn"/>, outcome, forecast category, new business and probability: per member of
    /// <paramref name="members"/> (or every employee with <paramref name="perEmployee"/>), or for the company as a whole
    /// when both are absent.
    /// </summary>
    public async Task<List<CreditSum>> SumAsync(IQueryable<Deal> deals, IReadOnlyCollection<Guid>? members, bool perEmployee, CancellationToken ct)
    {
        if (members is null && !perEmployee)
        {
            var whole = await deals
                .GroupBy(d => new { d.CloseOn.Year, d.CloseOn.Month, d.Outcome, d.Forecast, d.NewBusiness, d.Probability })
                .Select(g => new { g.Key, Deals = g.Count(), Amount = g.Sum(d => d.AmountBase) })
                .ToListAsync(ct);
            return [.. whole.Select(g => new CreditSum(
                new CreditKey(null, g.Key.Year, g.Key.Month, g.Key.Outcome, g.Key.Forecast, g.Key.NewBusiness, g.Key.Probability), g.Deals, g.Amount))];
        }

        var splits = db.DealSplits.AsQueryable();
        var mine = members is null ? splits : splits.Where(s => members.Contains(s.EmployeeId));
        var single = await (from d in deals
                            join s in mine on d.Id equals s.DealId
                            where s.Percent == Splits.Whole
                            group d by new { s.EmployeeId, d.CloseOn.Year, d.CloseOn.Month, d.Outcome, d.Forecast, d.NewBusiness, d.Probability } into g
                            select new { g.Key, Deals = g.Count(), Amount = g.Sum(d => d.AmountBase) })
            .ToListAsync(ct);
        var result = single.Select(g => new CreditSum(
            new CreditKey(g.Key.EmployeeId, g.Key.Year, g.Key.Month, g.Key.Outcome, g.Key.Forecast, g.Key.NewBusiness, g.Key.Probability),
            g.Deals, g.Amount)).ToList();

        result.AddRange((await SharedCreditsAsync(deals, members, ct)).Select(c => new CreditSum(
            new CreditKey(c.EmployeeId, c.Deal.CloseOn.Year, c.Deal.CloseOn.Month, c.Deal.Outcome, c.Deal.Forecast, c.Deal.NewBusiness, c.Deal.Probability),
            1, c.Amount)));
        return result;
    }

    /// <summary>
    /// As <see cref="SumAsync"/>, per person by outcome and new business only (no months): the ranking's shape, a few
    /// rows per person whatever the span.
    /// </summary>
    public async Task<List<ClosedSum>> ByPersonAsync(IQueryable<Deal> deals, IReadOnlyCollection<Guid>? members, CancellationToken ct)
    {
        var splits = db.DealSplits.AsQueryable();
        var mine = members is null ? splits : splits.Where(s => members.Contains(s.EmployeeId));
        var single = await (from d in deals
                            join s in mine on d.Id equals s.DealId
                            where s.Percent == Splits.Whole
                            group d by new { s.EmployeeId, d.Outcome, d.NewBusiness } into g
                            select new { g.Key, Deals = g.Count(), Amount = g.Sum(d => d.AmountBase) })
            .ToListAsync(ct);
        var result = single.Select(g => new ClosedSum(g.Key.EmployeeId, g.Key.Outcome, g.Key.NewBusiness, g.Deals, g.Amount)).ToList();
        result.AddRange((await SharedCreditsAsync(deals, members, ct)).Select(c => new ClosedSum(c.EmployeeId, c.Deal.Outcome, c.Deal.NewBusiness, 1, c.Amount)));
        return result;
    }

    /// <summary>
    /// As <see cref="SumAsync"/>, per account: the amounts of <paramref name="deals"/> credited to
    /// <paramref name="members"/>, or their whole amounts for the company when there are none named.
    /// </summary>
    public async Task<List<AccountSum>> ByAccountAsync(IQueryable<Deal> deals, IReadOnlyCollection<Guid>? members, CancellationToken ct)
    {
        if (members is null)
        {
            return [.. (await deals.GroupBy(d => d.AccountId).Select(g => new { g.Key, Amount = g.Sum(d => d.AmountBase) }).ToListAsync(ct))
                .Select(g => new AccountSum(g.Key, g.Amount))];
        }

        var splits = db.DealSplits.AsQueryable();
        var mine = splits.Where(s => members.Contains(s.EmployeeId));
        var single = await (from d in deals
                            join s in mine on d.Id equals s.DealId
                            where s.Percent == Splits.Whole
                            group d by d.AccountId into g
                            select new { g.Key, Amount = g.Sum(d => d.AmountBase) })
            .ToListAsync(ct);
        var result = single.Select(g => new AccountSum(g.Key, g.Amount)).ToList();
        result.AddRange((await SharedCreditsAsync(deals, members, ct)).Select(c => new AccountSum(c.Deal.AccountId, c.Amount)));
        return result;
    }

    /// <summary>What a shared deal's figures need of it.</summary>
    private sealed record SharedDeal(Guid AccountId, DateOnly CloseOn, DealOutcome Outcome, ForecastCategory Forecast, bool? NewBusiness, decimal Probability);

    /// <summary>
    /// The deals of <paramref name="deals"/> shared between people that a member holds a share in (any, when none are
    /// named): few, read whole so that each share gets its cents by the split rule; one credit per share of a member.
    /// </summary>
    private async Task<List<(SharedDeal Deal, Guid EmployeeId, decimal Amount)>> SharedCreditsAsync(
        IQueryable<Deal> deals, IReadOnlyCollection<Guid>? members, CancellationToken ct)
    {
        var splits = db.DealSplits.AsQueryable();
        var mine = members is null ? splits : splits.Where(s => members.Contains(s.EmployeeId));
        var shared = deals.Where(d => mine.Any(s => s.DealId == d.Id && s.Percent < Splits.Whole));
        var rows = await (from d in shared
                          join s in splits on d.Id equals s.DealId
                          select new { d.Id, d.OwnerId, d.AmountBase, d.AccountId, d.CloseOn, d.Outcome, d.Forecast, d.NewBusiness, d.Probability, s.EmployeeId, s.Percent })
            .ToListAsync(ct);
        var wanted = members?.ToHashSet();
        var result = new List<(SharedDeal, Guid, decimal)>();
        foreach (var deal in rows.GroupBy(r => r.Id))
        {
            var d = deal.First();
            var figures = new SharedDeal(d.AccountId, d.CloseOn, d.Outcome, d.Forecast, d.NewBusiness, d.Probability);
            var credits = Splits.Allocate(d.AmountBase, [.. deal.OrderBy(s => s.EmployeeId).Select(s => new SplitShare(s.EmployeeId, s.Percent))], d.OwnerId);
            result.AddRange(credits.Where(c => wanted is null || wanted.Contains(c.EmployeeId)).Select(c => (figures, c.EmployeeId, c.Amount)));
        }

        return result;
    }
}

/// <summary>What an account brought in a span: the amount credited to the people asked about (all of it for the company).</summary>
public readonly record struct AccountSum(Guid AccountId, decimal Amount);

/// <summary>One person's closed deals of a kind in a span: how many and their credited amount.</summary>
public readonly record struct ClosedSum(Guid EmployeeId, DealOutcome Outcome, bool? NewBusiness, int Deals, decimal Amount);
