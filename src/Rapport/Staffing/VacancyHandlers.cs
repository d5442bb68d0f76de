using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Staffing;

public sealed class VacancyInput
{
    [Display(Name = nameof(StaffingTexts.FieldVacancyTitle), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(Vacancy.TitleLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Title { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldProfile), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? ProfileId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(StaffingTexts.FieldHiringManager), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? HiringManagerId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(StaffingTexts.FieldPayPlan), ResourceType = typeof(StaffingTexts))]
    public Guid? PlanId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(StaffingTexts.FieldCapacity), ResourceType = typeof(StaffingTexts))]
    [Range(typeof(decimal), "0.1", "1", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(StaffingTexts.ValidationCapacity), ErrorMessageResourceType = typeof(StaffingTexts))]
    public decimal Capacity { get; set; } = 1m;

    [Display(Name = nameof(StaffingTexts.FieldRegion), ResourceType = typeof(StaffingTexts))]
    [StringLength(SalaryBenchmark.RegionLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Region { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldCompanySize), ResourceType = typeof(StaffingTexts))]
    public CompanySize CompanySize { get; set; } = CompanySize.Medium;

    /// <summary>Raters see candidates without name or CV.</summary>
    [Display(Name = nameof(StaffingTexts.FieldBlindReview), ResourceType = typeof(StaffingTexts))]
    public bool BlindReview { get; set; }
}

/// <summary>Staffing at a glance for Home: the viewer's open vacancies, their candidates in process, the scorecards waiting for the viewer.</summary>
public sealed record StaffingSummary(int OpenVacancies, int InProcess, int PendingScorecards);

public sealed record VacancyRow(Guid Id, string Title, string Profile, string HiringManager, decimal Capacity, VacancyStatus Status, DateOnly OpenedOn,
    int Candidates, int InProcess);

public sealed record VacancyDetails(Guid Id, string Title, Guid ProfileId, string Profile, Guid HiringManagerId, string HiringManager, Guid? PlanId,
    string? Plan, decimal Capacity, VacancyStatus Status, DateOnly OpenedOn, long Version, IReadOnlyDictionary<CandidateStage, int> Stages,
    string Region, CompanySize CompanySize, bool BlindReview);

/// <summary>Vacancies: opened and closed by recruiters, read by them and by each vacancy's hiring manager.</summary>
public sealed class VacancyHandlers(RapportDb db, TimeProvider clock)
{
    public async Task<List<VacancyRow>> ListAsync(Viewer viewer, VacancyStatus? status = null, CancellationToken ct = default)
    {
        var vacancies = db.Vacancies.AsNoTracking().VisibleTo(viewer);
        if (status is { } s)
        {
            vacancies = vacancies.Where(v => v.Status == s);
        }

        return await (from v in vacancies
                      join p in db.RoleProfiles on v.ProfileId equals p.Id
                      join m in db.Employees on v.HiringManagerId equals m.Id
                      orderby v.Status, v.OpenedOn descending, v.Title
                      select new VacancyRow(v.Id, v.Title, p.Name, m.FullName, v.Capacity, v.Status, v.OpenedOn,
                          db.Candidates.Count(c => c.VacancyId == v.Id),
                          db.Candidates.Count(c => c.VacancyId == v.Id && c.Stage != CandidateStage.Hired && c.Stage != CandidateStage.Rejected)))
            .ToListAsync(ct);
    }

    public async Task<VacancyDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var found = await (from v in db.Vacancies.AsNoTracking().VisibleTo(viewer)
                           where v.Id == id
                           join p in db.RoleProfiles on v.ProfileId equals p.Id
                           join m in db.Employees on v.HiringManagerId equals m.Id
                           select new
                           {
                               v.Id, v.Title, v.ProfileId, Profile = p.Name, v.HiringManagerId, Manager = m.FullName, v.PlanId,
                               Plan = db.CompPlans.Where(c => c.Id == v.PlanId).Select(c => c.Name).FirstOrDefault(),
                               v.Capacity, v.Status, v.OpenedOn, v.Version, v.Region, v.CompanySize, v.BlindReview,
                           }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var stages = await db.Candidates.AsNoTracking().Where(c => c.VacancyId == id).GroupBy(c => c.Stage)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new VacancyDetails(found.Id, found.Title, found.ProfileId, found.Profile, found.HiringManagerId, found.Manager, found.PlanId, found.Plan,
            found.Capacity, found.Status, found.OpenedOn, found.Version, stages, found.Region, found.CompanySize, found.BlindReview);
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, VacancyInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await CheckAsync(input, ct) is { } invalid)
        {
            return invalid;
        }

        var vacancy = new Vacancy
        {
            Title = input.Title!.Trim(), ProfileId = input.ProfileId!.Value, HiringManagerId = input.HiringManagerId!.Value, PlanId = input.PlanId,
            Capacity = input.Capacity, OpenedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            Region = input.Region?.Trim() ?? "", CompanySize = input.CompanySize, BlindReview = input.BlindReview,
        };
        db.Vacancies.Add(vacancy);
        StaffingLog.Add(db, clock, StaffingLogKind.Vacancy, vacancy.Id, reason: nameof(VacancyStatus.Open));
        await db.SaveChangesAsync(ct);
        return vacancy.Id;
    }

    /// <summary>Closes a vacancy (or reopens one). Its candidates stay, with their scores, for the record.</summary>
    public async Task<Result> SetStatusAsync(Viewer viewer, Guid id, VacancyStatus status, long version, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return await db.Vacancies.VisibleTo(viewer).AnyAsync(v => v.Id == id, ct)
                ? new Error(ErrorKind.Forbidden, Texts.ErrorForbidden)
                : Error.NotFound(StaffingTexts.ErrorVacancyNotFound);
        }

        if (await db.Vacancies.FirstOrDefaultAsync(v => v.Id == id, ct) is not { } vacancy)
        {
            return Error.NotFound(StaffingTexts.ErrorVacancyNotFound);
        }

        if (vacancy.Version != version)
        {
            return Error.StaleVersion();
        }

        vacancy.Status = status;
        StaffingLog.Add(db, clock, StaffingLogKind.Vacancy, vacancy.Id, reason: status.ToString());
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<StaffingSummary> SummaryAsync(Viewer viewer, CancellationToken ct = default)
    {
        var open = db.Vacancies.AsNoTracking().VisibleTo(viewer).Where(v => v.Status == VacancyStatus.Open);
        var vacancies = await open.CountAsync(ct);
        var inProcess = await db.Candidates.CountAsync(c => open.Any(v => v.Id == c.VacancyId)
            && c.Stage != CandidateStage.Hired && c.Stage != CandidateStage.Rejected && c.ErasedAt == null, ct);
        var pending = viewer.EmployeeId is { } me ? await db.Scorecards.CountAsync(s => s.RaterId == me && s.SubmittedAt == null, ct) : 0;
        return new StaffingSummary(vacancies, inProcess, pending);
    }

    /// <summary>The profiles and the pay plans a vacancy can name, for its form.</summary>
    public async Task<(List<Choice> Profiles, List<Choice> Plans)> ChoicesAsync(CancellationToken ct = default) =>
        (await db.RoleProfiles.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct),
         await db.CompPlans.AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct));

    private async Task<Error?> CheckAsync(VacancyInput input, CancellationToken ct)
    {
        if (!await db.RoleProfiles.AnyAsync(p => p.Id == input.ProfileId, ct))
        {
            return Error.Invalid(nameof(VacancyInput.ProfileId), StaffingTexts.ErrorProfileNotFound);
        }

        if (!await db.Employees.AnyAsync(e => e.Id == input.HiringManagerId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(nameof(VacancyInput.HiringManagerId), Texts.ValidationUnknownEmployee);
        }

        if (input.PlanId is { } planId && !await db.CompPlans.AnyAsync(p => p.Id == planId && !p.Archived, ct))
        {
            return Error.Invalid(nameof(VacancyInput.PlanId), PayTexts.ErrorPlanNotFound);
        }

        if (!Enum.IsDefined(input.CompanySize))
        {
            return Error.Invalid(nameof(VacancyInput.CompanySize), StaffingTexts.ValidationCompanySize);
        }

        return input.Capacity is < 0.1m or > 1m ? Error.Invalid(nameof(VacancyInput.Capacity), StaffingTexts.ValidationCapacity) : null;
    }
}
