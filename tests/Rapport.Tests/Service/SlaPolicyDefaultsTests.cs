using Rapport.ClientBase;
using Rapport.Service;

namespace Rapport.Tests.Service;

/// <summary>The targets an installation starts with: one pair for every tier and priority, a closer tier never looser.</summary>
public sealed class SlaPolicyDefaultsTests
{
    [Fact]
    public void Every_tier_and_priority_has_positive_targets_with_the_resolution_after_the_first_response()
    {
        foreach (var tier in Enum.GetValues<ServiceTier>())
        {
            foreach (var priority in Enum.GetValues<CasePriority>())
            {
                var (response, resolution) = SlaPolicy.Defaults[(tier, priority)];
                Assert.True(response > 0 && resolution >= response, $"{tier} {priority}: {response} h, {resolution} h");
            }
        }
    }

    [Theory]
    [InlineData(ServiceTier.Standard, ServiceTier.Premium)]
    [InlineData(ServiceTier.Premium, ServiceTier.Strategic)]
    public void A_closer_tier_answers_and_resolves_sooner_at_every_priority(ServiceTier plain, ServiceTier closer)
    {
        foreach (var priority in Enum.GetValues<CasePriority>())
        {
            var (plainResponse, plainResolution) = SlaPolicy.Defaults[(plain, priority)];
            var (closerResponse, closerResolution) = SlaPolicy.Defaults[(closer, priority)];
            Assert.True(closerResponse < plainResponse && closerResolution < plainResolution, $"{priority}: {closer} is not closer than {plain}");
        }
    }

    [Fact]
    public void A_more_urgent_priority_is_never_given_longer_than_a_less_urgent_one_on_the_same_tier()
    {
        foreach (var tier in Enum.GetValues<ServiceTier>())
        {
            var byUrgency = Enum.GetValues<CasePriority>().Select(p => SlaPolicy.Defaults[(tier, p)]).ToList();
            for (var i = 1; i < byUrgency.Count; i++)
            {
                Assert.True(byUrgency[i].Response <= byUrgency[i - 1].Response && byUrgency[i].Resolution <= byUrgency[i - 1].Resolution, $"{tier}");
            }
        }
    }
}
