using CsCheck;
using Rapport.Staffing.Engine;
using static Rapport.Tests.Staffing.StaffingBuilders;

namespace Rapport.Tests.Staffing;

/// <summary>What holds for any valid profile and any evidence.</summary>
public sealed class StaffingPropertyTests
{
    [Fact]
    public void The_generated_profiles_are_valid()
    {
        StaffingGenerators.Profiles.Sample(p => Assert.True(ProfileDocument.Validate(p, Codes).IsSuccess, string.Join("; ", ProfileDocument.Validate(p, Codes).Errors.Select(e => e.Message))), iter: 500);
    }

    [Fact]
    public void The_score_is_0_to_100_the_sum_of_its_rounded_points_and_the_bonus_never_negative()
    {
        Gen.Select(StaffingGenerators.Profiles, StaffingGenerators.Evidence).Sample((profile, evidence) =>
        {
            var score = ScoreOf(profile, evidence);

            Assert.InRange(score.Score, 0m, 100m);
            Assert.True(score.Bonus >= 0);
            Assert.InRange(score.Coverage, 0m, 1m);
            Assert.All(score.Criteria, c => Assert.Equal(c.Points, Math.Round(c.Points, 1)));
            Assert.All(score.Criteria, c => Assert.InRange(c.Points, 0m, c.MaxPoints));
            Assert.Equal(score.Criteria.Where(c => !c.Criterion.NiceToHave).Sum(c => c.Points), score.Score);
            Assert.Equal(score.Score + score.Bonus, score.Total);
            Assert.Equal(100.0m, score.Criteria.Where(c => !c.Criterion.NiceToHave).Sum(c => c.MaxPoints));
        }, iter: 2_000);
    }

    [Fact]
    public void A_higher_rating_never_lowers_the_score()
    {
        Gen.Select(StaffingGenerators.Profiles, StaffingGenerators.Evidence, Gen.Int[0, 19], StaffingGenerators.Rating).Sample((profile, evidence, pick, more) =>
        {
            if (evidence.Length == 0)
            {
                return;
            }

            var index = pick % evidence.Length;
            var raised = evidence.ToArray();
            raised[index] = raised[index] with { Rating = Math.Min(4, raised[index].Rating + more) };

            Assert.True(ScoreOf(profile, raised).Total >= ScoreOf(profile, evidence).Total);
        }, iter: 2_000);
    }

    [Fact]
    public void Evidence_at_a_higher_level_replaces_what_was_known_at_lower_ones()
    {
        Gen.Select(StaffingGenerators.Profiles, StaffingGenerators.Evidence, StaffingGenerators.Rating).Sample((profile, evidence, rating) =>
        {
            var code = profile.Criteria[0].Competency;
            var others = evidence.Where(e => e.Competency != code).ToArray();
            var lower = evidence.Select(e => e with { Level = EvidenceLevel.SelfDeclared }).ToArray();
            var assessed = Seen(code, rating);

            // With an assessed item, the lower-level ones about the same competency no longer matter.
            var alone = ScoreOf(profile, [.. others, assessed]);
            var replaced = ScoreOf(profile, [.. lower.Where(e => e.Competency == code), .. others, assessed]);
            Assert.Equal(alone.Line(code).Explanation, replaced.Line(code).Explanation);
            Assert.Equal(alone.Total, replaced.Total);
        }, iter: 1_000);
    }

    [Fact]
    public void A_nice_to_have_never_lowers_the_score()
    {
        Gen.Select(StaffingGenerators.Profiles, StaffingGenerators.Evidence, StaffingGenerators.Item).Sample((profile, evidence, item) =>
        {
            if (profile.Criteria.FirstOrDefault(c => c.NiceToHave) is not { } nice)
            {
                return;
            }

            var before = ScoreOf(profile, [.. evidence.Where(e => e.Competency != nice.Competency)]);
            var after = ScoreOf(profile, [.. evidence.Where(e => e.Competency != nice.Competency), item with { Competency = nice.Competency }]);

            Assert.Equal(before.Score, after.Score);
            Assert.True(after.Total >= before.Total);
        }, iter: 1_000);
    }

    [Fact]
    public void A_profile_reads_back_from_its_document_as_it_was()
    {
        StaffingGenerators.Profiles.Sample(profile =>
        {
            var read = ProfileDocument.Parse(ProfileDocument.Write(profile), Codes);

            Assert.True(read.IsSuccess, string.Join("; ", read.Errors.Select(e => e.Message)));
            Assert.Equal(profile, read.Value);
        }, iter: 2_000);
    }
}
