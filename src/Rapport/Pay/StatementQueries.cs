using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Pay.Engine;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>A statement line as a reader sees it: the engine's line and its formula in words in the reader's language.</summary>
public sealed record StatementLineView(PayLine Line, string Kind, string Description, int OpenInquiries);

public sealed record StatementView(
    Guid Id, Guid PeriodId, DateOnly Start, DateOnly End, PayPeriodStatus Status, Guid EmployeeId, string EmployeeName, string PlanName,
    int PlanVersion, string Currency, IReadOnlyList<StatementLineView> Lines, decimal Total, decimal CarryForward, NetEstimate? Net,
    DateTime CalculatedAt, string Hash);

/// <summary>A statement's totals, for lists: what a head of sales reads of their team's pay.</summary>
public sealed record StatementRow(Guid Id, Guid PeriodId, DateOnly Start, PayPeriodStatus Status, Guid EmployeeId, string EmployeeName,
    decimal Base, decimal Commission, decimal Bonuses, decimal Adjustments, decimal Clawbacks, decimal Total, decimal CarryForward, string Currency,
    bool MayOpen);

/// <summary>The open period so far for one employee, computed now and not stored.</summary>
public sealed record LedgerView(DateOnly Start, DateOnly End, string EmployeeName, string PlanName, bool EarnsOnPayment, string Currency,
    IReadOnlyList<StatementLineView> Lines, decimal Total, decimal Pending, IReadOnlyList<WhatIfRow> WhatIf);

/// <summary>What closing one open deal this period would add to the employee's pay.</summary>
public sealed record WhatIfRow(Guid DealId, string Number, string Title, decimal Credit, DateOnly ExpectedCloseOn, decimal Adds);

/// <summary>Whether a stored statement is exactly what its stored inputs give today.</summary>
public sealed record Verification(bool Matches, string StoredHash, string RecomputedHash);

/// <summary>Reading statements: one with its lines, a period's list, someone's history, the live ledger and the what-if.</summary>
public sealed class StatementQueries(RapportDb db, PayInputs inputs, TimeProvider clock)
{
    public async Task<StatementView?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var row = await (from s in db.PayStatements.AsNoTracking()
                         join p in db.PayPeriods on s.PeriodId equals p.Id
                         join e in db.Employees on s.EmployeeId equals e.Id
                         join v in db.CompPlanVersions on s.PlanVersionId equals v.Id
                         join plan in db.CompPlans on v.PlanId equals plan.Id
                         where s.Id == id
                         select new { Statement = s, p.Start, p.End, p.Status, e.FullName, PlanName = plan.Name, v.Number }).FirstOrDefaultAsync(ct);
        if (row is null || !PayAccess.MayReadLines(viewer, row.Statement.EmployeeId))
        {
            return null;
        }

        // An account manager reads their statement once Finance has approved it; a calculation before that is a draft.
        if (!PayAccess.MayAdminister(viewer) && row.Status is PayPeriodStatus.Open or PayPeriodStatus.Calculated)
        {
            return null;
        }

        var record = row.Statement;
        var statement = PayJson.ReadStatement(record.Lines).Value;
        var open = await db.PayInquiries.AsNoTracking().Where(i => i.StatementId == id && i.Status != InquiryStatus.Closed)
            .GroupBy(i => i.LineOrder).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new StatementView(record.Id, record.PeriodId, row.Start, row.End, row.Status, record.EmployeeId, row.FullName, row.PlanName, row.Number,
            record.Currency, Views(statement.Lines, record.Currency, open), statement.Total, statement.CarryForward, statement.Net, record.CalculatedAt,
            record.Hash);
    }

    internal static List<StatementLineView> Views(IReadOnlyList<PayLine> lines, string currency, IReadOnlyDictionary<int, int>? open = null) =>
        [.. lines.Select(l => new StatementLineView(l, PayLineText.KindName(l.Kind, CultureInfo.CurrentCulture), PayLineText.Describe(l, currency, CultureInfo.CurrentCulture),
            open?.GetValueOrDefault(l.Order) ?? 0))];

    /// <summary>The statements of a period the viewer may read the totals of; null when the viewer reads no period lists.</summary>
    public async Task<List<StatementRow>?> ForPeriodAsync(Viewer viewer, Guid periodId, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer) && !viewer.Is(Roles.HeadOfSales))
        {
            return null;
        }

        var visible = db.Employees.TotalsVisibleTo(viewer).Select(e => e.Id);
        var rows = await Rows(db.PayStatements.Where(s => s.PeriodId == periodId && visible.Contains(s.EmployeeId)), viewer).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.EmployeeName, StringComparer.CurrentCulture).ThenBy(r => r.EmployeeId)];
    }

    /// <summary>The viewer's own approved statements, newest first.</summary>
    public async Task<List<StatementRow>> MineAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.EmployeeId is not { } me)
        {
            return [];
        }

        var shown = db.PayPeriods.Where(p => p.Status != PayPeriodStatus.Open && p.Status != PayPeriodStatus.Calculated).Select(p => p.Id);
        // One statement a month: a few dozen rows however long someone has been paid, ordered here.
        var rows = await Rows(db.PayStatements.Where(s => s.EmployeeId == me && shown.Contains(s.PeriodId)), viewer).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Start).Take(36)];
    }

    private IQueryable<StatementRow> Rows(IQueryable<PayStatementRecord> statements, Viewer viewer)
    {
        var admin = PayAccess.MayAdminister(viewer);
        var me = viewer.EmployeeId;
        return from s in statements
               join p in db.PayPeriods on s.PeriodId equals p.Id
               join e in db.Employees on s.EmployeeId equals e.Id
               select new StatementRow(s.Id, p.Id, p.Start, p.Status, e.Id, e.FullName, s.Base, s.Commission, s.Bonuses, s.Adjustments, s.Clawbacks,
                   s.Total, s.CarryForward, s.Currency,
                   admin || (s.EmployeeId == me && p.Status != PayPeriodStatus.Open && p.Status != PayPeriodStatus.Calculated));
    }

    /// <summary>Calculates a stored statement again from the inputs stored with it and the plan version it names, and compares.</summary>
    public async Task<Verification?> VerifyAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!PayAccess.MayAdminister(viewer))
        {
            return null;
        }

        var row = await (from s in db.PayStatements.AsNoTracking()
                         join v in db.CompPlanVersions on s.PlanVersionId equals v.Id
                         where s.Id == id
                         select new { s.Inputs, s.Hash, v.Document }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var statement = PayCalculator.Calculate(PlanDocument.Parse(row.Document).Value, PayJson.ReadActivity(row.Inputs).Value);
        var hash = PayJson.Hash(statement);
        return new Verification(hash == row.Hash, row.Hash, hash);
    }

    /// <summary>
    /// The viewer's pay in the month of <paramref name="on"/> so far, as the plan would pay it if the period closed now,
    /// with what is still pending the client's payment and what each open deal would add if won this month.
    /// </summary>
    /// <param name="viewer">Whose month.</param>
    /// <param name="on">A day of the month; today when null.</param>
    /// <param name="totalOnly">Only the lines and total (Home's card): no pending amount, no what-if.</param>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<LedgerView?> LedgerAsync(Viewer viewer, DateOnly? on = null, bool totalOnly = false, CancellationToken ct = default)
    {
        if (viewer.EmployeeId is not { } me)
        {
            return null;
        }

        var today = on ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var start = new DateOnly(today.Year, today.Month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        var runs = await inputs.RunsAsync(start, end, me, ct);
        if (!runs.IsSuccess || runs.Value is not [var run])
        {
            return null;
        }

        var activities = await inputs.ActivitiesAsync(start, end, runs.Value, ct);
        if (!activities.IsSuccess || !string.Equals(run.Plan.Currency, activities.Value[0].Currency, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var activity = activities.Value[0];
        var statement = PayCalculator.Calculate(run.Plan, activity);
        var planName = await db.CompPlans.Where(p => p.Id == run.Assignment.PlanId).Select(p => p.Name).FirstAsync(ct);
        var pending = run.Plan.EarnsOnPayment && !totalOnly ? await PendingAsync(me, ct) : 0m;
        var whatIf = run.Plan.HasCommission && !totalOnly ? await WhatIfAsync(me, run.Plan, activity, statement.Total, ct) : [];
        return new LedgerView(start, end, activity.Employee.Name, planName, run.Plan.EarnsOnPayment, activity.Currency,
            Views(statement.Lines, activity.Currency), statement.Total, pending, whatIf);
    }

    /// <summary>The employee's credit on won deals that the client has not paid yet: earned only when paid.</summary>
    private async Task<decimal> PendingAsync(Guid me, CancellationToken ct)
    {
        var deals = await (from d in db.Deals.AsNoTracking()
                           join s in db.DealSplits on d.Id equals s.DealId
                           where d.Outcome == DealOutcome.Won && s.EmployeeId == me
                           select new { d.Id, d.AmountBase, s.Percent }).ToListAsync(ct);
        if (deals.Count == 0)
        {
            return 0;
        }

        var ids = deals.Select(d => d.Id).ToList();
        var paid = (await db.DealPayments.AsNoTracking().Where(p => ids.Contains(p.DealId)).Select(p => new { p.DealId, p.AmountBase }).ToListAsync(ct))
            .GroupBy(p => p.DealId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountBase));
        return deals.Sum(d => Money.Round(Math.Max(0, d.AmountBase - paid.GetValueOrDefault(d.Id)) * d.Percent / 100m));
    }

    /// <summary>For each open deal the employee is credited on, the pay it would add if won today (the plan over the activity plus that win).</summary>
    private async Task<List<WhatIfRow>> WhatIfAsync(Guid me, PayPlan plan, PeriodActivity activity, decimal total, CancellationToken ct)
    {
        var open = await (from d in db.Deals.AsNoTracking()
                          join s in db.DealSplits on d.Id equals s.DealId
                          where d.Outcome == DealOutcome.Open && s.EmployeeId == me
                          orderby d.ExpectedCloseOn, d.Number
                          select new { d.Id, d.Number, d.Title, d.AccountId, d.AmountBase, d.ExpectedCloseOn, s.Percent }).Take(20).ToListAsync(ct);

        // New business is an account's first won deal: which of these accounts have won one already.
        var accounts = open.Select(d => d.AccountId).Distinct().ToList();
        var won = (await db.Deals.AsNoTracking().Where(d => d.Outcome == DealOutcome.Won && accounts.Contains(d.AccountId))
            .Select(d => d.AccountId).Distinct().ToListAsync(ct)).ToHashSet();
        var day = activity.To < DateOnly.FromDateTime(clock.GetLocalNow().DateTime) ? activity.To : DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var rows = new List<WhatIfRow>();
        foreach (var d in open)
        {
            var credit = Money.Round(d.AmountBase * d.Percent / 100m);
            var entry = new CreditEntry(0, plan.EarnsOnPayment ? CreditKind.Payment : CreditKind.Won, d.Id, DealNumber.Format(d.Number), d.Title, day, day,
                credit, d.AmountBase, d.Percent, !won.Contains(d.AccountId), []);
            var with = PayCalculator.Calculate(plan, activity with { Credits = [.. activity.Credits, entry] });
            rows.Add(new WhatIfRow(d.Id, DealNumber.Format(d.Number), d.Title, credit, d.ExpectedCloseOn, with.Total - total));
        }

        return rows;
    }
}
