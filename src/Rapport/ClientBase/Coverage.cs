namespace Rapport.ClientBase;

/// <summary>One relationship as coverage sees it: which contact in which role, which of our people, how strong.</summary>
public sealed record CoverageLink(Guid ContactId, string Role, Guid EmployeeId, int Strength);

/// <summary>Whether one required buying role is held by a contact we have a warm relationship with.</summary>
public sealed record RoleCoverage(string Role, bool Covered, int BestStrength, Guid? ContactId, Guid? EmployeeId);

/// <summary>An account's decision-role coverage and whether it hangs on one person on either side.</summary>
public sealed record AccountCoverage(IReadOnlyList<RoleCoverage> Roles, bool SingleThreaded)
{
    public bool FullyCovered => Roles.All(r => r.Covered);

    public int CoveredCount => Roles.Count(r => r.Covered);
}

/// <summary>Computes coverage from the relationships of active contacts with active employees.</summary>
public static class CoverageCalculator
{
    public static AccountCoverage Compute(IReadOnlyCollection<CoverageLink> links, IEnumerable<string> requiredRoles, StrengthOptions options)
    {
        var roles = requiredRoles.Distinct(StringComparer.Ordinal).Select(role =>
        {
            var best = links.Where(l => string.Equals(l.Role, role, StringComparison.Ordinal)).OrderByDescending(l => l.Strength).FirstOrDefault();
            return best is null
                ? new RoleCoverage(role, false, 0, null, null)
                : new RoleCoverage(role, best.Strength >= options.WarmThreshold, best.Strength, best.ContactId, best.EmployeeId);
        }).ToList();

        // Single-threaded: the warm part of the account rests on one contact or on one of our people.
        var warm = links.Where(l => l.Strength >= options.WarmThreshold).ToList();
        var singleThreaded = warm.Count > 0
            && (warm.Select(l => l.ContactId).Distinct().Count() == 1 || warm.Select(l => l.EmployeeId).Distinct().Count() == 1);
        return new AccountCoverage(roles, singleThreaded);
    }
}
