using Rapport.ClientBase;

namespace Rapport.Tests;

public sealed class RelationshipStrengthTests
{
    private static readonly StrengthOptions Options = new();
    private static readonly DateTime Day0 = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static StrengthState Meet(StrengthState state, DateTime at, bool byClient = false) =>
        RelationshipStrength.Add(state, InteractionKind.Meeting, byClient, at, Options);

    [Fact]
    public void No_contact_means_no_strength() =>
        Assert.Equal(0, RelationshipStrength.At(StrengthState.None, Day0, Options));

    [Fact]
    public void One_meeting_makes_a_warm_relationship_on_the_day()
    {
        var strength = RelationshipStrength.At(Meet(StrengthState.None, Day0), Day0, Options);
        Assert.Equal(45, strength);
        Assert.True(strength >= Options.WarmThreshold);
    }

    [Fact]
    public void A_meeting_counts_more_than_a_call_more_than_an_email_more_than_a_note()
    {
        int After(InteractionKind kind) => RelationshipStrength.At(RelationshipStrength.Add(StrengthState.None, kind, false, Day0, Options), Day0, Options);
        Assert.True(After(InteractionKind.Meeting) > After(InteractionKind.Call));
        Assert.True(After(InteractionKind.Call) > After(InteractionKind.Email));
        Assert.True(After(InteractionKind.Email) > After(InteractionKind.Note));
    }

    [Fact]
    public void Two_way_contact_counts_more_than_one_way() =>
        Assert.True(RelationshipStrength.At(Meet(StrengthState.None, Day0, byClient: true), Day0, Options)
            > RelationshipStrength.At(Meet(StrengthState.None, Day0), Day0, Options));

    [Fact]
    public void The_score_halves_every_half_life()
    {
        var state = Meet(StrengthState.None, Day0);
        var later = Day0.AddDays(Options.HalfLifeDays);
        var expected = (int)Math.Round(100 * (1 - Math.Exp(-(state.Score / 2) / Options.Saturation)), MidpointRounding.AwayFromZero);
        Assert.Equal(expected, RelationshipStrength.At(state, later, Options));
    }

    [Fact]
    public void Without_contact_strength_decays_toward_zero()
    {
        var state = Meet(Meet(Meet(StrengthState.None, Day0), Day0.AddDays(7)), Day0.AddDays(14));
        var previous = 101;
        for (var days = 14; days <= 3650; days += 30)
        {
            var strength = RelationshipStrength.At(state, Day0.AddDays(days), Options);
            Assert.True(strength <= previous);
            previous = strength;
        }

        Assert.Equal(0, previous);
    }

    [Fact]
    public void The_order_in_which_interactions_are_logged_does_not_matter()
    {
        var inOrder = Meet(Meet(StrengthState.None, Day0), Day0.AddDays(20));
        var backDated = Meet(Meet(StrengthState.None, Day0.AddDays(20)), Day0);
        var now = Day0.AddDays(30);
        Assert.Equal(RelationshipStrength.At(inOrder, now, Options), RelationshipStrength.At(backDated, now, Options));
        Assert.Equal(inOrder.Score, backDated.Score * Math.Pow(2, -(inOrder.At - backDated.At).TotalDays / Options.HalfLifeDays), 9);
    }

    [Fact]
    public void More_recent_contact_never_lowers_strength()
    {
        // A property over many random histories: adding an interaction, whenever it happened, never lowers strength now.
        var random = new Random(2026);
        for (var run = 0; run < 500; run++)
        {
            var state = StrengthState.None;
            var now = Day0.AddDays(400);
            for (var i = random.Next(0, 8); i > 0; i--)
            {
                state = RelationshipStrength.Add(state, (InteractionKind)random.Next(4), random.Next(2) == 0, Day0.AddDays(random.Next(0, 400)), Options);
            }

            var before = RelationshipStrength.At(state, now, Options);
            var after = RelationshipStrength.At(
                RelationshipStrength.Add(state, (InteractionKind)random.Next(4), random.Next(2) == 0, Day0.AddDays(random.Next(0, 401)), Options), now, Options);
            Assert.True(after >= before, $"run {run}: {before} → {after}");
        }
    }

    [Fact]
    public void Strength_stays_within_0_and_100()
    {
        var state = StrengthState.None;
        for (var i = 0; i < 1000; i++)
        {
            state = Meet(state, Day0.AddHours(i), byClient: true);
        }

        Assert.InRange(RelationshipStrength.At(state, Day0.AddHours(1000), Options), 0, 100);
    }

    [Fact]
    public void Merging_two_histories_equals_having_logged_everything_on_one()
    {
        var a = Meet(Meet(StrengthState.None, Day0), Day0.AddDays(40));
        var b = RelationshipStrength.Add(StrengthState.None, InteractionKind.Call, true, Day0.AddDays(10), Options);
        var together = RelationshipStrength.Add(a, InteractionKind.Call, true, Day0.AddDays(10), Options);
        var now = Day0.AddDays(50);

        Assert.Equal(RelationshipStrength.At(together, now, Options), RelationshipStrength.At(RelationshipStrength.Combine(a, b, Options), now, Options));
        Assert.Equal(RelationshipStrength.At(together, now, Options), RelationshipStrength.At(RelationshipStrength.Combine(b, a, Options), now, Options));
    }

    [Fact]
    public void Warm_until_is_the_last_moment_the_strength_reaches_the_threshold()
    {
        var random = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var state = StrengthState.None;
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                state = RelationshipStrength.Add(state, (InteractionKind)random.Next(4), random.Next(2) == 0, Day0.AddDays(random.Next(0, 100)), Options);
            }

            var until = RelationshipStrength.WarmUntil(state, Options);
            if (until < state.At)
            {
                Assert.True(RelationshipStrength.At(state, state.At, Options) < Options.WarmThreshold);
                continue;
            }

            Assert.True(RelationshipStrength.At(state, until.AddSeconds(-1), Options) >= Options.WarmThreshold, $"run {run}");
            Assert.True(RelationshipStrength.At(state, until.AddMinutes(1), Options) < Options.WarmThreshold, $"run {run}");
        }
    }

    [Theory]
    [InlineData(30, 29, false)]
    [InlineData(30, 30, false)]
    [InlineData(30, 31, true)]
    [InlineData(90, 60, false)]
    [InlineData(90, 91, true)]
    public void A_relationship_goes_cold_past_the_rhythm_of_its_role(int rhythm, int days, bool cold) =>
        Assert.Equal(cold, RelationshipStrength.IsGoingCold(Day0, rhythm, Day0.AddDays(days)));
}
