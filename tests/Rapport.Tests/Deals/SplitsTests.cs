using CsCheck;
using Rapport.Deals;

namespace Rapport.Tests.Deals;

/// <summary>Credit splits: shares that sum to 100 give credits that sum to the deal's amount to the cent, by the stated remainder rule.</summary>
public sealed class SplitsTests
{
    private static readonly Guid Owner = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Colleague = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Third = new("00000000-0000-0000-0000-000000000003");

    /// <summary>Between one and seven shares in hundredths of a percent that sum to exactly 100.</summary>
    private static readonly Gen<List<SplitShare>> Shares =
        Gen.Int[1, 7].SelectMany(n => Gen.Int[1, 10_000].Array[n].Select(weights =>
        {
            // Hundredths handed out in proportion to the weights, the rest to the first: always 10,000 in all, each at least 1.
            var total = weights.Sum();
            var hundredths = weights.Select(w => Math.Max(1, (int)((long)w * (10_000 - n) / total))).ToArray();
            hundredths[0] += 10_000 - hundredths.Sum();
            return hundredths.Select((h, i) => new SplitShare(new Guid(i + 1, 0, 0, new byte[8]), h / 100m)).Where(s => s.Percent > 0).ToList();
        })).Where(s => s.Sum(x => x.Percent) == 100m && s.All(x => x.Percent > 0));

    private static readonly Gen<decimal> Amounts = Gen.Long[-10_000_000_000, 10_000_000_000].Select(cents => cents / 100m);

    [Fact]
    public void Credits_sum_to_the_amount_to_the_cent_for_any_split()
    {
        Gen.Select(Amounts, Shares).Sample((amount, shares) =>
        {
            var credits = Splits.Allocate(amount, shares, Owner);
            Assert.Equal(amount, credits.Sum(c => c.Amount));
            Assert.All(credits, c => Assert.Equal(c.Amount, Math.Round(c.Amount, 2)));
            // Each credit is its exact share cut to the cent, or one cent more: never further off than a cent.
            Assert.All(credits.Zip(shares), x => Assert.True(Math.Abs(x.First.Amount - (amount * x.Second.Percent / 100m)) < 0.01m));
        }, iter: 5_000);
    }

    [Fact]
    public void Any_split_that_sums_to_100_is_valid()
    {
        Shares.Sample(shares => Assert.Null(Splits.Problem(shares)), iter: 2_000);
    }

    [Fact]
    public void Thirds_of_a_hundred_give_the_odd_cent_to_the_owner_first()
    {
        var credits = Splits.Allocate(100m, [new(Colleague, 33.33m), new(Owner, 33.33m), new(Third, 33.34m)], Owner);

        // Exact: 33.33, 33.33, 33.34 — no remainder; then 0.01 × 3 for 0.03 shows the tie rule.
        Assert.Equal([33.33m, 33.33m, 33.34m], credits.Select(c => c.Amount));
        var cents = Splits.Allocate(0.02m, [new(Colleague, 33.33m), new(Owner, 33.33m), new(Third, 33.34m)], Owner);
        Assert.Equal([0m, 0.01m, 0.01m], cents.Select(c => c.Amount));
    }

    [Fact]
    public void The_largest_remainder_gets_the_cent_before_the_owner()
    {
        // 10.01 split 50/50: 5.005 each, a tie, so the owner gets the cent; 70/30 of 0.07: 0.049 and 0.021, the larger fraction wins.
        Assert.Equal([5.00m, 5.01m], Splits.Allocate(10.01m, [new(Colleague, 50m), new(Owner, 50m)], Owner).Select(c => c.Amount));
        Assert.Equal([0.05m, 0.02m], Splits.Allocate(0.07m, [new(Colleague, 70m), new(Owner, 30m)], Owner).Select(c => c.Amount));
    }

    [Fact]
    public void A_credit_note_is_split_like_a_payment_and_signed()
    {
        Assert.Equal([-5.00m, -5.01m], Splits.Allocate(-10.01m, [new(Colleague, 50m), new(Owner, 50m)], Owner).Select(c => c.Amount));
    }

    [Theory]
    [InlineData(new[] { 60.0, 30.0 }, "sum")]
    [InlineData(new[] { 100.5, -0.5 }, "percent")]
    [InlineData(new[] { 33.333, 66.667 }, "percent")]
    [InlineData(new double[0], "empty")]
    public void A_split_that_is_not_whole_hundredths_summing_to_100_is_refused(double[] percents, string why)
    {
        var shares = percents.Select((p, i) => new SplitShare(new Guid(i + 1, 0, 0, new byte[8]), (decimal)p)).ToList();
        var expected = why switch
        {
            "sum" => DealTexts.ValidationSplitsSum,
            "percent" => DealTexts.ValidationSplitPercent,
            _ => DealTexts.ValidationSplitsEmpty,
        };
        Assert.Equal(expected, Splits.Problem(shares));
    }

    [Fact]
    public void One_person_holds_one_share()
    {
        Assert.Equal(DealTexts.ValidationSplitTwice, Splits.Problem([new(Owner, 50m), new(Owner, 50m)]));
    }

    [Fact]
    public void A_total_spread_over_lines_sums_exactly()
    {
        Gen.Select(Amounts, Gen.Long[0, 1_000_000].Select(c => c / 100m).Array[1, 6]).Sample((total, weights) =>
        {
            if (weights.Sum() == 0)
            {
                return;
            }

            Assert.Equal(total, DealMath.Spread(total, weights).Sum());
        }, iter: 2_000);
    }
}
