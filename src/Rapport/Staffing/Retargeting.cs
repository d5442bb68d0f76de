using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

/// <summary>An employee scored against a profile, for finding internal candidates.</summary>
public sealed record InternalCandidate(Guid EmployeeId, string Name, string Position, string Department, decimal AccountManagerCapacity, decimal Total,
    decimal Score, decimal Coverage, bool GateFailed, int Gaps, Guid? CandidateId);

/// <summary>
/// The part-time option: the role as an extra duty beside the current job, with the share of time it takes and how
/// many accounts that share carries at the company's current accounts per full-time manager.
/// </summary>
public sealed record PartTimeOption(decimal Capacity, int Accounts, decimal AccountsPerFullTime);

public sealed record EmployeeScore(Guid EmployeeId, string Name, string Position, Guid ProfileId, string Profile, int ProfileVersion,
    IReadOnlyList<Choice> Profiles, ProfileScore Score, PartTimeOption PartTime, IReadOnlyList<EvidenceRow> Appraisal);

/// <summary>
/// Internal re-targeting: any employee scored against a profile from what Rapport knows (relationships with client
/// decision-makers, deals taken part in, time here) plus appraisal input. A recruiter reads anyone's; everyone else
/// only their own.
/// </summary>
public sealed class Retargeting(RapportDb db, Scoring scoring, Catalogue catalogue, TimeProvider clock)
{
    /// <summary>The share of time offered when the role is an extra duty beside another job.</summary>
    public const decimal ExtraDutyCapacity = 0.2m;

    /// <summary>One employee against one profile (the first by name when none is given); null when the viewer may not read it.</summary>
    public async Task<EmployeeScore?> ScoreAsync(Viewer viewer, Guid employeeId, Guid? profileId, CancellationToken ct = default)
    {
        if (!StaffingAccess.MayReadScoresOf(viewer, employeeId))
        {
            return null;
        }

        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.Id, e.FullName, e.Position }).FirstOrDefaultAsync(ct);
        var profiles = await db.RoleProfiles.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var profile = profiles.FirstOrDefault(p => p.Id == profileId) ?? profiles.FirstOrDefault();
        if (employee is null || profile is null || await scoring.LatestVersionAsync(profile.Id, ct) is not { } latest)
        {
            return null;
        }

        var culture = CultureInfo.CurrentUICulture;
        var evidence = await EvidenceAsync([employeeId], culture, ct);
        var score = ProfileScorer.Score(latest.Profile, evidence.GetValueOrDefault(employeeId) ?? [], await catalogue.AllAsync(ct), culture);
        var appraisal = await db.Evidence.AsNoTracking().Where(e => e.EmployeeId == employeeId).OrderByDescending(e => e.RecordedAt)
            .Select(e => new EvidenceRow(e.Id, e.Competency, e.Rating, e.Level, e.Source, e.RecordedAt, e.RecordedBy, true)).ToListAsync(ct);
        return new EmployeeScore(employee.Id, employee.FullName, employee.Position, profile.Id, profile.Name, latest.Number,
            [.. profiles.Select(p => new Choice(p.Id, p.Name))], score, await PartTimeAsync(ct), appraisal);
    }

    /// <summary>
    /// Every active employee not yet a candidate for the vacancy, scored against its profile, best first, with the role
    /// they hold now. Account managers already full time are left out: they have the role.
    /// </summary>
    public async Task<IReadOnlyList<InternalCandidate>?> CandidatesForAsync(Viewer viewer, Guid vacancyId, int take = 50, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer)
            || await db.Vacancies.AsNoTracking().Where(v => v.Id == vacancyId).Select(v => new { v.ProfileId }).FirstOrDefaultAsync(ct) is not { } vacancy
            || await scoring.LatestVersionAsync(vacancy.ProfileId, ct) is not { } latest)
        {
            return null;
        }

        var people = await db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active && e.Capacity < 1m)
            .Select(e => new { e.Id, e.FullName, e.Position, e.Department, e.Capacity }).ToListAsync(ct);
        var already = await db.Candidates.AsNoTracking().Where(c => c.VacancyId == vacancyId && c.EmployeeId != null)
            .ToDictionaryAsync(c => c.EmployeeId!.Value, c => c.Id, ct);
        var culture = CultureInfo.CurrentUICulture;
        var evidence = await EvidenceAsync(null, culture, ct);
        var definitions = await catalogue.AllAsync(ct);
        return people
            .Select(p =>
            {
                var score = ProfileScorer.Score(latest.Profile, evidence.GetValueOrDefault(p.Id) ?? [], definitions, culture);
                return new InternalCandidate(p.Id, p.FullName, p.Position, p.Department, p.Capacity, score.Total, score.Score, score.Coverage,
                    score.AnyGateFailed, score.Gaps.Count, already.TryGetValue(p.Id, out var candidateId) ? candidateId : null);
            })
            .OrderByDescending(c => c.Total).ThenBy(c => c.Name, StringComparer.Create(culture, true))
            .Take(take)
            .ToList();
    }

    /// <summary>Appraisal input for an employee: a rating with its evidence level, kept with who entered it.</summary>
    public async Task<Result<Guid>> AddAppraisalAsync(Viewer viewer, Guid employeeId, EvidenceInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct))
        {
            return Error.NotFound(Texts.ErrorEmployeeNotFound);
        }

        var checkedInput = await catalogue.RecordAsync(input, clock.GetUtcNow().UtcDateTime, ct);
        if (!checkedInput.IsSuccess)
        {
            return Result<Guid>.Fail([.. checkedInput.Errors]);
        }

        var record = checkedInput.Value;
        record.EmployeeId = employeeId;
        db.Evidence.Add(record);
        StaffingLog.Add(db, clock, StaffingLogKind.Evidence, employeeId: employeeId, value: record.Rating, reason: $"{record.Competency} {record.Level}");
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    /// <summary>The evidence about each employee (all active ones when <paramref name="employeeIds"/> is null): Rapport's facts plus appraisal input.</summary>
    private async Task<Dictionary<Guid, List<EvidenceItem>>> EvidenceAsync(IReadOnlyCollection<Guid>? employeeIds, CultureInfo culture, CancellationToken ct)
    {
        var facts = await scoring.FactsAsync(employeeIds, ct);
        var appraisals = db.Evidence.AsNoTracking().Where(e => e.EmployeeId != null);
        if (employeeIds is not null)
        {
            appraisals = appraisals.Where(e => employeeIds.Contains(e.EmployeeId!.Value));
        }

        var recorded = (await appraisals.Select(e => new { EmployeeId = e.EmployeeId!.Value, e.Competency, e.Rating, e.Level, e.Source }).ToListAsync(ct))
            .ToLookup(e => e.EmployeeId);
        return facts.ToDictionary(f => f.Key, f =>
        {
            var items = EvidenceRules.FromEmployee(f.Value, culture).ToList();
            items.AddRange(recorded[f.Key].Select(e => new EvidenceItem(e.Competency, e.Rating, e.Level, e.Source)));
            return items;
        });
    }

    private async Task<PartTimeOption> PartTimeAsync(CancellationToken ct)
    {
        var capacity = await db.Employees.Where(e => e.Status == EmployeeStatus.Active && e.Capacity > 0).SumAsync(e => (double)e.Capacity, ct);
        var accounts = await db.Accounts.CountAsync(ct);
        var perFullTime = capacity > 0 ? Math.Round((decimal)(accounts / capacity), 1, MidpointRounding.AwayFromZero) : 0m;
        return new PartTimeOption(ExtraDutyCapacity, (int)Math.Round(perFullTime * ExtraDutyCapacity, MidpointRounding.AwayFromZero), perFullTime);
    }
}
