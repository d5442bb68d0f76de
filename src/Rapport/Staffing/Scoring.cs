using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.People;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

/// <summary>
/// Gathers what is known about a candidate or an employee as evidence and scores it against a profile: recorded
/// ratings, the claimed client base, sales experience from the CV, and for people already here what Rapport knows
/// of their relationships and deals.
/// </summary>
public sealed class Scoring(RapportDb db, Catalogue catalogue, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The evidence about one candidate, in <paramref name="culture"/>; <paramref name="withoutScorecards"/> leaves out the
    /// interview scorecards' ratings, for a rater who has not submitted theirs yet.
    /// </summary>
    public async Task<List<EvidenceItem>> CandidateEvidenceAsync(Candidate candidate, CultureInfo culture, bool withoutScorecards = false,
        CancellationToken ct = default)
    {
        var items = await db.Evidence.AsNoTracking()
            .Where(e => e.CandidateId == candidate.Id || (candidate.EmployeeId != null && e.EmployeeId == candidate.EmployeeId))
            .Where(e => !withoutScorecards || e.ScorecardId == null)
            .OrderBy(e => e.RecordedAt)
            .Select(e => new EvidenceItem(e.Competency, e.Rating, e.Level, e.Source))
            .ToListAsync(ct);
        var clientBase = await db.CandidateClientBase.AsNoTracking().Where(c => c.CandidateId == candidate.Id)
            .Select(c => new ClientBaseItem(c.Kind, c.Company, c.Note)).ToListAsync(ct);
        if (EvidenceRules.RateClientBase(clientBase, culture) is { } rated)
        {
            items.Add(rated);
        }

        var experience = await db.CandidateExperience.AsNoTracking().Where(x => x.CandidateId == candidate.Id)
            .Select(x => new { x.Years, x.SameField }).ToListAsync(ct);
        items.AddRange(ExperienceRule.Evidence(experience.Sum(x => x.Years), experience.Where(x => x.SameField).Sum(x => x.Years), experience.Count, culture));
        if (candidate.EmployeeId is { } employeeId)
        {
            var facts = await FactsAsync([employeeId], ct);
            if (facts.TryGetValue(employeeId, out var known))
            {
                items.AddRange(EvidenceRules.FromEmployee(known, culture));
            }
        }

        return items;
    }

    /// <summary>Scores a candidate under their vacancy's latest profile version, keeps the result for the ranking and logs it with its inputs.</summary>
    public async Task<ProfileScore?> RescoreAsync(Candidate candidate, CancellationToken ct = default)
    {
        var profileId = await db.Vacancies.Where(v => v.Id == candidate.VacancyId).Select(v => v.ProfileId).FirstAsync(ct);
        var latest = await LatestVersionAsync(profileId, ct);
        if (latest is null)
        {
            return null;
        }

        // Stored scores and the log are culture-neutral: the sources are re-explained in the reader's language when shown.
        var evidence = await CandidateEvidenceAsync(candidate, CultureInfo.InvariantCulture, ct: ct);
        var score = ProfileScorer.Score(latest.Value.Profile, evidence, await catalogue.AllAsync(ct), CultureInfo.InvariantCulture);
        candidate.Total = score.Total;
        candidate.Rank = (int)Math.Round(score.Total * 10m, MidpointRounding.AwayFromZero);
        candidate.Score = score.Score;
        candidate.Coverage = Math.Round(score.Coverage, 4, MidpointRounding.AwayFromZero);
        candidate.GateFailed = score.AnyGateFailed;
        candidate.ScoredVersionId = latest.Value.VersionId;
        StaffingLog.Add(db, clock, StaffingLogKind.Score, candidate.VacancyId, candidate.Id, candidate.EmployeeId, latest.Value.VersionId, score.Total,
            inputs: JsonSerializer.Serialize(evidence, Json));
        return score;
    }

    /// <summary>A profile's latest version, parsed.</summary>
    public async Task<(Guid VersionId, int Number, RoleProfile Profile)?> LatestVersionAsync(Guid profileId, CancellationToken ct = default)
    {
        var latest = await db.RoleProfileVersions.AsNoTracking().Where(v => v.ProfileId == profileId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.Document }).FirstOrDefaultAsync(ct);
        return latest is null ? null : (latest.Id, latest.Number, ProfileDocument.Parse(latest.Document, await catalogue.CodesAsync(ct)).Value);
    }

    /// <summary>
    /// What Rapport knows of each employee, in four grouped reads however many there are: their relationships
    /// (warm ones with decision-makers and signatories), the deals they were credited on, and how long they have worked here.
    /// </summary>
    public async Task<Dictionary<Guid, EmployeeFacts>> FactsAsync(IReadOnlyCollection<Guid>? employeeIds, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var employees = db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active);
        if (employeeIds is not null)
        {
            employees = employees.Where(e => employeeIds.Contains(e.Id));
        }

        var people = await employees.Select(e => new { e.Id, e.Position, e.EmploymentStart }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var relationships = db.Relationships.AsNoTracking();
        var deals = db.DealSplits.AsNoTracking();
        if (employeeIds is not null)
        {
            relationships = relationships.Where(r => ids.Contains(r.EmployeeId));
            deals = deals.Where(s => ids.Contains(s.EmployeeId));
        }

        // Two reads rather than one grouped join: counting every relationship needs no contact, so it is a walk of the
        // employee index, and only the warm ones meet their contacts. Joining all of them to count in one pass looked up
        // a contact for each of dataset M's million relationships (5-7 s on SQLite; see docs/benchmarks.md).
        var all = await relationships.GroupBy(r => r.EmployeeId).Select(g => new { EmployeeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.EmployeeId, x => x.Count, ct);
        var warm = await (from r in relationships
                          where r.WarmUntil > now
                          join c in db.Contacts on r.ContactId equals c.Id
                          where c.Role == BuyingRoles.DecisionMaker || c.Role == BuyingRoles.Signatory
                          group r by r.EmployeeId into g
                          select new { EmployeeId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.EmployeeId, x => x.Count, ct);
        var credited = await (from s in deals
                              join d in db.Deals on s.DealId equals d.Id
                              group d.Outcome by s.EmployeeId into g
                              select new { EmployeeId = g.Key, All = g.Count(), Won = g.Count(o => o == DealOutcome.Won) })
                             .ToDictionaryAsync(x => x.EmployeeId, ct);
        return people.ToDictionary(p => p.Id, p =>
        {
            var months = Math.Max(0, (today.Year - p.EmploymentStart.Year) * 12 + today.Month - p.EmploymentStart.Month - (today.Day < p.EmploymentStart.Day ? 1 : 0));
            var ties = all.GetValueOrDefault(p.Id);
            var deal = credited.GetValueOrDefault(p.Id);
            var clientFacing = ties > 0 || (deal?.All ?? 0) > 0;
            return new EmployeeFacts(p.Position, months, clientFacing ? months : 0, warm.GetValueOrDefault(p.Id), ties,
                deal?.Won ?? 0, deal?.All ?? 0, (deal?.All ?? 0) > 0);
        });
    }
}

/// <summary>
/// Sales experience from a CV as ratings: years in sales overall rate <see cref="Competencies.SalesExperience"/>, years
/// in the company's own field <see cref="Competencies.SameFieldExperience"/>, on the same bands (none 0, under a year
/// 1, 1–3 years 2, 3–5 years 3, 5 and more 4), self-declared until someone checks them.
/// </summary>
public static class ExperienceRule
{
    public static decimal Rating(decimal years) => years switch
    {
        <= 0 => 0,
        < 1 => 1,
        < 3 => 2,
        < 5 => 3,
        _ => 4,
    };

    public static IEnumerable<EvidenceItem> Evidence(decimal years, decimal sameFieldYears, int entries, CultureInfo culture)
    {
        if (entries == 0)
        {
            yield break;
        }

        var source = string.Format(culture, StaffingTexts.ResourceManager.GetString(nameof(StaffingTexts.EvidenceFromCv), culture)!, years, sameFieldYears);
        yield return new EvidenceItem(Competencies.SalesExperience, Rating(years), EvidenceLevel.SelfDeclared, source);
        yield return new EvidenceItem(Competencies.SameFieldExperience, Rating(sameFieldYears), EvidenceLevel.SelfDeclared, source);
    }
}
