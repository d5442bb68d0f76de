using System.Globalization;

namespace Rapport.Deals;

/// <summary>A contact who counts for a deal's risk: on its buying committee, or on the account when the committee names nobody in a role.</summary>
public sealed record RiskContact(Guid ContactId, string Name, string Role);

/// <summary>One of our people's relationship with a contact, as of now.</summary>
public sealed record RiskLink(Guid ContactId, Guid EmployeeId, int Strength, DateTime WarmUntil, DateTime LastContactAt);

/// <summary>Why a deal is at risk.</summary>
public enum RiskReasonKind
{
    /// <summary>Nobody in a required role, on the committee or on the account.</summary>
    RoleMissing,

    /// <summary>Someone holds the role, but none of our people has a warm relationship with them.</summary>
    RoleNotWarm,

    /// <summary>The relationship with the role is warm, but cooling: it will not be warm within the horizon, or contact is overdue.</summary>
    RoleGoingCold,

    /// <summary>Every warm relationship behind the deal is with one contact.</summary>
    SingleThreaded,
}

/// <summary>One reason, with what it is about: the role's code, the contact's name, and for a cooling one the days left warm.</summary>
public sealed record RiskReason(RiskReasonKind Kind, string? Role = null, string? ContactName = null, int? DaysLeft = null);

/// <summary>A deal's risk: at risk when there is any reason.</summary>
public sealed record DealRiskAssessment(IReadOnlyList<RiskReason> Reasons)
{
    public static readonly DealRiskAssessment None = new([]);

    public bool AtRisk => Reasons.Count > 0;
}

/// <summary>
/// Deal risk read from relationships. For each role coverage requires (decision-maker and signatory unless the buying
/// roles say otherwise), the people in it on the buying committee, or on the account when the committee names
/// nobody in it, must have a warm relationship with one of our people that stays warm for
/// <see cref="HorizonDays"/> more days and whose last contact is within the role's rhythm. A deal whose warm
/// relationships all rest on one contact is single-threaded. Pure: the query gathers its inputs for many deals at once.
/// </summary>
public static class DealRisk
{
    /// <summary>How far ahead a relationship must stay warm not to count as going cold.</summary>
    public const int HorizonDays = 14;

    public static DealRiskAssessment Assess(
        IReadOnlyCollection<RiskContact> committee, IReadOnlyCollection<RiskContact> accountContacts,
        IReadOnlyCollection<RiskLink> links, IReadOnlyList<string> requiredRoles, Func<string, int> rhythmDays, int warmThreshold, DateTime now)
    {
        var reasons = new List<RiskReason>();
        var counted = new List<RiskContact>(committee);
        foreach (var role in requiredRoles)
        {
            var holders = committee.Where(c => c.Role == role).ToList();
            if (holders.Count == 0)
            {
                holders = [.. accountContacts.Where(c => c.Role == role)];
                counted.AddRange(holders);
            }

            if (holders.Count == 0)
            {
                reasons.Add(new RiskReason(RiskReasonKind.RoleMissing, role));
                continue;
            }

            var warm = links.Where(l => holders.Any(h => h.ContactId == l.ContactId) && IsWarm(l, warmThreshold, now)).ToList();
            if (warm.Count == 0)
            {
                reasons.Add(new RiskReason(RiskReasonKind.RoleNotWarm, role, holders[0].Name));
                continue;
            }

            // The best-kept relationship with the role decides: if even it cools, the role is going cold.
            var best = warm.MaxBy(l => l.WarmUntil)!;
            var daysLeft = (int)Math.Floor((best.WarmUntil - now).TotalDays);
            var overdue = (now - best.LastContactAt).TotalDays > rhythmDays(role);
            if (daysLeft < HorizonDays || overdue)
            {
                var name = holders.First(h => h.ContactId == best.ContactId).Name;
                reasons.Add(new RiskReason(RiskReasonKind.RoleGoingCold, role, name, Math.Max(0, daysLeft)));
            }
        }

        var warmContacts = links.Where(l => IsWarm(l, warmThreshold, now) && counted.Any(c => c.ContactId == l.ContactId))
            .Select(l => l.ContactId).Distinct().ToList();
        if (warmContacts.Count == 1)
        {
            reasons.Add(new RiskReason(RiskReasonKind.SingleThreaded, ContactName: counted.First(c => c.ContactId == warmContacts[0]).Name));
        }

        return reasons.Count == 0 ? DealRiskAssessment.None : new DealRiskAssessment(reasons);
    }

    private static bool IsWarm(RiskLink link, int threshold, DateTime now) => link.WarmUntil > now && link.Strength >= threshold;

    /// <summary>A reason in words, in the current UI language, with the role named by <paramref name="roleName"/>.</summary>
    public static string Describe(RiskReason reason, Func<string, string> roleName) => reason.Kind switch
    {
        RiskReasonKind.RoleMissing => Format(DealTexts.RiskRoleMissing, roleName(reason.Role!)),
        RiskReasonKind.RoleNotWarm => Format(DealTexts.RiskRoleNotWarm, roleName(reason.Role!), reason.ContactName),
        RiskReasonKind.RoleGoingCold => Format(DealTexts.RiskRoleGoingCold, roleName(reason.Role!), reason.ContactName, reason.DaysLeft),
        _ => Format(DealTexts.RiskSingleThreaded, reason.ContactName),
    };

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
