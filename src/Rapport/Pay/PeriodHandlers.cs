using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay.Engine;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>A correction to one employee's pay in an open period.</summary>
public sealed class AdjustmentInput
{
    [Display(Name = nameof(Texts.FieldEmployee), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? EmployeeId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(PayTexts.FieldAdjustmentOn), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? On { get; set; }

    /// <summary>Negative to take back.</summary>
    [Display(Name = nameof(PayTexts.FieldAdjustmentAmount), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "-10000000", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationRange), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Amount { get; set; }

    [Display(Name = nameof(PayTexts.FieldAdjustmentReason), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(PayAdjustment.ReasonLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Reason { get; set; }
}

public sealed record PayPeriodRow(Guid Id, DateOnly Start, DateOnly End, PayPeriodStatus Status, int Statements, decimal Total,
    DateTime? CalculatedAt, string? ApprovedBy, string? LockedBy, DateTime? ExportedAt, long Version)
{
    public string Code => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

public sealed record CalculationResult(int Statements, decimal Total, IReadOnlyList<string> Skipped);

/// <summary>Where a period's calculation has got: reading its inputs, calculating person by person, or saving.</summary>
public enum CalculationStage
{
    Reading,
    Calculating,
    Saving,
}

/// <summary>A calculation's progress: its stage and, while calculating, how many of the people are done.</summary>
public readonly record struct CalculationProgress(CalculationStage Stage, int Done, int Total);

public sealed record AdjustmentRow(Guid Id, Guid EmployeeId, string EmployeeName, DateOnly On, decimal Amount, string Reason, string CreatedBy);

/// <summary>One row of the payroll export: commission apart from the base, as payroll needs it.</summary>
public sealed record PayrollRow(string Employee, string? Email, decimal Base, decimal Commission, decimal Bonuses, decimal Adjustments,
    decimal Clawbacks, decimal TotalGross, string Currency);

/// <summary>
/// The close of a pay period: open → calculated → approved → locked → exported. Calculating may be repeated until
/// approval; approval and locking are Finance's; a locked period is refused by the database itself, whoever asks.
/// </summary>
public sealed class PeriodHandlers(RapportDb db, PayInputs inputs, TimeProvider clock)
{
    public Task<List<PayPeriodRow>?> ListAsync(Viewer viewer, CancellationToken ct = default) => RowsAsync(viewer, null, ct);

    public async Task<PayPeriodRow?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        (await RowsAsync(viewer, id, ct))?.FirstOrDefault();

    /// <summary>The periods (or the one named) with the totals of the statements the viewer may read; null for someone who reads no periods.</summary>
    private async Task<List<PayPeriodRow>?> RowsAsync(Viewer viewer, Guid? only, CancellationToken ct)
    {
        if (!PayAccess.MayAdminister(viewer) && !viewer.Is(Roles.HeadOfSales))
        {
            return null;
        }

        var visible = db.Employees.TotalsVisibleTo(viewer).Select(e => e.Id);
        return await db.PayPeriods.AsNoTracking().Where(p => only == null || p.Id == only).OrderByDescending(p => p.Start).Select(p => new PayPeriodRow(
            p.Id, p.Start, p.End, p.Status,
            db.PayStatements.Count(s => s.PeriodId == p.Id && visible.Contains(s.EmployeeId)),
            db.PayStatements.Where(s => s.PeriodId == p.Id && visible.Contains(s.EmployeeId)).Sum(s => (decimal?)s.Total) ?? 0,
            p.CalculatedAt, p.ApprovedBy, p.LockedBy, p.ExportedAt, p.Version)).ToListAsync(ct);
    }

    /// <summary>The first day of a month written as "2026-11".</summary>
    internal static bool TryParseMonth(string? month, out DateOnly start) =>
        DateOnly.TryParseExact($"{month?.Trim()}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    /// <summary>Opens the pay period of a month ("2026-11").</summary>
    public async Task<Result<Guid>> OpenAsync(Viewer viewer, string? month, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (!TryParseMonth(month, out var start))
        {
            return Error.Invalid("Month", PayTexts.ValidationMonth);
        }

        if (await db.PayPeriods.AnyAsync(p => p.Start == start, ct))
        {
            return Error.Invalid("Month", PayTexts.ValidationPeriodExists);
        }

        var period = new PayPeriod { Start = start, End = start.AddMonths(1).AddDays(-1), Status = PayPeriodStatus.Open };
        db.PayPeriods.Add(period);
        await db.SaveChangesAsync(ct);
        return period.Id;
    }

    /// <summary>
    /// Calculates every statement of the period (or one employee's) from what is stored now, replacing the previous
    /// calculation. Refused once the period is approved. Reports its stage, and while calculating the people done.
    /// </summary>
    public async Task<Result<CalculationResult>> CalculateAsync(Viewer viewer, Guid periodId, Guid? onlyEmployee = null,
        IProgress<CalculationProgress>? progress = null, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.PayPeriods.FirstOrDefaultAsync(p => p.Id == periodId, ct) is not { } period)
        {
            return Error.NotFound(PayTexts.ErrorPeriodNotFound);
        }

        if (period.Status is not (PayPeriodStatus.Open or PayPeriodStatus.Calculated))
        {
            return Error.Conflict(PayTexts.ErrorPeriodClosed);
        }

        progress?.Report(new(CalculationStage.Reading, 0, 0));
        var runs = await inputs.RunsAsync(period.Start, period.End, onlyEmployee, ct);
        if (!runs.IsSuccess)
        {
            return Result<CalculationResult>.Fail([.. runs.Errors]);
        }

        var activities = await inputs.ActivitiesAsync(period.Start, period.End, runs.Value, ct);
        if (!activities.IsSuccess)
        {
            return Result<CalculationResult>.Fail([.. activities.Errors]);
        }

        // Only the ids of the statements replaced: their stored inputs and lines are what the largest periods are made of.
        var existing = await db.PayStatements.AsNoTracking().Where(s => s.PeriodId == periodId && (onlyEmployee == null || s.EmployeeId == onlyEmployee))
            .Select(s => new { s.Id, s.EmployeeId }).ToDictionaryAsync(s => s.EmployeeId, s => s.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var total = 0m;
        var skipped = new List<string>();
        var count = runs.Value.Count;

        // One transaction, written a batch at a time: a batch's statements are calculated in parallel (the engine is
        // pure, and each result lands at its employee's index, so the order and the bytes are those of a sequential
        // run), then saved and let go, so the period never holds more than a batch of serialised inputs and lines.
        // Inside a caller's transaction (the demo's seeding) the batches are part of that one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var computed = new Computed?[Math.Min(count, CalculationBatch)];
        for (var first = 0; first < count; first += CalculationBatch)
        {
            var size = Math.Min(CalculationBatch, count - first);
            Parallel.For(0, size, new ParallelOptions { CancellationToken = ct }, k =>
            {
                var run = runs.Value[first + k];
                var activity = activities.Value[first + k];
                computed[k] = string.Equals(run.Plan.Currency, activity.Currency, StringComparison.OrdinalIgnoreCase)
                    ? Compute(run.Plan, activity)
                    : null;
            });

            var batch = new List<PayStatementRecord>(size);
            for (var k = 0; k < size; k++)
            {
                var i = first + k;
                var run = runs.Value[i];
                var activity = activities.Value[i];
                if (computed[k] is not { } result)
                {
                    skipped.Add(string.Format(CultureInfo.CurrentCulture, PayTexts.SkippedCurrency, activity.Employee.Name, run.Plan.Currency, activity.Currency));
                    continue;
                }

                var record = new PayStatementRecord { PeriodId = periodId, EmployeeId = run.EmployeeId };
                Fill(record, run.PlanVersion.Id, activity.Currency, result, now);
                if (existing.Remove(run.EmployeeId, out var id))
                {
                    // The statement keeps its id (inquiries point at it); every column is written again.
                    db.Entry(record).Property(r => r.Id).CurrentValue = id;
                    db.Entry(record).State = EntityState.Modified;
                }
                else
                {
                    db.PayStatements.Add(record);
                }

                batch.Add(record);
                total += result.Statement.Total;
                computed[k] = null;
                activities.Value[i] = null!;
            }

            await db.SaveChangesAsync(ct);
            foreach (var record in batch)
            {
                db.Entry(record).State = EntityState.Detached;
            }

            progress?.Report(new(CalculationStage.Calculating, first + size, count));
        }

        // Someone no longer paid by a plan in the period has no statement in it.
        if (existing.Count > 0)
        {
            var gone = existing.Values.ToList();
            await db.PayStatements.Where(s => gone.Contains(s.Id)).ExecuteDeleteAsync(ct);
        }

        if (onlyEmployee is null || period.Status == PayPeriodStatus.Open)
        {
            period.Status = PayPeriodStatus.Calculated;
        }

        period.CalculatedAt = now;
        progress?.Report(new(CalculationStage.Saving, runs.Value.Count, runs.Value.Count));
        var saved = await db.SaveOrConflictAsync(ct);
        if (!saved.IsSuccess)
        {
            return Result<CalculationResult>.Fail([.. saved.Errors]);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return new CalculationResult(count - skipped.Count, total, skipped);
    }

    /// <summary>How many statements are calculated together and saved at once.</summary>
    internal const int CalculationBatch = 64;

    /// <summary>A statement with what is stored of it: the inputs and lines as JSON, and the lines' hash.</summary>
    internal sealed record Computed(PayStatement Statement, string Inputs, string Lines, string Hash);

    /// <summary>Calculates one statement and writes what is stored of it; pure, so safe to run for many employees at once.</summary>
    internal static Computed Compute(PayPlan plan, PeriodActivity activity)
    {
        var statement = PayCalculator.Calculate(plan, activity);
        var lines = PayJson.Write(statement);
        return new Computed(statement, PayJson.Write(activity), lines, PayJson.Hash(lines));
    }

    internal static void Fill(PayStatementRecord record, Guid planVersionId, string currency, Computed computed, DateTime now)
    {
        var statement = computed.Statement;
        decimal Sum(params PayLineKind[] kinds) => statement.Lines.Where(l => kinds.Contains(l.Kind)).Sum(l => l.Amount);
        record.PlanVersionId = planVersionId;
        record.Currency = currency;
        record.Base = Sum(PayLineKind.Base);
        record.Commission = Sum(PayLineKind.Commission, PayLineKind.Cap);
        record.Bonuses = Sum(PayLineKind.Bonus, PayLineKind.Incentive, PayLineKind.Guarantee);
        record.Adjustments = Sum(PayLineKind.Adjustment);
        record.Clawbacks = Sum(PayLineKind.Clawback, PayLineKind.CarriedBalance);
        record.Total = statement.Total;
        record.CarryForward = statement.CarryForward;
        record.NetEstimate = statement.Net?.Net;
        record.LineCount = statement.Lines.Count;
        record.Inputs = computed.Inputs;
        record.Lines = computed.Lines;
        record.Hash = computed.Hash;
        record.CalculatedAt = now;
    }

    public Task<Result> ApproveAsync(Viewer viewer, Guid periodId, long version, CancellationToken ct = default) =>
        MoveAsync(viewer, periodId, version, PayPeriodStatus.Calculated, PayPeriodStatus.Approved, PayTexts.ErrorApproveNeedsCalculated, p =>
        {
            p.ApprovedAt = clock.GetUtcNow().UtcDateTime;
            p.ApprovedBy = db.Actor.Name;
        }, ct);

    public Task<Result> LockAsync(Viewer viewer, Guid periodId, long version, CancellationToken ct = default) =>
        MoveAsync(viewer, periodId, version, PayPeriodStatus.Approved, PayPeriodStatus.Locked, PayTexts.ErrorLockNeedsApproved, p =>
        {
            p.LockedAt = clock.GetUtcNow().UtcDateTime;
            p.LockedBy = db.Actor.Name;
        }, ct);

    private async Task<Result> MoveAsync(Viewer viewer, Guid periodId, long version, PayPeriodStatus from, PayPeriodStatus to, string wrongStep,
        Action<PayPeriod> stamp, CancellationToken ct)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.PayPeriods.FirstOrDefaultAsync(p => p.Id == periodId, ct) is not { } period)
        {
            return Error.NotFound(PayTexts.ErrorPeriodNotFound);
        }

        if (period.Version != version)
        {
            return Error.StaleVersion();
        }

        if (period.Status != from)
        {
            return Error.Conflict(period.Status == to ? PayTexts.ErrorAlreadyDone : wrongStep);
        }

        period.Status = to;
        stamp(period);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The payroll rows of a locked period; the first export marks it exported. Refused before the period is locked.</summary>
    public async Task<Result<(PayPeriodRow Period, List<PayrollRow> Rows)>> ExportAsync(Viewer viewer, Guid periodId, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.PayPeriods.FirstOrDefaultAsync(p => p.Id == periodId, ct) is not { } period)
        {
            return Error.NotFound(PayTexts.ErrorPeriodNotFound);
        }

        if (!period.IsLocked)
        {
            return Error.Conflict(PayTexts.ErrorExportNeedsLocked);
        }

        var rows = await (from s in db.PayStatements.AsNoTracking()
                          join e in db.Employees on s.EmployeeId equals e.Id
                          where s.PeriodId == periodId
                          orderby e.SearchName, e.Id
                          select new PayrollRow(e.FullName, e.Email, s.Base, s.Commission, s.Bonuses, s.Adjustments, s.Clawbacks, s.Total, s.Currency))
            .ToListAsync(ct);
        if (period.Status == PayPeriodStatus.Locked)
        {
            period.Status = PayPeriodStatus.Exported;
            period.ExportedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        var row = (await GetAsync(viewer, periodId, ct))!;
        return (row, rows);
    }

    public async Task<List<AdjustmentRow>?> AdjustmentsAsync(Viewer viewer, Guid periodId, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return null;
        }

        return await (from a in db.PayAdjustments.AsNoTracking()
                      join e in db.Employees on a.EmployeeId equals e.Id
                      where a.PeriodId == periodId
                      orderby a.On, e.SearchName
                      select new AdjustmentRow(a.Id, e.Id, e.FullName, a.On, a.Amount, a.Reason, a.CreatedBy)).ToListAsync(ct);
    }

    /// <summary>Adds a correction to an open or calculated period; the period then needs calculating again.</summary>
    public async Task<Result<Guid>> AddAdjustmentAsync(Viewer viewer, Guid periodId, AdjustmentInput input, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.PayPeriods.FirstOrDefaultAsync(p => p.Id == periodId, ct) is not { } period)
        {
            return Error.NotFound(PayTexts.ErrorPeriodNotFound);
        }

        if (period.Status is not (PayPeriodStatus.Open or PayPeriodStatus.Calculated))
        {
            return Error.Conflict(PayTexts.ErrorAdjustmentClosedPeriod);
        }

        var on = input.On!.Value;
        if (on < period.Start || on > period.End)
        {
            return Error.Invalid(nameof(AdjustmentInput.On), PayTexts.ValidationAdjustmentDate);
        }

        var employeeId = input.EmployeeId!.Value;
        if (!await db.PlanAssignments.AnyAsync(a => a.EmployeeId == employeeId && a.From <= period.End && (a.To == null || a.To >= period.Start), ct))
        {
            return Error.Invalid(nameof(AdjustmentInput.EmployeeId), PayTexts.ValidationAdjustmentNotPaid);
        }

        var amount = Money.Round(input.Amount!.Value);
        if (amount == 0)
        {
            return Error.Invalid(nameof(AdjustmentInput.Amount), PayTexts.ValidationAdjustmentZero);
        }

        var adjustment = new PayAdjustment
        {
            PeriodId = periodId, EmployeeId = employeeId, On = on, Amount = amount, Reason = input.Reason!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.Actor.Name,
        };
        db.PayAdjustments.Add(adjustment);
        period.Status = PayPeriodStatus.Open;
        await db.SaveChangesAsync(ct);
        return adjustment.Id;
    }
}
