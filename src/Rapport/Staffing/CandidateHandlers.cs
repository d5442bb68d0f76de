using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay;
using Rapport.People;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

public sealed class CandidateInput
{
    [Display(Name = nameof(Texts.FieldFullName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(Candidate.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? FullName { get; set; }

    [Display(Name = nameof(Texts.FieldEmail), ResourceType = typeof(Texts))]
    [EmailAddress(ErrorMessageResourceName = nameof(Texts.ValidationEmail), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(256, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Email { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    [Display(Name = nameof(Texts.FieldPhone), ResourceType = typeof(Texts))]
    [StringLength(40, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Phone { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldCv), ResourceType = typeof(StaffingTexts))]
    [StringLength(Candidate.CvLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Cv { get; set; }
}

public sealed class EvidenceInput
{
    [Display(Name = nameof(StaffingTexts.FieldCompetency), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public string? Competency { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldRating), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0", "4", ErrorMessageResourceName = nameof(StaffingTexts.ValidationRating), ErrorMessageResourceType = typeof(StaffingTexts))]
    public decimal? Rating { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldEvidenceLevel), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public EvidenceLevel? Level { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldSource), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(EvidenceRecord.SourceLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Source { get; set; }
}

public sealed class ClientBaseInput
{
    [Display(Name = nameof(StaffingTexts.FieldClientBaseKind), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public ClientBaseItemKind? Kind { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldClientCompany), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(CandidateClientBaseEntry.CompanyLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Company { get; set; }

    [Display(Name = nameof(Texts.FieldNote), ResourceType = typeof(Texts))]
    [StringLength(CandidateClientBaseEntry.NoteLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Note { get; set; }
}

public sealed class ExperienceInput
{
    [Display(Name = nameof(StaffingTexts.FieldIndustry), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(CandidateExperience.IndustryLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Industry { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldYears), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0.1", "60", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(StaffingTexts.ValidationYears), ErrorMessageResourceType = typeof(StaffingTexts))]
    public decimal? Years { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldSameField), ResourceType = typeof(StaffingTexts))]
    public bool SameField { get; set; }
}

public sealed class StageInput
{
    [Display(Name = nameof(StaffingTexts.FieldStage), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public CandidateStage? Stage { get; set; }

    /// <summary>Needed to reject, and to move a candidate with a failed must-have on: it is logged.</summary>
    [Display(Name = nameof(StaffingTexts.FieldReason), ResourceType = typeof(StaffingTexts))]
    [StringLength(StaffingLogEntry.ReasonLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Reason { get; set; }

    public long Version { get; set; }
}

public sealed class HireInput
{
    [Display(Name = nameof(StaffingTexts.FieldStartOn), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? StartOn { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldCapacity), ResourceType = typeof(StaffingTexts))]
    [Range(typeof(decimal), "0.1", "1", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(StaffingTexts.ValidationCapacity), ErrorMessageResourceType = typeof(StaffingTexts))]
    public decimal Capacity { get; set; } = 1m;

    public long Version { get; set; }
}

public sealed record RankedCandidate(Guid Id, string Name, CandidateStage Stage, decimal Total, decimal Score, decimal Coverage, bool GateFailed,
    string? SourceRole, DateOnly AppliedOn, bool Erased);

public sealed record EvidenceRow(Guid Id, string Competency, decimal Rating, EvidenceLevel Level, string Source, DateTime RecordedAt, string RecordedBy,
    bool OfEmployee);

public sealed record ClientBaseRow(Guid Id, ClientBaseItemKind Kind, string Company, string? Note);

public sealed record ExperienceRow(Guid Id, string Industry, decimal Years, bool SameField);

public sealed record LogRow(long Id, DateTime At, string Actor, StaffingLogKind Kind, decimal? Value, string? Reason, int? ProfileVersion);

public sealed record CandidateDetails(Guid Id, Guid VacancyId, string Vacancy, Guid? EmployeeId, string? SourceRole, string Name, string? Email,
    string? Phone, string Cv, CandidateStage Stage, DateOnly AppliedOn, DateOnly RetainUntil, DateTime? ErasedAt, long Version, bool MayEdit,
    bool MayHire, int ProfileVersion, ProfileScore Score, IReadOnlyList<EvidenceRow> Evidence, IReadOnlyList<ClientBaseRow> ClientBase,
    IReadOnlyList<ExperienceRow> Experience, IReadOnlyList<LogRow> Log, IReadOnlyList<RaterRow> Raters, bool ScorecardsHidden);

/// <summary>
/// Candidates through a vacancy's pipeline, their evidence and score. Recruiters and the vacancy's hiring manager read
/// and score them; only recruiters hire and erase. Nothing moves or rejects a candidate on its own.
/// </summary>
public sealed class CandidateHandlers(RapportDb db, Scoring scoring, Catalogue catalogue, PlanHandlers plans, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>How long an outside candidate's personal data is kept after they applied, unless they are hired.</summary>
    public const int RetentionMonths = 6;

    private IQueryable<Candidate> VisibleTo(Viewer viewer) =>
        db.Candidates.Where(c => db.Vacancies.VisibleTo(viewer).Any(v => v.Id == c.VacancyId));

    /// <summary>A vacancy's candidates by total (highest first), a page at a time; null when the viewer may not see the vacancy.</summary>
    public async Task<Page<RankedCandidate>?> RankAsync(Viewer viewer, Guid vacancyId, CandidateStage? stage, string? after, CancellationToken ct = default)
    {
        if (!await db.Vacancies.VisibleTo(viewer).AnyAsync(v => v.Id == vacancyId, ct))
        {
            return null;
        }

        var query = db.Candidates.AsNoTracking().Where(c => c.VacancyId == vacancyId);
        if (stage is { } s)
        {
            query = query.Where(c => c.Stage == s);
        }

        if (RankCursor.Parse(after) is { } cursor)
        {
            // The first condition is implied by the second; it lets PostgreSQL seek the index to the cursor instead of reading past it.
            query = query.Where(c => c.Rank <= cursor.Rank && (c.Rank < cursor.Rank || (c.Rank == cursor.Rank && c.Id > cursor.Id)));
        }

        var rows = await (from c in query
                          orderby c.Rank descending, c.Id
                          select new RankedCandidate(c.Id, c.FullName, c.Stage, c.Total, c.Score, c.Coverage, c.GateFailed,
                              db.Employees.Where(e => e.Id == c.EmployeeId).Select(e => e.Position).FirstOrDefault(), c.AppliedOn, c.ErasedAt != null))
            .Take(PageSize + 1).ToListAsync(ct);
        var next = rows.Count > PageSize ? RankCursor.Format((int)Math.Round(rows[PageSize - 1].Total * 10m, MidpointRounding.AwayFromZero), rows[PageSize - 1].Id) : null;
        return new Page<RankedCandidate>(rows.Take(PageSize).ToList(), next);
    }

    public async Task<CandidateDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (await VisibleTo(viewer).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } candidate)
        {
            return null;
        }

        var vacancy = await db.Vacancies.AsNoTracking().Where(v => v.Id == candidate.VacancyId).Select(v => new { v.Title, v.ProfileId }).FirstAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        var latest = await scoring.LatestVersionAsync(vacancy.ProfileId, ct);

        // A rater who has not submitted their own scorecard does not see the others' yet.
        var hidden = await db.Scorecards.AnyAsync(s => s.CandidateId == id && s.RaterId == viewer.EmployeeId && s.SubmittedAt == null, ct);
        var evidence = await scoring.CandidateEvidenceAsync(candidate, culture, hidden, ct);
        var score = ProfileScorer.Score(latest!.Value.Profile, evidence, await catalogue.AllAsync(ct), culture);
        var recorded = await db.Evidence.AsNoTracking()
            .Where(e => e.CandidateId == id || (candidate.EmployeeId != null && e.EmployeeId == candidate.EmployeeId))
            .Where(e => !hidden || e.ScorecardId == null)
            .OrderByDescending(e => e.RecordedAt)
            .Select(e => new EvidenceRow(e.Id, e.Competency, e.Rating, e.Level, e.Source, e.RecordedAt, e.RecordedBy, e.EmployeeId != null))
            .ToListAsync(ct);
        var clientBase = await db.CandidateClientBase.AsNoTracking().Where(c => c.CandidateId == id).OrderBy(c => c.Company)
            .Select(c => new ClientBaseRow(c.Id, c.Kind, c.Company, c.Note)).ToListAsync(ct);
        var experience = await db.CandidateExperience.AsNoTracking().Where(x => x.CandidateId == id).OrderByDescending(x => x.Years)
            .Select(x => new ExperienceRow(x.Id, x.Industry, x.Years, x.SameField)).ToListAsync(ct);
        var log = await (from l in db.StaffingLog.AsNoTracking()
                         where l.CandidateId == id
                         orderby l.Id descending
                         select new LogRow(l.Id, l.At, l.Actor, l.Kind, l.Value, l.Reason,
                             db.RoleProfileVersions.Where(v => v.Id == l.ProfileVersionId).Select(v => (int?)v.Number).FirstOrDefault()))
            .Take(100).ToListAsync(ct);
        var sourceRole = candidate.EmployeeId is { } employeeId
            ? await db.Employees.Where(e => e.Id == employeeId).Select(e => e.Position).FirstOrDefaultAsync(ct)
            : null;
        var raters = await (from s in db.Scorecards.AsNoTracking()
                            where s.CandidateId == id
                            join e in db.Employees on s.RaterId equals e.Id
                            orderby s.AssignedAt
                            select new RaterRow(s.Id, s.RaterId, e.FullName, s.AssignedAt, s.SubmittedAt)).ToListAsync(ct);
        var open = candidate.ErasedAt is null && candidate.Stage is not (CandidateStage.Hired or CandidateStage.Rejected);
        return new CandidateDetails(candidate.Id, candidate.VacancyId, vacancy.Title, candidate.EmployeeId, sourceRole, candidate.FullName, candidate.Email,
            candidate.Phone, candidate.Cv, candidate.Stage, candidate.AppliedOn, candidate.RetainUntil, candidate.ErasedAt, candidate.Version,
            open, open && StaffingAccess.IsRecruiter(viewer), latest.Value.Number, score, recorded, clientBase, experience, log, raters, hidden);
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, Guid vacancyId, CandidateInput input, CancellationToken ct = default)
    {
        if (await OpenVacancyAsync(viewer, vacancyId, ct) is { } refused)
        {
            return refused;
        }

        var today = Today();
        var candidate = new Candidate
        {
            VacancyId = vacancyId, Email = Trimmed(input.Email), Phone = Trimmed(input.Phone), Cv = input.Cv?.Trim() ?? "",
            AppliedOn = today, RetainUntil = today.AddMonths(RetentionMonths),
        };
        candidate.Rename(input.FullName!);
        db.Candidates.Add(candidate);
        StaffingLog.Add(db, clock, StaffingLogKind.Candidate, vacancyId, candidate.Id, value: (int)CandidateStage.Applied);
        await scoring.RescoreAsync(candidate, ct);
        await db.SaveChangesAsync(ct);
        return candidate.Id;
    }

    /// <summary>Puts an employee forward for a vacancy as an internal candidate, scored with what Rapport knows of them.</summary>
    public async Task<Result<Guid>> AddInternalAsync(Viewer viewer, Guid vacancyId, Guid employeeId, CancellationToken ct = default)
    {
        if (await OpenVacancyAsync(viewer, vacancyId, ct) is { } refused)
        {
            return refused;
        }

        if (await db.Employees.AsNoTracking().Where(e => e.Id == employeeId && e.Status == EmployeeStatus.Active)
                .Select(e => new { e.FullName, e.Email }).FirstOrDefaultAsync(ct) is not { } employee)
        {
            return Error.Invalid("EmployeeId", Texts.ValidationUnknownEmployee);
        }

        if (await db.Candidates.AnyAsync(c => c.VacancyId == vacancyId && c.EmployeeId == employeeId, ct))
        {
            return Error.Conflict(StaffingTexts.ErrorAlreadyCandidate);
        }

        var today = Today();
        var candidate = new Candidate
        {
            VacancyId = vacancyId, EmployeeId = employeeId, Email = employee.Email, AppliedOn = today, RetainUntil = today.AddMonths(RetentionMonths),
        };
        candidate.Rename(employee.FullName);
        db.Candidates.Add(candidate);
        StaffingLog.Add(db, clock, StaffingLogKind.Candidate, vacancyId, candidate.Id, employeeId, value: (int)CandidateStage.Applied);
        await scoring.RescoreAsync(candidate, ct);
        await db.SaveChangesAsync(ct);
        return candidate.Id;
    }

    /// <summary>
    /// Moves a candidate to another step. Rejecting needs a reason; so does moving on a candidate whose must-have
    /// failed: that is an override, logged with its reason. Hiring has its own command.
    /// </summary>
    public async Task<Result> MoveAsync(Viewer viewer, Guid id, StageInput input, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, id, ct);
        if (!found.IsSuccess)
        {
            return found;
        }

        var candidate = found.Value;
        if (candidate.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        var stage = input.Stage!.Value;
        var reason = Trimmed(input.Reason);
        if (stage == CandidateStage.Hired)
        {
            return Error.Invalid(nameof(StageInput.Stage), StaffingTexts.ValidationHireThroughHire);
        }

        if (stage == CandidateStage.Rejected && reason is null)
        {
            return Error.Invalid(nameof(StageInput.Reason), StaffingTexts.ValidationRejectReason);
        }

        var onward = stage > candidate.Stage && stage != CandidateStage.Rejected;
        if (onward && candidate.GateFailed && reason is null)
        {
            return Error.Invalid(nameof(StageInput.Reason), StaffingTexts.ValidationOverrideReason);
        }

        if (onward && candidate.GateFailed)
        {
            StaffingLog.Add(db, clock, StaffingLogKind.Override, candidate.VacancyId, candidate.Id, candidate.EmployeeId, candidate.ScoredVersionId,
                candidate.Total, reason);
        }

        candidate.Stage = stage;
        StaffingLog.Add(db, clock, StaffingLogKind.Stage, candidate.VacancyId, candidate.Id, candidate.EmployeeId, value: (int)stage, reason: reason);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<Result<Guid>> AddEvidenceAsync(Viewer viewer, Guid id, EvidenceInput input, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, id, ct);
        if (!found.IsSuccess)
        {
            return Result<Guid>.Fail([.. found.Errors]);
        }

        var checkedInput = await catalogue.RecordAsync(input, clock.GetUtcNow().UtcDateTime, ct);
        if (!checkedInput.IsSuccess)
        {
            return Result<Guid>.Fail([.. checkedInput.Errors]);
        }

        var candidate = found.Value;
        var record = checkedInput.Value;
        record.CandidateId = candidate.Id;
        db.Evidence.Add(record);
        StaffingLog.Add(db, clock, StaffingLogKind.Evidence, candidate.VacancyId, candidate.Id, candidate.EmployeeId, value: record.Rating,
            reason: $"{record.Competency} {record.Level}");
        await SaveScoredAsync(candidate, ct);
        return record.Id;
    }

    public async Task<Result> WithdrawEvidenceAsync(Viewer viewer, Guid id, Guid evidenceId, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, id, ct);
        if (!found.IsSuccess)
        {
            return found;
        }

        if (await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.CandidateId == id, ct) is not { } record)
        {
            return Error.NotFound(StaffingTexts.ErrorEvidenceNotFound);
        }

        db.Evidence.Remove(record);
        StaffingLog.Add(db, clock, StaffingLogKind.EvidenceWithdrawn, found.Value.VacancyId, id, value: record.Rating, reason: $"{record.Competency} {record.Level}");
        await SaveScoredAsync(found.Value, ct);
        return Result.Ok();
    }

    public async Task<Result<Guid>> AddClientBaseAsync(Viewer viewer, Guid id, ClientBaseInput input, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, id, ct);
        if (!found.IsSuccess)
        {
            return Result<Guid>.Fail([.. found.Errors]);
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Error.Invalid(nameof(ClientBaseInput.Kind), StaffingTexts.ValidationClientBaseKind);
        }

        var entry = new CandidateClientBaseEntry { CandidateId = id, Kind = kind, Company = input.Company!.Trim(), Note = Trimmed(input.Note) };
        db.CandidateClientBase.Add(entry);
        StaffingLog.Add(db, clock, StaffingLogKind.Evidence, found.Value.VacancyId, id, reason: $"{Competencies.ClientBase} {kind}");
        await SaveScoredAsync(found.Value, ct);
        return entry.Id;
    }

    public async Task<Result<Guid>> AddExperienceAsync(Viewer viewer, Guid id, ExperienceInput input, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, id, ct);
        if (!found.IsSuccess)
        {
            return Result<Guid>.Fail([.. found.Errors]);
        }

        if (input.Years is not { } years || years is < 0.1m or > 60m)
        {
            return Error.Invalid(nameof(ExperienceInput.Years), StaffingTexts.ValidationYears);
        }

        var entry = new CandidateExperience { CandidateId = id, Industry = input.Industry!.Trim(), Years = years, SameField = input.SameField };
        db.CandidateExperience.Add(entry);
        StaffingLog.Add(db, clock, StaffingLogKind.Evidence, found.Value.VacancyId, id, value: years,
            reason: input.SameField ? Competencies.SameFieldExperience : Competencies.SalesExperience);
        await SaveScoredAsync(found.Value, ct);
        return entry.Id;
    }

    /// <summary>
    /// Erases a candidate's personal data on request: name, e-mail, phone, CV and the companies of their client base.
    /// The record stays without them, so the counts do not change. A hired candidate is an employee now: refused.
    /// </summary>
    public async Task<Result> EraseAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return await RefusedAsync(viewer, id, ct);
        }

        if (await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } candidate)
        {
            return Error.NotFound(StaffingTexts.ErrorCandidateNotFound);
        }

        if (candidate.Stage == CandidateStage.Hired)
        {
            return Error.Conflict(StaffingTexts.ErrorEraseHired);
        }

        if (candidate.ErasedAt is not null)
        {
            return Result.Ok();
        }

        await EraseAsync(candidate, ct);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Erases every candidate whose retention period has ended (hired ones excepted). Returns how many.</summary>
    public async Task<Result<int>> EraseExpiredAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var today = Today();
        var expired = await db.Candidates.Where(c => c.ErasedAt == null && c.RetainUntil < today && c.Stage != CandidateStage.Hired).ToListAsync(ct);
        foreach (var candidate in expired)
        {
            await EraseAsync(candidate, ct);
        }

        await db.SaveChangesAsync(ct);
        return expired.Count;
    }

    /// <summary>How many candidates' retention has ended and who are not yet erased.</summary>
    public Task<int> ExpiredCountAsync(CancellationToken ct = default)
    {
        var today = Today();
        return db.Candidates.CountAsync(c => c.ErasedAt == null && c.RetainUntil < today && c.Stage != CandidateStage.Hired, ct);
    }

    /// <summary>
    /// Hires a candidate in one step: an outside candidate becomes an employee, an internal one takes the role on
    /// (part time as an extra duty when the capacity is under 1); both are put on the vacancy's pay plan from the
    /// start date, and the vacancy is filled.
    /// </summary>
    public async Task<Result<Guid>> HireAsync(Viewer viewer, Guid id, HireInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return await RefusedAsync(viewer, id, ct);
        }

        if (await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } candidate)
        {
            return Error.NotFound(StaffingTexts.ErrorCandidateNotFound);
        }

        if (candidate.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (candidate.ErasedAt is not null || candidate.Stage is CandidateStage.Hired or CandidateStage.Rejected)
        {
            return Error.Conflict(StaffingTexts.ErrorCandidateClosed);
        }

        if (input.Capacity is < 0.1m or > 1m)
        {
            return Error.Invalid(nameof(HireInput.Capacity), StaffingTexts.ValidationCapacity);
        }

        var vacancy = await db.Vacancies.FirstAsync(v => v.Id == candidate.VacancyId, ct);
        var startOn = input.StartOn!.Value;
        Employee employee;
        if (candidate.EmployeeId is { } employeeId)
        {
            employee = await db.Employees.FirstAsync(e => e.Id == employeeId, ct);
        }
        else
        {
            employee = new Employee
            {
                Email = candidate.Email, Position = vacancy.Title[..Math.Min(vacancy.Title.Length, 100)], EmploymentStart = startOn,
                ManagerId = vacancy.HiringManagerId, Status = EmployeeStatus.Active,
            };
            employee.Rename(candidate.FullName);
            db.Employees.Add(employee);
        }

        employee.Capacity = input.Capacity;
        if (vacancy.PlanId is { } planId && await plans.AssignOnHireAsync(employee.Id, planId, startOn, nameof(HireInput.StartOn), ct) is { } clash)
        {
            return clash;
        }

        candidate.Stage = CandidateStage.Hired;
        candidate.EmployeeId = employee.Id;
        vacancy.Status = VacancyStatus.Filled;
        StaffingLog.Add(db, clock, StaffingLogKind.Stage, vacancy.Id, candidate.Id, employee.Id, value: (int)CandidateStage.Hired,
            reason: string.Create(CultureInfo.InvariantCulture, $"{startOn:yyyy-MM-dd} {input.Capacity:0.##}"));
        await db.SaveChangesAsync(ct);
        return employee.Id;
    }

    /// <summary>A recruiter's command asked by someone else: forbidden when they see the candidate, not found when they do not.</summary>
    private async Task<Error> RefusedAsync(Viewer viewer, Guid id, CancellationToken ct) =>
        await VisibleTo(viewer).AnyAsync(c => c.Id == id, ct)
            ? new Error(ErrorKind.Forbidden, Texts.ErrorForbidden)
            : Error.NotFound(StaffingTexts.ErrorCandidateNotFound);

    private async Task EraseAsync(Candidate candidate, CancellationToken ct)
    {
        candidate.Erase(clock.GetUtcNow().UtcDateTime);
        db.CandidateClientBase.RemoveRange(await db.CandidateClientBase.Where(c => c.CandidateId == candidate.Id).ToListAsync(ct));
        StaffingLog.Add(db, clock, StaffingLogKind.Erasure, candidate.VacancyId, candidate.Id);
    }

    private async Task SaveScoredAsync(Candidate candidate, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await scoring.RescoreAsync(candidate, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Error?> OpenVacancyAsync(Viewer viewer, Guid vacancyId, CancellationToken ct)
    {
        if (await db.Vacancies.AsNoTracking().VisibleTo(viewer).Where(v => v.Id == vacancyId).Select(v => new { v.Status }).FirstOrDefaultAsync(ct)
            is not { } vacancy)
        {
            return Error.NotFound(StaffingTexts.ErrorVacancyNotFound);
        }

        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        return vacancy.Status == VacancyStatus.Open ? null : Error.Conflict(StaffingTexts.ErrorVacancyNotOpen);
    }

    /// <summary>A candidate the viewer may change: visible to them (recruiter or the vacancy's hiring manager), not erased, still in process.</summary>
    private async Task<Result<Candidate>> EditableAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        if (await VisibleTo(viewer).FirstOrDefaultAsync(c => c.Id == id, ct) is not { } candidate)
        {
            return Error.NotFound(StaffingTexts.ErrorCandidateNotFound);
        }

        return candidate.ErasedAt is not null || candidate.Stage is CandidateStage.Hired or CandidateStage.Rejected
            ? Error.Conflict(StaffingTexts.ErrorCandidateClosed)
            : candidate;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The ranking's keyset cursor: the last row's total in tenths and id.</summary>
internal static class RankCursor
{
    public static string Format(int rank, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{rank}_{id:N}");

    public static (int Rank, Guid Id)? Parse(string? value)
    {
        var parts = value?.Split('_');
        return parts is [var rank, var id] && int.TryParse(rank, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && Guid.TryParse(id, out var g)
            ? (t, g)
            : null;
    }
}
