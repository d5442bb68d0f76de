using Rapport.Staffing.Engine;
using static Rapport.Tests.Staffing.StaffingBuilders;

namespace Rapport.Tests.Staffing;

/// <summary>The score's arithmetic, its words in both languages, gates and gaps.</summary>
public sealed class ProfileScorerTests
{
    private static readonly RoleProfile Persuader = AProfile(new Criterion(Competencies.Persuasion, 20), new Criterion(Competencies.Communication, 80));

    [Fact]
    public void Evidence_levels_count_at_half_four_fifths_and_in_full()
    {
        Assert.Equal((0.5m, 0.8m, 1.0m), (ProfileScorer.Factor(EvidenceLevel.SelfDeclared), ProfileScorer.Factor(EvidenceLevel.DocumentChecked), ProfileScorer.Factor(EvidenceLevel.Assessed)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProfileScorer.Factor((EvidenceLevel)7));
    }

    [Fact]
    public void A_large_company_scores_the_business_graduate_by_hand()
    {
        var score = ScoreOf(ProfileTemplates.LargeCompany, Elena);

        // 25 × 4/4 × 0.8, 20 × 3/4 × 0.8, 10 × 3/4 × 0.8, 5 × 2/4 × 0.8, 10 × 2/4 × 1.0 (twice), 10 × 2/4 × 0.5, 10 × 1/4 × 0.5 = 1.25 → 1.3
        Assert.Equal([20.0m, 12.0m, 6.0m, 2.0m, 5.0m, 5.0m, 2.5m, 1.3m, 0m, 0m], score.Criteria.Select(c => c.Points));
        Assert.Equal([25m, 20m, 10m, 5m, 10m, 10m, 10m, 10m, 5m, 10m], score.Criteria.Select(c => c.MaxPoints));
        Assert.Equal((53.8m, 0m, 53.8m, 1m), (score.Score, score.Bonus, score.Total, score.Coverage));
        Assert.Equal(GateOutcome.Passed, Assert.Single(score.Gates).Outcome);
    }

    [Fact]
    public void A_small_business_scores_the_natural_seller_by_hand()
    {
        var score = ScoreOf(ProfileTemplates.SmallBusiness, Georgi);

        // 25, 25, 20 in full; 10 × 3/4; 10 × 3/4 × 0.8; courses unknown; 5 × 1/4 × 0.8; client base 10 × 3/4 × 0.8 as bonus
        Assert.Equal([25.0m, 25.0m, 20.0m, 7.5m, 6.0m, 0m, 1.0m, 0m, 6.0m], score.Criteria.Select(c => c.Points));
        Assert.Equal((84.5m, 6.0m, 90.5m, 0.95m), (score.Score, score.Bonus, score.Total, score.Coverage));
        Assert.Equal(GateOutcome.Passed, Assert.Single(score.Gates).Outcome);
    }

    [Fact]
    public void An_industrial_seller_scores_the_engineer_by_hand()
    {
        var score = ScoreOf(ProfileTemplates.IndustrialSeller,
            Documented(Competencies.EngineeringEducation, 4),
            Seen(Competencies.DomainKnowledge, 3),
            Documented(Competencies.SameFieldExperience, 3, "Reference letter"),
            Seen(Competencies.Communication, 2),
            Claimed(Competencies.Persuasion, 2),
            Documented(Competencies.SalesExperience, 3, "Employment record"));

        // 25 × 1 × 0.8, 25 × 3/4 = 18.75 → 18.8, 20 × 3/4 × 0.8, 10 × 2/4, 10 × 2/4 × 0.5, relationships unknown; bonus 5 × 3/4 × 0.8
        Assert.Equal([20.0m, 18.8m, 12.0m, 5.0m, 2.5m, 0m, 3.0m, 0m], score.Criteria.Select(c => c.Points));
        Assert.Equal((58.3m, 3.0m, 61.3m, 0.9m), (score.Score, score.Bonus, score.Total, score.Coverage));
        Assert.Equal([GateOutcome.Passed, GateOutcome.Passed], score.Gates.Select(g => g.Outcome));
    }

    [Fact]
    public void The_same_three_people_rank_in_opposite_orders_for_a_small_business_and_a_large_company()
    {
        var people = new[] { ("Elena", Elena), ("Georgi", Georgi), ("Nikolay", Nikolay) };
        List<(string, decimal)> Ranking(RoleProfile profile) =>
            [.. people.Select(p => (p.Item1, ScoreOf(profile, p.Item2).Total)).OrderByDescending(p => p.Total)];

        Assert.Equal([("Elena", 53.8m), ("Nikolay", 47.5m), ("Georgi", 41.5m)], Ranking(ProfileTemplates.LargeCompany));
        Assert.Equal([("Georgi", 90.5m), ("Nikolay", 65.6m), ("Elena", 43.8m)], Ranking(ProfileTemplates.SmallBusiness));
    }

    [Fact]
    public void Unequal_shares_add_up_to_exactly_100_so_a_perfect_score_is_100()
    {
        var six = AProfile([.. CompetencyCatalogue.Default.Take(6).Select(c => new Criterion(c.Code, 1))]);
        var three = AProfile([.. CompetencyCatalogue.Default.Take(3).Select(c => new Criterion(c.Code, 1))]);

        var perfect = ScoreOf(six, [.. six.Criteria.Select(c => Seen(c.Competency, 4))]);

        // 100 / 6 = 16.67 each: four get 16.7 and two 16.6 (the tenths left by rounding down go to the first on a tie).
        Assert.Equal([16.7m, 16.7m, 16.7m, 16.7m, 16.6m, 16.6m], perfect.Criteria.Select(c => c.MaxPoints));
        Assert.Equal(100.0m, perfect.Score);
        Assert.Equal([33.4m, 33.3m, 33.3m], ScoreOf(three).Criteria.Select(c => c.MaxPoints));
    }

    [Fact]
    public void The_explanation_gives_the_rating_level_factor_and_points_in_english_and_bulgarian()
    {
        var evidence = Seen(Competencies.Persuasion, 3, "Interview — Мария Иванова");

        Assert.Equal("Persuasion and negotiation: 3 of 4, assessed (× 1.0) of 20.0 points → 15.0 (Interview — Мария Иванова)",
            ScoreOf(Persuader, En, evidence).Line(Competencies.Persuasion).Explanation);
        Assert.Equal("Убеждаване и преговори: 3 от 4, оценено от нас (× 1,0) от 20,0 точки → 15,0 (Interview — Мария Иванова)",
            ScoreOf(Persuader, Bg, evidence).Line(Competencies.Persuasion).Explanation);
    }

    [Fact]
    public void Several_ratings_at_the_best_level_are_averaged_and_the_explanation_says_of_how_many()
    {
        EvidenceItem[] evidence =
        [
            Seen(Competencies.Persuasion, 3, "Interview — Мария Иванова"),
            Seen(Competencies.Persuasion, 4, "Interview — Петър Колев"),
            Seen(Competencies.Persuasion, 4, "Role-play"),
            Claimed(Competencies.Persuasion, 0),
        ];
        var line = ScoreOf(Persuader, evidence).Line(Competencies.Persuasion);

        // (3 + 4 + 4) / 3 = 3.666… → 3.67; 20 × 3.67 / 4 = 18.35 → 18.4. The self-declared 0 is outranked, not averaged in.
        Assert.Equal((3.67m, EvidenceLevel.Assessed, 18.4m), (line.Rating, line.Level, line.Points));
        Assert.Equal(["Interview — Мария Иванова", "Interview — Петър Колев", "Role-play"], line.Sources);
        Assert.Equal("Persuasion and negotiation: 3.67 of 4 (mean of 3), assessed (× 1.0) of 20.0 points → 18.4 (Interview — Мария Иванова; Interview — Петър Колев; Role-play)",
            line.Explanation);
        Assert.Equal("Убеждаване и преговори: 3,67 от 4 (средно от 3 оценки), оценено от нас (× 1,0) от 20,0 точки → 18,4 (Interview — Мария Иванова; Interview — Петър Колев; Role-play)",
            ScoreOf(Persuader, Bg, evidence).Line(Competencies.Persuasion).Explanation);
    }

    [Fact]
    public void A_mean_is_rounded_to_two_decimals_half_away_from_zero_before_the_points()
    {
        // (2.5 + 2.51) / 2 = 2.505 → 2.51 (not 2.50 as banker's rounding would give); 20 × 2.51 / 4 = 12.55 → 12.6.
        var line = ScoreOf(Persuader, Seen(Competencies.Persuasion, 2.5m), Seen(Competencies.Persuasion, 2.51m, "Role-play")).Line(Competencies.Persuasion);

        Assert.Equal((2.51m, 12.6m), (line.Rating, line.Points));
    }

    [Fact]
    public void A_self_declared_document_checked_line_reads_with_its_factor()
    {
        Assert.Equal("Communication: 2.5 of 4, document-checked (× 0.8) of 80.0 points → 40.0 (Reference letter)",
            ScoreOf(Persuader, Documented(Competencies.Communication, 2.5m, "Reference letter")).Line(Competencies.Communication).Explanation);
        Assert.Equal("Комуникация: 1 от 4, самодекларирано (× 0,5) от 80,0 точки → 10,0 (CV)",
            ScoreOf(Persuader, Bg, Claimed(Competencies.Communication, 1)).Line(Competencies.Communication).Explanation);
    }

    [Fact]
    public void No_evidence_is_not_a_zero_rating()
    {
        var none = ScoreOf(Persuader).Line(Competencies.Persuasion);
        var zero = ScoreOf(Persuader, Seen(Competencies.Persuasion, 0)).Line(Competencies.Persuasion);

        Assert.Equal((null, null, 0m, false), (none.Rating, none.Level, none.Points, none.HasEvidence));
        Assert.Equal((0m, EvidenceLevel.Assessed, 0m, true), (zero.Rating, zero.Level, zero.Points, zero.HasEvidence));
        Assert.Equal("Persuasion and negotiation: no evidence yet (of 20.0 points)", none.Explanation);
        Assert.Equal("Убеждаване и преговори: все още няма данни (от 20,0 точки)", ScoreOf(Persuader, Bg).Line(Competencies.Persuasion).Explanation);
        Assert.Equal("Persuasion and negotiation: 0 of 4, assessed (× 1.0) of 20.0 points → 0.0 (Interview)", zero.Explanation);
        // Coverage counts the known: the zero is known, the silence is not.
        Assert.Equal((0m, 0.2m), (ScoreOf(Persuader).Coverage, ScoreOf(Persuader, Seen(Competencies.Persuasion, 0)).Coverage));
    }

    [Fact]
    public void A_nice_to_have_adds_bonus_points_and_never_lowers_the_score()
    {
        var profile = AProfile(new Criterion(Competencies.Communication, 100), new Criterion(Competencies.ClientBase, 10, NiceToHave: true));
        var without = ScoreOf(profile, Seen(Competencies.Communication, 3));
        var low = ScoreOf(profile, Seen(Competencies.Communication, 3), Claimed(Competencies.ClientBase, 0));
        var high = ScoreOf(profile, En, Seen(Competencies.Communication, 3), Seen(Competencies.ClientBase, 3, "Client base: 2 named decision-makers, 1 confirmed by reference"));

        Assert.Equal((75.0m, 0m, 75.0m), (without.Score, without.Bonus, without.Total));
        Assert.Equal((75.0m, 0m, 75.0m), (low.Score, low.Bonus, low.Total));
        Assert.Equal((75.0m, 7.5m, 82.5m), (high.Score, high.Bonus, high.Total));
        Assert.Equal(1m, high.Coverage);
        Assert.Equal("Client base of real relationships (nice to have): 3 of 4, assessed (× 1.0) of 10.0 bonus points → 7.5 (Client base: 2 named decision-makers, 1 confirmed by reference)",
            high.Line(Competencies.ClientBase).Explanation);
        Assert.Equal("Клиентска база от реални отношения (предимство): все още няма данни (от 10,0 бонус точки)",
            ScoreOf(profile, Bg).Line(Competencies.ClientBase).Explanation);
    }

    [Fact]
    public void The_highest_level_present_counts_even_when_a_lower_one_rates_higher()
    {
        // 20 × 2/4 × 0.8, where the claimed 4 would have given 20 × 4/4 × 0.5 = 10.
        var line = ScoreOf(Persuader, Claimed(Competencies.Persuasion, 4), Documented(Competencies.Persuasion, 2, "Reference letter")).Line(Competencies.Persuasion);

        Assert.Equal((2m, EvidenceLevel.DocumentChecked, 0.8m, 8.0m), (line.Rating, line.Level, line.Factor, line.Points));
        Assert.Equal(["Reference letter"], line.Sources);
    }

    [Fact]
    public void Evidence_for_a_competency_the_profile_does_not_score_is_ignored()
    {
        var score = ScoreOf(Persuader, Seen(Competencies.EngineeringEducation, 4), Seen("not-in-any-catalogue", 4));

        Assert.Equal((0m, 0m, 0m), (score.Score, score.Bonus, score.Coverage));
        Assert.Equal(2, score.Criteria.Count);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(4.01)]
    public void A_rating_outside_0_to_4_is_a_bug_the_handlers_prevent(double rating)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreOf(Persuader, Seen(Competencies.Persuasion, (decimal)rating)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreOf(Persuader, Seen(Competencies.EngineeringEducation, (decimal)rating)));
    }

    [Fact]
    public void A_gate_passes_fails_or_waits_for_evidence_with_its_reason_in_words()
    {
        var profile = ProfileTemplates.LargeCompany;

        var passed = Assert.Single(ScoreOf(profile, Documented(Competencies.BusinessEducation, 3, "Bachelor's diploma")).Gates);
        var failed = Assert.Single(ScoreOf(profile, Claimed(Competencies.BusinessEducation, 1)).Gates);
        var unknown = Assert.Single(ScoreOf(profile).Gates);

        Assert.Equal((GateOutcome.Passed, 3m, EvidenceLevel.DocumentChecked), (passed.Outcome, passed.Rating, passed.Level));
        Assert.Equal("Business education (economics, law, management): 3 of 4, document-checked; the profile needs at least 3, document-checked", passed.Reason);
        Assert.Equal((GateOutcome.Failed, 1m, EvidenceLevel.SelfDeclared), (failed.Outcome, failed.Rating, failed.Level));
        Assert.Equal("Business education (economics, law, management): 1 of 4, self-declared; the profile needs at least 3, document-checked", failed.Reason);
        Assert.Equal((GateOutcome.NoEvidence, null, null), (unknown.Outcome, unknown.Rating, unknown.Level));
        Assert.Equal("Business education (economics, law, management): no evidence yet; the profile needs at least 3, document-checked", unknown.Reason);
        Assert.Equal("Бизнес образование (икономика, право, мениджмънт): 1 от 4, самодекларирано; профилът изисква поне 3, проверено по документ",
            Assert.Single(ScoreOf(profile, Bg, Claimed(Competencies.BusinessEducation, 1)).Gates).Reason);
        Assert.Equal("Бизнес образование (икономика, право, мениджмънт): все още няма данни; профилът изисква поне 3, проверено по документ",
            Assert.Single(ScoreOf(profile, Bg).Gates).Reason);
    }

    [Fact]
    public void A_high_rating_below_the_gate_s_evidence_level_fails_it_and_the_score_keeps_its_points()
    {
        var score = ScoreOf(ProfileTemplates.LargeCompany, Claimed(Competencies.BusinessEducation, 4));
        var gate = Assert.Single(score.Gates);

        Assert.Equal(GateOutcome.Failed, gate.Outcome);
        Assert.True(score.AnyGateFailed);
        // A flag, not a penalty: 25 × 4/4 × 0.5.
        Assert.Equal(12.5m, score.Score);
    }

    [Fact]
    public void A_gate_without_an_evidence_level_reads_without_one()
    {
        var profile = Persuader.With(new Gate(Competencies.Persuasion, 2));

        var gate = Assert.Single(ScoreOf(profile, Claimed(Competencies.Persuasion, 2)).Gates);

        Assert.Equal(GateOutcome.Passed, gate.Outcome);
        Assert.Equal("Persuasion and negotiation: 2 of 4, self-declared; the profile needs at least 2", gate.Reason);
        Assert.Equal("Убеждаване и преговори: все още няма данни; профилът изисква поне 2", Assert.Single(ScoreOf(profile, Bg).Gates).Reason);
    }

    [Fact]
    public void Gaps_are_the_criteria_below_target_or_unknown_with_the_catalogue_s_actions()
    {
        var score = ScoreOf(Persuader with { Criteria = [.. Persuader.Criteria, new(Competencies.ClientBase, 5, NiceToHave: true, Target: 2)] },
            Seen(Competencies.Persuasion, 2), Seen(Competencies.Communication, 3), Claimed(Competencies.ClientBase, 2));

        var gap = Assert.Single(score.Gaps);
        Assert.Equal((Competencies.Persuasion, 2m, 3), (gap.Competency, gap.Rating, gap.Target));
        Assert.Equal(CompetencyCatalogue.Default.Single(c => c.Code == Competencies.Persuasion).DevelopmentActions, gap.Actions);
        Assert.Equal("A negotiation course with role-plays", gap.Actions[0].In(En));
        Assert.Equal("Курс по преговори с ролеви игри", gap.Actions[0].In(Bg));

        var unknown = ScoreOf(Persuader).Gaps;
        Assert.Equal([(Competencies.Persuasion, (decimal?)null), (Competencies.Communication, null)], unknown.Select(g => (g.Competency, g.Rating)));
    }
}
