using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Utility;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>An administrator's change to one priority's SLA targets on one service tier.</summary>
public sealed class SlaPolicyInput
{
    [Display(Name = nameof(ServiceTexts.FieldFirstResponseHours), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0.01", "10000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(ServiceTexts.ValidationTargetPositive), ErrorMessageResourceType = typeof(ServiceTexts))]
    public decimal? FirstResponseHours { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldResolutionHours), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0.01", "10000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(ServiceTexts.ValidationTargetPositive), ErrorMessageResourceType = typeof(ServiceTexts))]
    public decimal? ResolutionHours { get; set; }

    public long Version { get; set; }
}

/// <summary>An administrator's change to the working calendar.</summary>
public sealed class WorkingCalendarInput
{
    [Display(Name = nameof(ServiceTexts.FieldTimeZone), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(64, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? TimeZoneId { get; set; }

    /// <summary>The working days; null means none, which is refused.</summary>
    [Display(Name = nameof(ServiceTexts.FieldWorkingDays), ResourceType = typeof(ServiceTexts))]
    [AllowNull]
    public List<DayOfWeek> WorkingDays { get; set => field = value ?? []; } = [];

    [Display(Name = nameof(ServiceTexts.FieldDayStart), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public TimeOnly? DayStart { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldDayEnd), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public TimeOnly? DayEnd { get; set; }

    public long Version { get; set; }
}

/// <summary>A public holiday an administrator adds: one date, or a run of dates.</summary>
public sealed class HolidayInput
{
    [Display(Name = nameof(ServiceTexts.FieldHolidayFrom), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? From { get; set; }

    /// <summary>The last date of the holiday; the first one when left out.</summary>
    [Display(Name = nameof(ServiceTexts.FieldHolidayTo), ResourceType = typeof(ServiceTexts))]
    public DateOnly? To { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldHolidayName), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }
}

public sealed record SlaPolicyRow(ServiceTier Tier, CasePriority Priority, decimal FirstResponseHours, decimal ResolutionHours, long Version);

public sealed record WorkingCalendarDetails(string TimeZoneId, IReadOnlyList<DayOfWeek> WorkingDays, TimeOnly DayStart, TimeOnly DayEnd, long Version);

public sealed record HolidayRow(Guid Id, DateOnly From, DateOnly To, string Name);

/// <summary>All the SLA settings: targets per service tier and priority, the working calendar and the public holidays.</summary>
public sealed record SlaSettingsDetails(IReadOnlyList<SlaPolicyRow> Policies, WorkingCalendarDetails Calendar, IReadOnlyList<HolidayRow> Holidays);

/// <summary>The settings as the SLA clock uses them: the calendar and the targets of each tier and priority.</summary>
public sealed record SlaRules(BusinessCalendar Calendar, IReadOnlyDictionary<(ServiceTier Tier, CasePriority Priority), SlaTargets> Targets)
{
    public SlaTargets For(ServiceTier tier, CasePriority priority) => Targets[(tier, priority)];

    /// <summary>The targets a case runs by: its priority's on its account's tier.</summary>
    public SlaTargets For(ServiceCase c) => For(c.Tier, c.Priority);
}

/// <summary>SLA settings an administrator edits; every change re-times the open cases, whose due instants follow from them.</summary>
public sealed class SlaSettingsHandlers(RapportDb db)
{
    public async Task<SlaSettingsDetails> GetAsync(CancellationToken ct = default)
    {
        var stored = (await db.SlaPolicies.AsNoTracking().ToListAsync(ct)).ToDictionary(s => (s.Tier, s.Priority));
        var policies = (
                from tier in Enum.GetValues<ServiceTier>()
                from priority in Enum.GetValues<CasePriority>().Reverse()
                let defaults = SlaPolicy.Defaults[(tier, priority)]
                select stored.TryGetValue((tier, priority), out var s)
                    ? new SlaPolicyRow(tier, priority, s.FirstResponseHours, s.ResolutionHours, s.Version)
                    : new SlaPolicyRow(tier, priority, defaults.Response, defaults.Resolution, 0))
            .ToList();
        var calendar = await db.WorkingCalendars.AsNoTracking().FirstOrDefaultAsync(ct) ?? new WorkingCalendar();
        var holidays = await db.PublicHolidays.AsNoTracking().OrderBy(h => h.From)
            .Select(h => new HolidayRow(h.Id, h.From, h.To, h.Name)).ToListAsync(ct);
        return new(policies, new(calendar.TimeZoneId, DaysOf(calendar.WorkingDays), calendar.DayStart, calendar.DayEnd, calendar.Version), holidays);
    }

    /// <summary>The rules the SLA clock runs on, read once per change of a case.</summary>
    public async Task<SlaRules> RulesAsync(CancellationToken ct = default)
    {
        var settings = await GetAsync(ct);
        var c = settings.Calendar;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZoneId) ?? DateTimeZoneProviders.Tzdb["Europe/Sofia"];
        var holidays = settings.Holidays.SelectMany(h => Dates(h.From, h.To));
        var calendar = new BusinessCalendar(zone, c.WorkingDays.Select(BclConversions.ToIsoDayOfWeek),
            LocalTime.FromTicksSinceMidnight(c.DayStart.Ticks), LocalTime.FromTicksSinceMidnight(c.DayEnd.Ticks), holidays);
        return new(calendar, settings.Policies.ToDictionary(p => (p.Tier, p.Priority), p => SlaTargets.Of(p.FirstResponseHours, p.ResolutionHours)));
    }

    public async Task<Result> UpdatePolicyAsync(
        Viewer viewer, ServiceTier tier, CasePriority priority, SlaPolicyInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (!Enum.IsDefined(tier) || !Enum.IsDefined(priority))
        {
            return Error.NotFound(ServiceTexts.ErrorPolicyNotFound);
        }

        if (input.FirstResponseHours is not > 0m)
        {
            return Error.Invalid(nameof(SlaPolicyInput.FirstResponseHours), ServiceTexts.ValidationTargetPositive);
        }

        if (input.ResolutionHours is not > 0m)
        {
            return Error.Invalid(nameof(SlaPolicyInput.ResolutionHours), ServiceTexts.ValidationTargetPositive);
        }

        if (input.ResolutionHours < input.FirstResponseHours)
        {
            return Error.Invalid(nameof(SlaPolicyInput.ResolutionHours), ServiceTexts.ValidationResolutionBeforeResponse);
        }

        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Tier == tier && p.Priority == priority, ct);
        if (policy is null)
        {
            if (input.Version != 0)
            {
                return Error.StaleVersion();
            }

            // Version 0 stands for the defaults never saved; the first save is 1, so an editor who read the defaults is stale after it.
            policy = new SlaPolicy { Tier = tier, Priority = priority, Version = 1 };
            db.SlaPolicies.Add(policy);
        }
        else if (policy.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        policy.FirstResponseHours = input.FirstResponseHours.Value;
        policy.ResolutionHours = input.ResolutionHours.Value;
        return await SaveAndRetimeAsync(ct);
    }

    public async Task<Result> UpdateCalendarAsync(Viewer viewer, WorkingCalendarInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var zoneId = input.TimeZoneId!.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is null)
        {
            return Error.Invalid(nameof(WorkingCalendarInput.TimeZoneId), ServiceTexts.ValidationTimeZoneUnknown);
        }

        var days = input.WorkingDays.Where(Enum.IsDefined).Distinct().ToList();
        if (days.Count == 0 || days.Count != input.WorkingDays.Distinct().Count())
        {
            return Error.Invalid(nameof(WorkingCalendarInput.WorkingDays), ServiceTexts.ValidationWorkingDays);
        }

        if (input.DayEnd <= input.DayStart)
        {
            return Error.Invalid(nameof(WorkingCalendarInput.DayEnd), ServiceTexts.ValidationDayEndsAfterStart);
        }

        var calendar = await db.WorkingCalendars.FirstOrDefaultAsync(ct);
        if (calendar is null)
        {
            if (input.Version != 0)
            {
                return Error.StaleVersion();
            }

            calendar = new WorkingCalendar { Version = 1 };
            db.WorkingCalendars.Add(calendar);
        }
        else if (calendar.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        calendar.TimeZoneId = zoneId;
        calendar.WorkingDays = string.Join(',', days.Select(d => (int)BclConversions.ToIsoDayOfWeek(d)).Order());
        calendar.DayStart = input.DayStart!.Value;
        calendar.DayEnd = input.DayEnd!.Value;
        return await SaveAndRetimeAsync(ct);
    }

    public async Task<Result<Guid>> AddHolidayAsync(Viewer viewer, HolidayInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var from = input.From!.Value;
        var to = input.To ?? from;
        if (to < from)
        {
            return Error.Invalid(nameof(HolidayInput.To), ServiceTexts.ValidationHolidayEndsBeforeStart);
        }

        if (to.DayNumber - from.DayNumber > 31)
        {
            return Error.Invalid(nameof(HolidayInput.To), ServiceTexts.ValidationHolidayTooLong);
        }

        if (await db.PublicHolidays.Where(h => h.From <= to && h.To >= from).Select(h => h.Name).FirstOrDefaultAsync(ct) is { } clash)
        {
            return Error.Invalid(nameof(HolidayInput.From), string.Format(System.Globalization.CultureInfo.CurrentCulture,
                ServiceTexts.ValidationHolidayOverlaps, clash));
        }

        var holiday = new PublicHoliday { From = from, To = to, Name = input.Name!.Trim() };
        db.PublicHolidays.Add(holiday);
        var saved = await SaveAndRetimeAsync(ct);
        return saved.IsSuccess ? holiday.Id : Result<Guid>.Fail([.. saved.Errors]);
    }

    public async Task<Result> RemoveHolidayAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var holiday = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null)
        {
            return Error.NotFound(ServiceTexts.ErrorHolidayNotFound);
        }

        db.PublicHolidays.Remove(holiday);
        return await SaveAndRetimeAsync(ct);
    }

    /// <summary>
    /// Saves the change, then re-times every open case by the new rules: their due instants are derived from the
    /// settings, so the lists would otherwise sort and flag them by the old ones.
    /// </summary>
    private async Task<Result> SaveAndRetimeAsync(CancellationToken ct)
    {
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsSuccess)
        {
            await RetimeOpenCasesAsync(db.Cases, ct);
        }

        return saved;
    }

    /// <summary>
    /// Re-times the open cases among <paramref name="cases"/> by the current rules, and by their account's tier now.
    /// Settings and tiers change rarely; open cases are read in pages by id and written with the clock keys only,
    /// which neither bump a version nor enter the audit log.
    /// </summary>
    internal async Task RetimeOpenCasesAsync(IQueryable<ServiceCase> cases, CancellationToken ct)
    {
        var rules = await RulesAsync(ct);
        var open = cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.New || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingOnClient);
        for (var after = Guid.Empty; ;)
        {
            var batch = await open.Where(c => c.Id > after).OrderBy(c => c.Id)
                .Select(c => new { Case = c, c.Account!.Tier }).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var (c, tier) in batch.Select(b => (b.Case, b.Tier)))
            {
                c.Tier = tier;
                CaseClock.Refresh(c, rules.Calendar, rules.For(c));
                await db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Tier, c.Tier)
                    .SetProperty(x => x.ResponseDueAt, c.ResponseDueAt)
                    .SetProperty(x => x.ResolutionDueAt, c.ResolutionDueAt)
                    .SetProperty(x => x.SlaDueAt, c.SlaDueAt)
                    .SetProperty(x => x.SlaNearAt, c.SlaNearAt), ct);
            }

            after = batch[^1].Case.Id;
        }
    }

    private static List<DayOfWeek> DaysOf(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n is >= 1 and <= 7)
            .Select(n => BclConversions.ToDayOfWeek((IsoDayOfWeek)n))];

    private static IEnumerable<LocalDate> Dates(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return new LocalDate(d.Year, d.Month, d.Day);
        }
    }
}
