using Rapport.Deals;

namespace Rapport.Tests.Deals;

/// <summary>New or existing business: the account's first won deal, and per line a product the account never bought before.</summary>
public sealed class NoveltyTests
{
    private static readonly Guid Licence = Guid.NewGuid();
    private static readonly Guid Support = Guid.NewGuid();
    private static readonly DateOnly March = new(2026, 3, 15);

    private static WonHistory Won(long number, DateOnly on, params Guid[] products) => new(Guid.NewGuid(), number, on, products);

    [Fact]
    public void The_first_won_deal_of_an_account_is_new_business_and_all_its_products_are_new()
    {
        var (isNew, products) = Novelty.Classify(7, March, [Licence, Support], []);

        Assert.True(isNew);
        Assert.True(products.SetEquals([Licence, Support]));
    }

    [Fact]
    public void A_later_deal_is_existing_business_and_only_products_not_bought_before_are_new()
    {
        var (isNew, products) = Novelty.Classify(8, March.AddMonths(2), [Licence, Support], [Won(7, March, Licence)]);

        Assert.False(isNew);
        Assert.Equal([Support], products);
    }

    [Fact]
    public void A_deal_closed_earlier_than_those_already_won_is_new_business_itself()
    {
        // Won out of order (history typed in late): nothing won closed before it, so it is new; the others keep what they were given.
        Assert.True(Novelty.Classify(9, March.AddMonths(-1), [Licence], [Won(7, March, Licence)]).NewBusiness);
    }

    [Fact]
    public void On_the_same_close_date_the_lower_number_comes_first()
    {
        Assert.False(Novelty.Classify(9, March, [], [Won(7, March)]).NewBusiness);
        Assert.True(Novelty.Classify(5, March, [], [Won(7, March)]).NewBusiness);
    }

    [Fact]
    public void A_reopened_first_deal_no_longer_counts_so_the_next_one_won_is_first()
    {
        // The reopened deal is not among the won ones the rule reads.
        Assert.True(Novelty.Classify(8, March.AddMonths(1), [Licence], []).NewBusiness);
    }

    [Fact]
    public void A_deal_being_won_again_is_not_its_own_history()
    {
        Assert.True(Novelty.Classify(7, March, [Licence], [Won(7, March.AddDays(-3), Licence)]).NewBusiness);
    }
}
