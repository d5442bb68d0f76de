using CsCheck;
using Rapport.Service;

namespace Rapport.Tests.Service;

/// <summary>Account health: each factor's points and reason on its edges, and the score as the sum of the factors.</summary>
public sealed class AccountHealthTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly HealthInputs Calm = new(
        StrongestRelationship: 80, RequiredRoles: 2, CoveredRoles: 2, OpenCases: 0, BreachedCases: 0, NearBreachCases: 0,
        NextRenewal: null, RevenueLastYear: 10_000m, RevenueYearBefore: 8_000m);

    private static HealthFactor Factor(HealthInputs inputs, HealthFactorKind kind) =>
        AccountHealth.Compute(inputs, Today).Factors.Single(f => f.Kind == kind);

    [Fact]
    public void A_well_kept_account_scores_its_factors_out_of_25_25_20_15_and_15()
    {
        var report = AccountHealth.Compute(Calm, Today);
        Assert.Equal([(20, 25), (25, 25), (20, 20), (15, 15), (15, 15)], report.Factors.Select(f => (f.Points, f.Max)));
        Assert.Equal((95, HealthBand.Good), (report.Score, report.Band));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 1)] // 0.5 rounds away from zero
    [InlineData(62, 16)]
    [InlineData(100, 25)]
    [InlineData(130, 25)] // never above its most
    public void Relationships_give_their_share_of_25_by_the_strongest_relationship(int strongest, int points) =>
        Assert.Equal(points, Factor(Calm with { StrongestRelationship = strongest }, HealthFactorKind.Relationships).Points);

    [Theory]
    [InlineData(3, 0, 0, HealthReason.RolesCovered)]
    [InlineData(3, 1, 8, HealthReason.RolesCovered)]
    [InlineData(3, 2, 17, HealthReason.RolesCovered)]
    [InlineData(3, 5, 25, HealthReason.RolesCovered)]
    [InlineData(0, 0, 25, HealthReason.NoRequiredRoles)]
    public void Coverage_gives_its_share_of_25_by_the_required_roles_covered(int required, int covered, int points, HealthReason reason)
    {
        var factor = Factor(Calm with { RequiredRoles = required, CoveredRoles = covered }, HealthFactorKind.Coverage);
        Assert.Equal((points, reason), (factor.Points, factor.Reason));
    }

    [Theory]
    [InlineData(0, 0, 0, 20, HealthReason.NoOpenCases)]
    [InlineData(4, 0, 0, 20, HealthReason.OpenCasesOnTrack)]
    [InlineData(2, 1, 0, 10, HealthReason.CasesAtRisk)]
    [InlineData(2, 0, 1, 15, HealthReason.CasesAtRisk)]
    [InlineData(3, 1, 2, 0, HealthReason.CasesAtRisk)]
    [InlineData(5, 4, 1, 0, HealthReason.CasesAtRisk)] // never below zero
    public void Cases_lose_ten_points_for_each_breached_and_five_for_each_near_breach(int open, int breached, int near, int points, HealthReason reason)
    {
        var factor = Factor(Calm with { OpenCases = open, BreachedCases = breached, NearBreachCases = near }, HealthFactorKind.Cases);
        Assert.Equal((points, reason), (factor.Points, factor.Reason));
    }

    [Theory]
    [InlineData(-1, 0, HealthReason.RenewalOverdue)]
    [InlineData(0, 5, HealthReason.RenewalWithin30Days)]
    [InlineData(30, 5, HealthReason.RenewalWithin30Days)]
    [InlineData(31, 10, HealthReason.RenewalWithin90Days)]
    [InlineData(90, 10, HealthReason.RenewalWithin90Days)]
    [InlineData(91, 15, HealthReason.RenewalLater)]
    public void A_renewal_without_a_deal_costs_more_the_nearer_it_is(int days, int points, HealthReason reason)
    {
        var factor = Factor(Calm with { NextRenewal = Today.AddDays(days) }, HealthFactorKind.Renewals);
        Assert.Equal((points, reason, (decimal?)days), (factor.Points, factor.Reason, factor.Value));
    }

    [Theory]
    [InlineData(0, 0, 8, HealthReason.NoRevenue)]
    [InlineData(5_000, 0, 15, HealthReason.RevenueNew)]
    [InlineData(5_000, 5_000, 15, HealthReason.RevenueGrowing)]
    [InlineData(5_000, 10_000, 8, HealthReason.RevenueFalling)] // 7.5 rounds away from zero
    [InlineData(0, 10_000, 0, HealthReason.RevenueFalling)]
    public void Revenue_keeps_its_15_points_while_it_grows_and_loses_them_in_proportion_as_it_falls(
        double last, double before, int points, HealthReason reason)
    {
        var factor = Factor(Calm with { RevenueLastYear = (decimal)last, RevenueYearBefore = (decimal)before }, HealthFactorKind.Revenue);
        Assert.Equal((points, reason), (factor.Points, factor.Reason));
    }

    [Theory]
    [InlineData(39, HealthBand.AtRisk)]
    [InlineData(40, HealthBand.Watch)]
    [InlineData(69, HealthBand.Watch)]
    [InlineData(70, HealthBand.Good)]
    public void A_band_starts_at_its_threshold(int score, HealthBand band) => Assert.Equal(band, AccountHealth.BandOf(score));

    [Fact]
    public void Whatever_the_inputs_the_score_is_the_sum_of_its_factors_each_within_its_most_and_0_to_100()
    {
        var inputs = Gen.Select(Gen.Int[-10, 150], Gen.Int[0, 6], Gen.Int[0, 8], Gen.Int[0, 10], Gen.Int[0, 10], Gen.Int[0, 10])
            .SelectMany(t => Gen.Select(Gen.Int[-400, 401].Select(d => d == 401 ? (DateOnly?)null : Today.AddDays(d)), Gen.Decimal[0m, 1_000_000m], Gen.Decimal[0m, 1_000_000m])
                .Select(r => new HealthInputs(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, r.Item1, r.Item2, r.Item3)));
        inputs.Sample(i =>
        {
            var report = AccountHealth.Compute(i, Today);
            Assert.Equal(report.Factors.Sum(f => f.Points), report.Score);
            Assert.All(report.Factors, f => Assert.InRange(f.Points, 0, f.Max));
            Assert.InRange(report.Score, 0, 100);
        });
    }
}
