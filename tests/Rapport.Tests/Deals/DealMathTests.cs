using Rapport.Deals;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Tests.Deals;

/// <summary>Line amounts, probability and weighted value, rounding, and conversion on the edges of a rate's validity.</summary>
public sealed class DealMathTests
{
    [Theory]
    [InlineData(3, 19.99, 0, 59.97)]
    [InlineData(1, 100, 12.5, 87.50)]
    [InlineData(7, 0.15, 0, 1.05)]
    [InlineData(1, 2.345, 0, 2.35)]
    [InlineData(3, 0.335, 10, 0.90)]
    public void A_line_is_quantity_times_price_less_discount_to_the_cent(double quantity, double price, double discount, double expected) =>
        Assert.Equal((decimal)expected, DealMath.LineAmount((decimal)quantity, (decimal)price, (decimal)discount));

    [Fact]
    public void Money_rounds_half_away_from_zero()
    {
        Assert.Equal(2.35m, Money.Round(2.345m));
        Assert.Equal(-2.35m, Money.Round(-2.345m));
        Assert.Equal(2.34m, Money.Round(2.3449m));
    }

    [Theory]
    [InlineData(StageKind.Open, 50, null, 50)]
    [InlineData(StageKind.Open, 50, 65.5, 65.5)]
    [InlineData(StageKind.Won, 75, 30.0, 100)]
    [InlineData(StageKind.Lost, 75, 30.0, 0)]
    public void Probability_is_the_stage_s_unless_overridden_and_fixed_once_closed(StageKind kind, double stage, double? overridden, double expected) =>
        Assert.Equal((decimal)expected, DealMath.Probability(kind, (decimal)stage, (decimal?)overridden));

    [Fact]
    public void The_weighted_value_is_amount_times_probability_to_the_cent()
    {
        Assert.Equal(2500.00m, DealMath.Weighted(10_000m, 25m));
        Assert.Equal(33.33m, DealMath.Weighted(100.01m, 33.33m));
        Assert.Equal(0.01m, DealMath.Weighted(0.02m, 50m));
        Assert.Equal(0m, DealMath.Weighted(999m, 0m));
    }

    private static readonly RateTable Rates = new([
        ("BGN", new DateOnly(1999, 1, 1), 1.95583m),
        ("USD", new DateOnly(2026, 3, 1), 1.08m),
        ("USD", new DateOnly(2026, 4, 1), 1.10m),
    ]);

    [Fact]
    public void A_rate_holds_from_its_first_day_until_the_day_before_the_next()
    {
        Assert.Null(Rates.UnitsPerEuro("USD", new DateOnly(2026, 2, 28)));
        Assert.Equal(1.08m, Rates.UnitsPerEuro("USD", new DateOnly(2026, 3, 1)));
        Assert.Equal(1.08m, Rates.UnitsPerEuro("USD", new DateOnly(2026, 3, 31)));
        Assert.Equal(1.10m, Rates.UnitsPerEuro("USD", new DateOnly(2026, 4, 1)));
        Assert.Equal(1.10m, Rates.UnitsPerEuro("usd", new DateOnly(2030, 1, 1)));
        Assert.Null(Rates.UnitsPerEuro("GBP", new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Leva_convert_at_the_fixed_rate_to_the_cent()
    {
        Assert.Equal(5112.92m, Rates.Convert(10_000m, "BGN", "EUR", new DateOnly(2025, 6, 30)));
        Assert.Equal(1m, Rates.Convert(1.95583m, "BGN", "EUR", new DateOnly(2025, 6, 30)));
        Assert.Equal(19558.30m, Rates.Convert(10_000m, "EUR", "BGN", new DateOnly(2026, 1, 1)));
        Assert.Equal(909.09m, Rates.Convert(1000m, "USD", "EUR", new DateOnly(2026, 4, 1)));
        Assert.Null(Rates.Convert(1000m, "USD", "EUR", new DateOnly(2026, 2, 1)));
        Assert.Equal(12.35m, Rates.Convert(12.345m, "EUR", "EUR", new DateOnly(2026, 2, 1)));
    }

    [Theory]
    [InlineData("D-000123", 123L)]
    [InlineData("d123", 123L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("D-", null)]
    [InlineData("deal", null)]
    public void Deal_numbers_read_as_people_type_them(string text, long? expected)
    {
        Assert.Equal(expected, DealNumber.Parse(text));
        Assert.Equal("D-000123", DealNumber.Format(123));
    }
}
