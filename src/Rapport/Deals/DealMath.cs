using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>The arithmetic of a deal: line amounts, the probability that counts, the weighted value.</summary>
public static class DealMath
{
    /// <summary>Quantity × unit price × (1 − discount/100), rounded to the cent (<see cref="Money.Round"/>).</summary>
    public static decimal LineAmount(decimal quantity, decimal unitPrice, decimal discountPercent) =>
        Money.Round(quantity * unitPrice * (100m - discountPercent) / 100m);

    /// <summary>
    /// The probability a deal counts at: 100 once won, 0 once lost; while open the owner's figure when they set one,
    /// else the stage's.
    /// </summary>
    public static decimal Probability(StageKind kind, decimal stageProbability, decimal? overridden) => kind switch
    {
        StageKind.Won => 100m,
        StageKind.Lost => 0m,
        _ => overridden ?? stageProbability,
    };

    /// <summary>The amount times the probability, to the cent: what an open deal adds to a weighted forecast.</summary>
    public static decimal Weighted(decimal amount, decimal probabilityPercent) => Money.Round(amount * probabilityPercent / 100m);

    /// <summary>
    /// A total spread over parts in proportion to their weights, to the cent, summing exactly to the total (the
    /// remainder cents by largest fraction, then in order): e.g. a deal's amount in the organisation's currency over its lines.
    /// </summary>
    public static IReadOnlyList<decimal> Spread(decimal total, IReadOnlyList<decimal> weights)
    {
        var sum = weights.Sum();
        if (weights.Count == 0 || sum == 0)
        {
            return [.. weights.Select((_, i) => i == 0 ? Money.Round(total) : 0m)];
        }

        var cents = Math.Abs(Money.Round(total)) * 100m;
        var exact = weights.Select(w => cents * w / sum).ToArray();
        var floors = exact.Select(Math.Floor).ToArray();
        var left = (int)(cents - floors.Sum());
        var extra = Enumerable.Range(0, weights.Count).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).Take(Math.Max(0, left)).ToHashSet();
        var sign = total < 0 ? -1m : 1m;
        return [.. floors.Select((f, i) => sign * (f + (extra.Contains(i) ? 1 : 0)) / 100m)];
    }
}

/// <summary>One employee's share of a deal's credit.</summary>
public readonly record struct SplitShare(Guid EmployeeId, decimal Percent);

/// <summary>What one employee is credited with, to the cent.</summary>
public readonly record struct Credit(Guid EmployeeId, decimal Percent, decimal Amount);

/// <summary>
/// Credit splits: shares in percent that sum to exactly 100, turned into amounts that sum to exactly the deal's
/// amount. The rule for the cents that do not divide evenly (the remainder):
/// 1. every share gets its exact amount (amount × percent / 100) cut down to the cent, toward zero;
/// 2. the cents left over go one each to the shares with the largest cut-off fraction;
/// 3. between equal fractions, the owner first, then the shares in the order they were given.
/// Negative amounts (credit notes) are split the same way on their size, then signed.
/// </summary>
public static class Splits
{
    public const decimal Whole = 100m;

    /// <summary>Why these shares are not a valid split, or null: each above 0 and at most 100 in hundredths, one per person, summing to 100.</summary>
    public static string? Problem(IReadOnlyCollection<SplitShare> shares)
    {
        if (shares.Count == 0)
        {
            return DealTexts.ValidationSplitsEmpty;
        }

        if (shares.Any(s => s.Percent <= 0 || s.Percent > Whole || Math.Round(s.Percent, 2) != s.Percent))
        {
            return DealTexts.ValidationSplitPercent;
        }

        if (shares.Select(s => s.EmployeeId).Distinct().Count() != shares.Count)
        {
            return DealTexts.ValidationSplitTwice;
        }

        return shares.Sum(s => s.Percent) == Whole ? null : DealTexts.ValidationSplitsSum;
    }

    public static IReadOnlyList<Credit> Allocate(decimal amount, IReadOnlyList<SplitShare> shares, Guid ownerId)
    {
        if (shares.Count == 0)
        {
            return [];
        }

        var sign = amount < 0 ? -1m : 1m;
        var cents = Math.Abs(Money.Round(amount)) * 100m;
        var exact = shares.Select(s => cents * s.Percent / Whole).ToArray();
        var floors = exact.Select(Math.Floor).ToArray();
        var left = (int)(cents - floors.Sum());
        var order = Enumerable.Range(0, shares.Count)
            .OrderByDescending(i => exact[i] - floors[i])
            .ThenBy(i => shares[i].EmployeeId == ownerId ? 0 : 1)
            .ThenBy(i => i)
            .Take(Math.Max(0, left))
            .ToHashSet();
        return [.. shares.Select((s, i) => new Credit(s.EmployeeId, s.Percent, sign * (floors[i] + (order.Contains(i) ? 1 : 0)) / 100m))];
    }
}
