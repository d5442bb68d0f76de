using Rapport.ClientBase;

namespace Rapport.Tests;

public sealed class CoverageTests
{
    private static readonly StrengthOptions Options = new();
    private static readonly string[] Required = [BuyingRoles.DecisionMaker, BuyingRoles.Signatory];
    private static readonly Guid Ana = Guid.NewGuid(), Boris = Guid.NewGuid();
    private static readonly Guid Ceo = Guid.NewGuid(), Cfo = Guid.NewGuid(), Buyer = Guid.NewGuid();

    [Fact]
    public void An_account_without_relationships_covers_no_role_and_is_not_called_single_threaded()
    {
        var coverage = CoverageCalculator.Compute([], Required, Options);
        Assert.Equal(0, coverage.CoveredCount);
        Assert.False(coverage.FullyCovered);
        Assert.False(coverage.SingleThreaded);
    }

    [Fact]
    public void A_role_is_covered_only_by_a_warm_relationship()
    {
        var coverage = CoverageCalculator.Compute(
        [
            new(Ceo, BuyingRoles.DecisionMaker, Ana, Options.WarmThreshold),
            new(Cfo, BuyingRoles.Signatory, Ana, Options.WarmThreshold - 1),
        ], Required, Options);

        Assert.True(coverage.Roles.Single(r => r.Role == BuyingRoles.DecisionMaker).Covered);
        var signatory = coverage.Roles.Single(r => r.Role == BuyingRoles.Signatory);
        Assert.False(signatory.Covered);
        Assert.Equal(Options.WarmThreshold - 1, signatory.BestStrength);
    }

    [Fact]
    public void The_strongest_relationship_decides_a_role()
    {
        var coverage = CoverageCalculator.Compute(
        [
            new(Ceo, BuyingRoles.DecisionMaker, Ana, 20),
            new(Ceo, BuyingRoles.DecisionMaker, Boris, 70),
        ], Required, Options);
        var role = coverage.Roles.Single(r => r.Role == BuyingRoles.DecisionMaker);
        Assert.Equal((70, Boris), (role.BestStrength, role.EmployeeId!.Value));
    }

    [Fact]
    public void An_account_held_by_one_of_our_people_is_single_threaded_even_with_many_contacts()
    {
        var coverage = CoverageCalculator.Compute(
        [
            new(Ceo, BuyingRoles.DecisionMaker, Ana, 80),
            new(Cfo, BuyingRoles.Signatory, Ana, 70),
        ], Required, Options);
        Assert.True(coverage.FullyCovered);
        Assert.True(coverage.SingleThreaded);
    }

    [Fact]
    public void An_account_hanging_on_one_contact_is_single_threaded()
    {
        var coverage = CoverageCalculator.Compute(
        [
            new(Ceo, BuyingRoles.DecisionMaker, Ana, 80),
            new(Ceo, BuyingRoles.DecisionMaker, Boris, 60),
            new(Buyer, BuyingRoles.User, Boris, 10),
        ], Required, Options);
        Assert.True(coverage.SingleThreaded);
    }

    [Fact]
    public void Two_people_on_each_side_make_a_multi_threaded_account()
    {
        var coverage = CoverageCalculator.Compute(
        [
            new(Ceo, BuyingRoles.DecisionMaker, Ana, 80),
            new(Cfo, BuyingRoles.Signatory, Boris, 60),
        ], Required, Options);
        Assert.False(coverage.SingleThreaded);
        Assert.True(coverage.FullyCovered);
    }
}
