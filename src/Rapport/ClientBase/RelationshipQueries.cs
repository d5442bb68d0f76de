using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>One cell of an account's coverage matrix: a contact, one of our people, and the strength between them.</summary>
public sealed record CoverageCell(Guid ContactId, string ContactName, string Role, Guid EmployeeId, string EmployeeName, int Strength, DateTime LastContactAt);

/// <summary>An account's coverage: the verdict per required role and the matrix behind it.</summary>
public sealed record AccountCoverageView(AccountCoverage Coverage, IReadOnlyList<CoverageCell> Cells, int WarmThreshold);

/// <summary>One of my relationships, with how overdue it is against its role's rhythm.</summary>
public sealed record MyRelationship(
    Guid ContactId, string ContactName, string Role, Guid AccountId, string AccountName, int Strength,
    DateTime LastContactAt, int DaysSinceContact, int RhythmDays, bool GoingCold, double Urgency);

/// <summary>Relationship strength and decision-role coverage, read at the current time.</summary>
public sealed class RelationshipQueries(RapportDb db, TimeProvider clock, IOptions<StrengthOptions> options, BuyingRoleCatalog roles)
{
    /// <summary>How much more a role that coverage requires weighs in urgency than any other.</summary>
    private const double RequiredRoleWeight = 3;

    private StrengthOptions Options => options.Value;

    public async Task<AccountCoverageView?> CoverageAsync(Viewer viewer, Guid accountId, CancellationToken ct = default)
    {
        if (!await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct))
        {
            return null;
        }

        var rows = await (from r in db.Relationships
                          join c in db.Contacts on r.ContactId equals c.Id
                          join e in db.Employees on r.EmployeeId equals e.Id
                          where c.AccountId == accountId && c.Status == ContactStatus.Active && e.Status == EmployeeStatus.Active
                          select new { c.Id, ContactName = c.FullName, c.Role, EmployeeId = e.Id, EmployeeName = e.FullName, r.Score, r.ScoreAt, r.LastContactAt })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = await roles.GetAsync(ct);
        var cells = rows
            .Select(r => new CoverageCell(r.Id, r.ContactName, r.Role, r.EmployeeId, r.EmployeeName,
                RelationshipStrength.At(new StrengthState(r.Score, r.ScoreAt), now, Options), r.LastContactAt))
            .OrderBy(c => order.OrderOf(c.Role)).ThenBy(c => c.ContactName, StringComparer.CurrentCulture).ThenBy(c => c.EmployeeName, StringComparer.CurrentCulture)
            .ToList();
        var coverage = CoverageCalculator.Compute(
            [.. cells.Select(c => new CoverageLink(c.ContactId, c.Role, c.EmployeeId, c.Strength))], order.Required, Options);
        return new AccountCoverageView(coverage, cells, Options.WarmThreshold);
    }

    /// <summary>
    /// The viewer's relationships, most urgent first: how far past its rhythm each is, weighted by the role
    /// (one that coverage requires, such as a decision-maker, matters more than a user) and by how much strength is at stake.
    /// </summary>
    public async Task<List<MyRelationship>> MineAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.EmployeeId is not { } me)
        {
            return [];
        }

        var rows = await (from r in db.Relationships
                          join c in db.Contacts on r.ContactId equals c.Id
                          join a in db.Accounts on c.AccountId equals a.Id
                          where r.EmployeeId == me && c.Status == ContactStatus.Active
                          select new { c.Id, c.FullName, c.Role, AccountId = a.Id, AccountName = a.Name, r.Score, r.ScoreAt, r.LastContactAt })
            .Take(5000)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var set = await roles.GetAsync(ct);
        return [.. rows.Select(r =>
            {
                var strength = RelationshipStrength.At(new StrengthState(r.Score, r.ScoreAt), now, Options);
                var rhythm = set.RhythmOf(r.Role);
                var days = (int)Math.Floor((now - r.LastContactAt).TotalDays);
                var overdue = Math.Max(0, days - rhythm) / (double)rhythm;
                return new MyRelationship(r.Id, r.FullName, r.Role, r.AccountId, r.AccountName, strength, r.LastContactAt, days, rhythm,
                    RelationshipStrength.IsGoingCold(r.LastContactAt, rhythm, now),
                    overdue * (set.IsRequired(r.Role) ? RequiredRoleWeight : 1) * (1 + (strength / 100.0)));
            })
            .OrderByDescending(r => r.Urgency).ThenBy(r => r.Strength)];
    }
}
