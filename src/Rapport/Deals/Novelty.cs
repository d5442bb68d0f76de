namespace Rapport.Deals;

/// <summary>A won deal of the account as the new-business rule sees it: when it closed, its number, what it sold.</summary>
public sealed record WonHistory(Guid DealId, long Number, DateOnly ClosedOn, IReadOnlyCollection<Guid> ProductIds);

/// <summary>
/// New or existing business, decided when a deal is won and then kept (on the deal, its lines and its Won event):
/// the deal is new business when no other deal of the same account that is won at that moment closed before it
/// (earlier close date, or the same date and a lower number); a line is new when none of those earlier won deals sold
/// its product. Per account, not per group of companies. See docs/deals.md for the edges.
/// </summary>
public static class Novelty
{
    public static (bool NewBusiness, IReadOnlySet<Guid> NewProducts) Classify(
        long number, DateOnly closedOn, IEnumerable<Guid> productIds, IEnumerable<WonHistory> accountWon)
    {
        var earlier = accountWon.Where(w => w.Number != number && (w.ClosedOn < closedOn || (w.ClosedOn == closedOn && w.Number < number))).ToList();
        var bought = earlier.SelectMany(w => w.ProductIds).ToHashSet();
        return (earlier.Count == 0, productIds.Where(p => !bought.Contains(p)).ToHashSet());
    }
}
