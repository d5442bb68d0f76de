namespace Rapport.Service;

/// <summary>What the health of one account is computed from, read at one instant.</summary>
/// <param name="StrongestRelationship">The strength (0–100) of our strongest relationship with the account now.</param>
/// <param name="RequiredRoles">How many buying roles the organisation requires covered.</param>
/// <param name="CoveredRoles">How many of them a warm relationship covers now.</param>
/// <param name="OpenCases">Open cases of the account.</param>
/// <param name="BreachedCases">Open cases past an SLA target.</param>
/// <param name="NearBreachCases">Open cases within the last fifth of a target.</param>
/// <param name="NextRenewal">The soonest renewal of a running service not yet turned into a deal, if any.</param>
/// <param name="RevenueLastYear">Won deals' amounts (organisation currency) closed in the last 365 days.</param>
/// <param name="RevenueYearBefore">The same for the 365 days before those.</param>
public sealed record HealthInputs(
    int StrongestRelationship, int RequiredRoles, int CoveredRoles, int OpenCases, int BreachedCases, int NearBreachCases,
    DateOnly? NextRenewal, decimal RevenueLastYear, decimal RevenueYearBefore);

public enum HealthFactorKind
{
    Relationships,
    Coverage,
    Cases,
    Renewals,
    Revenue,
}

/// <summary>Where an account's health stands: good from 70, to watch from 40, at risk below.</summary>
public enum HealthBand
{
    AtRisk,
    Watch,
    Good,
}

/// <summary>Why a factor gave the points it gave; the page turns it into a sentence in the reader's language.</summary>
public enum HealthReason
{
    StrongestRelationship,
    NoRequiredRoles,
    RolesCovered,
    NoOpenCases,
    OpenCasesOnTrack,
    CasesAtRisk,
    NoRenewalDue,
    RenewalLater,
    RenewalWithin90Days,
    RenewalWithin30Days,
    RenewalOverdue,
    NoRevenue,
    RevenueNew,
    RevenueGrowing,
    RevenueFalling,
}

/// <summary>One factor's contribution: its points out of its most, and the reason with the numbers behind it.</summary>
public sealed record HealthFactor(HealthFactorKind Kind, int Points, int Max, HealthReason Reason, decimal? Value = null, decimal? Other = null);

/// <summary>An account's health: the score 0–100 is the sum of the factors' points.</summary>
public sealed record HealthReport(int Score, IReadOnlyList<HealthFactor> Factors)
{
    public HealthBand Band => AccountHealth.BandOf(Score);
}

/// <summary>
/// Account health 0–100: relationship strength 25, decision-role coverage 25, cases 20, renewals 15 and revenue trend
/// 15 points. Each factor's points follow from numbers a user can check on the account's pages; docs/account-health.md
/// states the rules.
/// </summary>
public static class AccountHealth
{
    public const int RelationshipsMax = 25;
    public const int CoverageMax = 25;
    public const int CasesMax = 20;
    public const int RenewalsMax = 15;
    public const int RevenueMax = 15;

    public const int GoodFrom = 70;
    public const int WatchFrom = 40;

    /// <summary>What one breached and one near-breach open case take from the cases factor.</summary>
    public const int BreachedCost = 10;
    public const int NearBreachCost = 5;

    public static HealthBand BandOf(int score) => score >= GoodFrom ? HealthBand.Good : score >= WatchFrom ? HealthBand.Watch : HealthBand.AtRisk;

    public static HealthReport Compute(HealthInputs inputs, DateOnly today)
    {
        HealthFactor[] factors =
        [
            Relationships(inputs.StrongestRelationship),
            Coverage(inputs.RequiredRoles, inputs.CoveredRoles),
            Cases(inputs.OpenCases, inputs.BreachedCases, inputs.NearBreachCases),
            Renewals(inputs.NextRenewal, today),
            Revenue(inputs.RevenueLastYear, inputs.RevenueYearBefore),
        ];
        return new HealthReport(factors.Sum(f => f.Points), factors);
    }

    private static HealthFactor Relationships(int strongest)
    {
        var strength = Math.Clamp(strongest, 0, 100);
        return new(HealthFactorKind.Relationships, Share(RelationshipsMax, strength, 100), RelationshipsMax, HealthReason.StrongestRelationship, strength);
    }

    private static HealthFactor Coverage(int required, int covered)
    {
        if (required <= 0)
        {
            return new(HealthFactorKind.Coverage, CoverageMax, CoverageMax, HealthReason.NoRequiredRoles);
        }

        var held = Math.Clamp(covered, 0, required);
        return new(HealthFactorKind.Coverage, Share(CoverageMax, held, required), CoverageMax, HealthReason.RolesCovered, held, required);
    }

    private static HealthFactor Cases(int open, int breached, int near)
    {
        if (open <= 0)
        {
            return new(HealthFactorKind.Cases, CasesMax, CasesMax, HealthReason.NoOpenCases);
        }

        if (breached + near == 0)
        {
            return new(HealthFactorKind.Cases, CasesMax, CasesMax, HealthReason.OpenCasesOnTrack, open);
        }

        var points = Math.Max(0, CasesMax - (breached * BreachedCost) - (near * NearBreachCost));
        return new(HealthFactorKind.Cases, points, CasesMax, HealthReason.CasesAtRisk, breached, near);
    }

    private static HealthFactor Renewals(DateOnly? next, DateOnly today)
    {
        if (next is not { } due)
        {
            return new(HealthFactorKind.Renewals, RenewalsMax, RenewalsMax, HealthReason.NoRenewalDue);
        }

        var days = due.DayNumber - today.DayNumber;
        var (points, reason) = days switch
        {
            < 0 => (0, HealthReason.RenewalOverdue),
            <= 30 => (5, HealthReason.RenewalWithin30Days),
            <= 90 => (10, HealthReason.RenewalWithin90Days),
            _ => (RenewalsMax, HealthReason.RenewalLater),
        };
        return new(HealthFactorKind.Renewals, points, RenewalsMax, reason, days);
    }

    private static HealthFactor Revenue(decimal last, decimal before)
    {
        if (last <= 0 && before <= 0)
        {
            // Nothing to judge a trend on: half the points, neither a reward nor a penalty.
            return new(HealthFactorKind.Revenue, (RevenueMax + 1) / 2, RevenueMax, HealthReason.NoRevenue);
        }

        if (before <= 0)
        {
            return new(HealthFactorKind.Revenue, RevenueMax, RevenueMax, HealthReason.RevenueNew, last);
        }

        if (last >= before)
        {
            return new(HealthFactorKind.Revenue, RevenueMax, RevenueMax, HealthReason.RevenueGrowing, last, before);
        }

        var points = (int)Math.Round(RevenueMax * Math.Max(0m, last) / before, MidpointRounding.AwayFromZero);
        return new(HealthFactorKind.Revenue, points, RevenueMax, HealthReason.RevenueFalling, last, before);
    }

    /// <summary>Points in proportion, rounded half away from zero: max · part / whole.</summary>
    private static int Share(int max, int part, int whole) =>
        (int)Math.Round((decimal)max * part / whole, MidpointRounding.AwayFromZero);
}
