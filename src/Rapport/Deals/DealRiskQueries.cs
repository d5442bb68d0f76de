using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;

namespace Rapport.Deals;

/// <summary>
/// Deal risk for many deals at once, in four queries whatever their number: the deals, their committees, the
/// account contacts in required roles, and the relationships with all of those contacts. The deals must already be
/// ones the caller may see.
/// </summary>
public sealed class DealRiskQueries(RapportDb db, TimeProvider clock, IOptions<StrengthOptions> options, BuyingRoleCatalog roles)
{
    public async Task<Dictionary<Guid, DealRiskAssessment>> AssessAsync(IReadOnlyCollection<Guid> dealIds, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, DealRiskAssessment>();
        if (dealIds.Count == 0)
        {
            return result;
        }

        var ids = dealIds.Distinct().ToList();
        var deals = await db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id) && d.Outcome == DealOutcome.Open)
            .Select(d => new { d.Id, d.AccountId }).ToListAsync(ct);
        if (deals.Count == 0)
        {
            return result;
        }

        var set = await roles.GetAsync(ct);
        var required = set.Required.ToList();
        var openIds = deals.Select(d => d.Id).ToList();
        var accountIds = deals.Select(d => d.AccountId).Distinct().ToList();
        var committee = await (from m in db.DealContacts
                               join c in db.Contacts on m.ContactId equals c.Id
                               where openIds.Contains(m.DealId) && c.Status == ContactStatus.Active
                               select new { m.DealId, c.Id, c.FullName, m.Role }).ToListAsync(ct);
        var accountContacts = await db.Contacts.AsNoTracking()
            .Where(c => accountIds.Contains(c.AccountId) && c.Status == ContactStatus.Active && required.Contains(c.Role))
            .Select(c => new { c.AccountId, c.Id, c.FullName, c.Role }).ToListAsync(ct);
        var contactIds = committee.Select(c => c.Id).Concat(accountContacts.Select(c => c.Id)).Distinct().ToList();
        var links = await (from r in db.Relationships
                           join e in db.Employees on r.EmployeeId equals e.Id
                           where contactIds.Contains(r.ContactId) && e.Status == EmployeeStatus.Active
                           select new { r.ContactId, r.EmployeeId, r.Score, r.ScoreAt, r.WarmUntil, r.LastContactAt }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var strength = options.Value;
        var byContact = links.Select(l => new RiskLink(l.ContactId, l.EmployeeId,
                RelationshipStrength.At(new StrengthState(l.Score, l.ScoreAt), now, strength), l.WarmUntil, l.LastContactAt))
            .ToLookup(l => l.ContactId);
        foreach (var deal in deals)
        {
            var members = committee.Where(c => c.DealId == deal.Id).Select(c => new RiskContact(c.Id, c.FullName, c.Role)).ToList();
            var onAccount = accountContacts.Where(c => c.AccountId == deal.AccountId).Select(c => new RiskContact(c.Id, c.FullName, c.Role)).ToList();
            var relevant = members.Concat(onAccount).SelectMany(c => byContact[c.ContactId]).Distinct().ToList();
            result[deal.Id] = DealRisk.Assess(members, onAccount, relevant, required, set.RhythmOf, strength.WarmThreshold, now);
        }

        return result;
    }

    /// <summary>The assessment in words in the current UI language.</summary>
    public async Task<DealRiskView> ViewAsync(DealRiskAssessment assessment, CancellationToken ct = default)
    {
        var set = await roles.GetAsync(ct);
        return new DealRiskView(assessment.AtRisk, assessment.Reasons, [.. assessment.Reasons.Select(r => DealRisk.Describe(r, set.NameOf))]);
    }
}
