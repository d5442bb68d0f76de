using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay.Engine;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>A new plan: its name and its first version.</summary>
public sealed class PlanInput
{
    [Display(Name = nameof(PayTexts.FieldPlanName), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(CompPlan.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    [Display(Name = nameof(PayTexts.FieldEffectiveFrom), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>The plan in the documented JSON format.</summary>
    [Display(Name = nameof(PayTexts.FieldPlanDocument), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(CompPlanVersion.DocumentLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Document { get; set; }
}

/// <summary>A new version of a plan, from a date after the latest one's.</summary>
public sealed class PlanVersionInput
{
    [Display(Name = nameof(PayTexts.FieldEffectiveFrom), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? EffectiveFrom { get; set; }

    [Display(Name = nameof(PayTexts.FieldPlanDocument), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(CompPlanVersion.DocumentLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Document { get; set; }

    /// <summary>The plan's version as read, so that two people adding versions at once do not both succeed.</summary>
    public long Version { get; set; }
}

/// <summary>An employee put on a plan from one day to another (no end while it runs on).</summary>
public sealed class AssignmentInput
{
    [Display(Name = nameof(Texts.FieldEmployee), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? EmployeeId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(PayTexts.FieldAssignedFrom), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? From { get; set; }

    [Display(Name = nameof(PayTexts.FieldAssignedTo), ResourceType = typeof(PayTexts))]
    public DateOnly? To { get; set; }
}

public sealed record PlanRow(Guid Id, string Name, int Versions, DateOnly? EffectiveFrom, int Assigned, bool HasCommission, long Version);

public sealed record PlanVersionRow(Guid Id, int Number, DateOnly EffectiveFrom, DateTime CreatedAt, string CreatedBy);

public sealed record AssignmentRow(Guid Id, Guid EmployeeId, string EmployeeName, DateOnly From, DateOnly? To, long Version);

public sealed record PlanDetails(Guid Id, string Name, long Version, IReadOnlyList<PlanVersionRow> Versions, string Document, PayPlan Plan,
    IReadOnlyList<AssignmentRow> Assignments);

/// <summary>Plans, their versions and who is paid by them. Only Finance and administrators read or change them.</summary>
public sealed class PlanHandlers(RapportDb db, TimeProvider clock)
{
    public async Task<List<PlanRow>?> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var plans = await db.CompPlans.AsNoTracking().OrderBy(p => p.Name).Select(p => new
        {
            p.Id, p.Name, p.Version,
            Versions = db.CompPlanVersions.Count(v => v.PlanId == p.Id),
            Latest = db.CompPlanVersions.Where(v => v.PlanId == p.Id).OrderByDescending(v => v.Number).Select(v => v.Document).FirstOrDefault(),
            From = db.CompPlanVersions.Where(v => v.PlanId == p.Id).Max(v => (DateOnly?)v.EffectiveFrom),
            Assigned = db.PlanAssignments.Count(a => a.PlanId == p.Id && a.From <= today && (a.To == null || a.To >= today)),
        }).ToListAsync(ct);
        return [.. plans.Select(p => new PlanRow(p.Id, p.Name, p.Versions, p.From, p.Assigned,
            p.Latest is { } json && PlanDocument.Parse(json) is { IsSuccess: true } parsed && parsed.Value.HasCommission, p.Version))];
    }

    public async Task<PlanDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer) || await db.CompPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan)
        {
            return null;
        }

        var versions = await db.CompPlanVersions.AsNoTracking().Where(v => v.PlanId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var assignments = await (from a in db.PlanAssignments.AsNoTracking()
                                 join e in db.Employees on a.EmployeeId equals e.Id
                                 where a.PlanId == id
                                 orderby a.From descending, e.SearchName
                                 select new AssignmentRow(a.Id, e.Id, e.FullName, a.From, a.To, a.Version)).ToListAsync(ct);
        var latest = versions[0];
        return new PlanDetails(plan.Id, plan.Name, plan.Version,
            [.. versions.Select(v => new PlanVersionRow(v.Id, v.Number, v.EffectiveFrom, v.CreatedAt, v.CreatedBy))], latest.Document,
            PlanDocument.Parse(latest.Document).Value, assignments);
    }

    /// <summary>The document of one version, for export.</summary>
    public async Task<(string Name, int Number, string Document)?> DocumentAsync(Viewer viewer, Guid planId, int? number, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return null;
        }

        var row = await (from v in db.CompPlanVersions.AsNoTracking()
                         join p in db.CompPlans on v.PlanId equals p.Id
                         where v.PlanId == planId && (number == null || v.Number == number)
                         orderby v.Number descending
                         select new { p.Name, v.Number, v.Document }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Name, row.Number, row.Document);
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, PlanInput input, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var name = input.Name!.Trim();
        if (await db.CompPlans.AnyAsync(p => p.Name == name, ct))
        {
            return Error.Invalid(nameof(PlanInput.Name), PayTexts.ValidationPlanNameTaken);
        }

        if (Parse(input.Document!, nameof(PlanInput.Document)) is { IsSuccess: false } invalid)
        {
            return Result<Guid>.Fail([.. invalid.Errors]);
        }

        var plan = new CompPlan { Name = name };
        db.CompPlans.Add(plan);
        db.CompPlanVersions.Add(NewVersion(plan.Id, 1, input.EffectiveFrom!.Value, input.Document!));
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public async Task<Result<int>> AddVersionAsync(Viewer viewer, Guid planId, PlanVersionInput input, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.CompPlans.FirstOrDefaultAsync(p => p.Id == planId, ct) is not { } plan)
        {
            return Error.NotFound(PayTexts.ErrorPlanNotFound);
        }

        if (plan.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (Parse(input.Document!, nameof(PlanVersionInput.Document)) is { IsSuccess: false } invalid)
        {
            return Result<int>.Fail([.. invalid.Errors]);
        }

        var latest = await db.CompPlanVersions.Where(v => v.PlanId == planId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.EffectiveFrom }).FirstAsync(ct);
        var from = input.EffectiveFrom!.Value;
        if (from <= latest.EffectiveFrom)
        {
            return Error.Invalid(nameof(PlanVersionInput.EffectiveFrom), string.Format(System.Globalization.CultureInfo.CurrentCulture,
                PayTexts.ValidationVersionAfter, latest.EffectiveFrom.ToString("d", System.Globalization.CultureInfo.CurrentCulture)));
        }

        // A version that would reach back into a period already approved would make its statements disagree with their plan.
        if (await db.PayPeriods.AnyAsync(p => p.End >= from && p.Status != PayPeriodStatus.Open && p.Status != PayPeriodStatus.Calculated, ct))
        {
            return Error.Invalid(nameof(PlanVersionInput.EffectiveFrom), PayTexts.ValidationVersionInClosedPeriod);
        }

        db.CompPlanVersions.Add(NewVersion(planId, latest.Number + 1, from, input.Document!));
        plan.Version++;
        var saved = await db.SaveOrConflictAsync(ct);
        return saved.IsSuccess ? latest.Number + 1 : Result<int>.Fail([.. saved.Errors]);
    }

    public async Task<Result<Guid>> AssignAsync(Viewer viewer, Guid planId, AssignmentInput input, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (!await db.CompPlans.AnyAsync(p => p.Id == planId, ct))
        {
            return Error.NotFound(PayTexts.ErrorPlanNotFound);
        }

        var employeeId = input.EmployeeId!.Value;
        if (await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.FullName }).FirstOrDefaultAsync(ct) is null)
        {
            return Error.Invalid(nameof(AssignmentInput.EmployeeId), Texts.ValidationUnknownEmployee);
        }

        var (from, to) = (input.From!.Value, input.To);
        if (to is { } end && end < from)
        {
            return Error.Invalid(nameof(AssignmentInput.To), PayTexts.ValidationAssignmentEnd);
        }

        if (await OverlapAsync(employeeId, from, to, null, ct) is { } other)
        {
            return Error.Invalid(nameof(AssignmentInput.From), other);
        }

        if (await InClosedPeriodAsync(from, to, ct))
        {
            return Error.Invalid(nameof(AssignmentInput.From), PayTexts.ValidationAssignmentInClosedPeriod);
        }

        var assignment = new PlanAssignment { EmployeeId = employeeId, PlanId = planId, From = from, To = to };
        db.PlanAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return assignment.Id;
    }

    /// <summary>
    /// Puts a newly hired employee on a plan from their first day, as one step of the hire: the assignment running on
    /// that day, if any, ends the day before. Nothing is saved here; the hire saves everything at once.
    /// </summary>
    internal async Task<Error?> AssignOnHireAsync(Guid employeeId, Guid planId, DateOnly from, string field, CancellationToken ct)
    {
        if (await InClosedPeriodAsync(from, null, ct))
        {
            return Error.Invalid(field, PayTexts.ValidationAssignmentInClosedPeriod);
        }

        var running = await db.PlanAssignments.Where(a => a.EmployeeId == employeeId && (a.To == null || a.To >= from)).ToListAsync(ct);
        if (running.FirstOrDefault(a => a.From >= from) is not null)
        {
            return Error.Invalid(field, await OverlapAsync(employeeId, from, null, null, ct) ?? PayTexts.ValidationAssignmentInClosedPeriod);
        }

        foreach (var assignment in running)
        {
            assignment.To = from.AddDays(-1);
        }

        db.PlanAssignments.Add(new PlanAssignment { EmployeeId = employeeId, PlanId = planId, From = from });
        return null;
    }

    /// <summary>Ends an assignment on a day (or reopens it with no end), keeping it clear of the others.</summary>
    public async Task<Result> EndAssignmentAsync(Viewer viewer, Guid assignmentId, DateOnly? to, long version, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.PlanAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId, ct) is not { } assignment)
        {
            return Error.NotFound(PayTexts.ErrorAssignmentNotFound);
        }

        if (assignment.Version != version)
        {
            return Error.StaleVersion();
        }

        if (to is { } end && end < assignment.From)
        {
            return Error.Invalid(nameof(AssignmentInput.To), PayTexts.ValidationAssignmentEnd);
        }

        if (await OverlapAsync(assignment.EmployeeId, assignment.From, to, assignment.Id, ct) is { } other)
        {
            return Error.Invalid(nameof(AssignmentInput.To), other);
        }

        // Moving the end across a period already approved would change who that period paid: the days between the old
        // end and the new one must lie outside every closed period.
        var (was, now) = (assignment.To ?? DateOnly.MaxValue, to ?? DateOnly.MaxValue);
        if (was != now && await InClosedPeriodAsync((was < now ? was : now).AddDays(1), was < now ? now : was, ct))
        {
            return Error.Invalid(nameof(AssignmentInput.To), PayTexts.ValidationAssignmentInClosedPeriod);
        }

        assignment.To = to;
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<string?> OverlapAsync(Guid employeeId, DateOnly from, DateOnly? to, Guid? except, CancellationToken ct)
    {
        var (first, last) = (from, to ?? DateOnly.MaxValue);
        var clash = await (from a in db.PlanAssignments.AsNoTracking()
                           join p in db.CompPlans on a.PlanId equals p.Id
                           where a.EmployeeId == employeeId && a.Id != except && a.From <= last && (a.To == null || a.To >= first)
                           select new { p.Name, a.From, a.To }).FirstOrDefaultAsync(ct);
        if (clash is null)
        {
            return null;
        }

        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return string.Format(culture, PayTexts.ValidationAssignmentOverlap, clash.Name, clash.From.ToString("d", culture),
            clash.To?.ToString("d", culture) ?? "…");
    }

    /// <summary>Whether a period already approved (or locked) overlaps the days from <paramref name="first"/> to <paramref name="last"/> (no end when null).</summary>
    private Task<bool> InClosedPeriodAsync(DateOnly first, DateOnly? last, CancellationToken ct)
    {
        var end = last ?? DateOnly.MaxValue;
        return db.PayPeriods.AnyAsync(p => p.End >= first && p.Start <= end && p.Status != PayPeriodStatus.Open && p.Status != PayPeriodStatus.Calculated, ct);
    }

    private static Result<PayPlan> Parse(string document, string field)
    {
        var parsed = PlanDocument.Parse(document);
        return parsed.IsSuccess ? parsed
            : Result<PayPlan>.Fail([.. parsed.Errors.Select(e => e with { Field = field, Message = e.Field is { } at ? $"{at}: {e.Message}" : e.Message })]);
    }

    private CompPlanVersion NewVersion(Guid planId, int number, DateOnly from, string document) => new()
    {
        PlanId = planId, Number = number, EffectiveFrom = from,
        Document = PlanDocument.Write(PlanDocument.Parse(document).Value),
        CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.Actor.Name,
    };
}
