using System.Globalization;
using Rapport.Deals;

namespace Rapport.Tests.Deals;

/// <summary>Periods on their edges (month ends, leap years, year turns), growth against an empty base, quotas spread over months, the weighted forecast.</summary>
public sealed class SalesPeriodTests
{
    private static SalesPeriod P(string code) => SalesPeriod.Parse(code)!.Value;

    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2026-01", "2026-01-01", "2026-01-31")]
    [InlineData("2026-04", "2026-04-01", "2026-04-30")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2024-Q1", "2024-01-01", "2024-03-31")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    public void A_period_runs_from_its_first_day_to_its_last_included(string code, string start, string end)
    {
        var period = P(code);
        Assert.Equal((DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.Equal(code, period.Code);
    }

    [Theory]
    [InlineData("2026-01", "2025-12", "2025-01")]
    [InlineData("2024-03", "2024-02", "2023-03")]
    [InlineData("2025-02", "2025-01", "2024-02")]
    [InlineData("2026-Q1", "2025-Q4", "2025-Q1")]
    [InlineData("2026-Q3", "2026-Q2", "2025-Q3")]
    [InlineData("2026", "2025", "2025")]
    public void The_prior_period_and_the_same_period_last_year_are_whole_calendar_units(string code, string prior, string yearEarlier)
    {
        Assert.Equal(prior, P(code).Prior.Code);
        Assert.Equal(yearEarlier, P(code).YearEarlier.Code);
    }

    [Fact]
    public void February_of_a_leap_year_compares_with_the_whole_february_before_it_whatever_its_length()
    {
        var leap = P("2024-02");
        Assert.Equal(29, leap.End.Day);
        Assert.Equal(new DateOnly(2023, 2, 28), leap.YearEarlier.End);
        Assert.Equal(new DateOnly(2024, 1, 31), leap.Prior.End);
        Assert.True(leap.Contains(new DateOnly(2024, 2, 29)));
        Assert.False(leap.Prior.Contains(new DateOnly(2024, 2, 1)));
        Assert.Equal(P("2028-02").End, new DateOnly(2028, 2, 29));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-00")]
    [InlineData("26")]
    [InlineData("")]
    [InlineData("march")]
    public void Anything_but_a_month_a_quarter_or_a_year_is_not_a_period(string text) => Assert.Null(SalesPeriod.Parse(text));

    [Fact]
    public void A_day_falls_in_its_month_quarter_and_year_even_on_their_last_day()
    {
        var day = new DateOnly(2026, 3, 31);
        Assert.Equal("2026-03", SalesPeriod.Of(PeriodKind.Month, day).Code);
        Assert.Equal("2026-Q1", SalesPeriod.Of(PeriodKind.Quarter, day).Code);
        Assert.Equal("2026", SalesPeriod.Of(PeriodKind.Year, day).Code);
        Assert.Equal("2026-Q2", SalesPeriod.Of(PeriodKind.Quarter, day.AddDays(1)).Code);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], P("2026-Q1").MonthsIn.Select(m => m.Code));
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], P("2026").QuartersIn.Select(q => q.Code));
    }

    [Theory]
    [InlineData(12_000, 10_000, 20.0)]
    [InlineData(5_000, 10_000, -50.0)]
    [InlineData(0, 10_000, -100.0)]
    [InlineData(10_000, 10_000, 0.0)]
    [InlineData(1, 3, -66.7)]
    [InlineData(2, 3, -33.3)]
    public void Growth_is_the_change_over_the_base_in_percent_to_one_decimal(double current, double baseAmount, double expected) =>
        Assert.Equal((decimal)expected, Growth.Percent((decimal)current, (decimal)baseAmount));

    [Fact]
    public void Growth_from_an_empty_prior_period_is_no_figure_not_infinity()
    {
        Assert.Null(Growth.Percent(12_000m, 0m));
        Assert.Null(Growth.Percent(0m, 0m));
        Assert.Null(Growth.Share(5m, 0m));
        Assert.Equal(66.7m, Growth.Share(2m, 3m));
    }

    [Fact]
    public void A_quarter_quota_spreads_over_its_months_to_the_cent_and_sums_back()
    {
        var months = QuotaMath.PerMonth(PeriodKind.Quarter, new DateOnly(2026, 1, 1), 100m, 3).ToList();
        Assert.Equal([33.34m, 33.33m, 33.33m], months.Select(m => m.Amount));
        Assert.Equal(100m, months.Sum(m => m.Amount));
        var quotas = new[] { (PeriodKind.Quarter, new DateOnly(2026, 1, 1), 100m, (int?)3), (PeriodKind.Month, new DateOnly(2026, 4, 1), 50m, (int?)null) };
        Assert.Equal(33.33m, QuotaMath.In(P("2026-02"), quotas).Amount);
        Assert.Equal(100m, QuotaMath.In(P("2026-Q1"), quotas).Amount);
        Assert.Equal(150m, QuotaMath.In(P("2026"), quotas).Amount);
        Assert.Equal(0m, QuotaMath.In(P("2025-12"), quotas).Amount);
    }

    [Fact]
    public void The_weighted_forecast_is_each_open_deal_at_its_probability_and_won_counts_whole()
    {
        var key = (DealOutcome Outcome, ForecastCategory Forecast, decimal P) => new CreditKey(null, 2026, 1, Outcome, Forecast, null, P);
        var figures = ForecastFigures.Of(
        [
            new CreditSum(key(DealOutcome.Open, ForecastCategory.Commit, 50m), 2, 8_000m),
            new CreditSum(key(DealOutcome.Open, ForecastCategory.BestCase, 10m), 1, 2_000m),
            new CreditSum(key(DealOutcome.Open, ForecastCategory.Omitted, 25m), 1, 999.99m),
            new CreditSum(key(DealOutcome.Won, ForecastCategory.Commit, 100m), 1, 5_000m),
            new CreditSum(key(DealOutcome.Lost, ForecastCategory.Pipeline, 0m), 1, 7_000m),
        ]);
        Assert.Equal((5_000m, 8_000m, 2_000m, 0m), (figures.Won, figures.Commit, figures.BestCase, figures.Pipeline));
        Assert.Equal(4_000m + 200m + 250m, figures.Weighted);
        Assert.Equal(250m, DealMath.Weighted(999.99m, 25m));
        Assert.Equal(0.01m, DealMath.Weighted(0.02m, 25m));
    }
}
