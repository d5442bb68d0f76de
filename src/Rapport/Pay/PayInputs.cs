using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Pay.Engine;
using Rapport.People;
using Rapport.Service;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>What holds for everyone paid in a period.</summary>
public sealed record PeriodFacts(string Currency, MinimumWage MinimumWage, NetParameters? Net, IReadOnlyList<DateOnly> WorkingDays);

/// <summary>Who is paid in a period and by what: the employee, their assignment and the plan version in force.</summary>
public sealed record PayPlanRun(Guid EmployeeId, PlanAssignment Assignment, CompPlanVersion PlanVersion, PayPlan Plan);

/// <summary>
/// Gathers, from the stored records, everything the pay calculation reads for a period: the deal log's credits per
/// employee, quotas, the minimum wage and net parameters in force, the working days, adjustments, the balance each
/// previous statement carried forward, commission already paid on deals taken back, and where each person stands on
/// the trailing windows top-X % bonuses name. Reads each kind of record once for the whole period, so a thousand
/// employees cost the same few queries as one.
/// </summary>
public sealed class PayInputs(RapportDb db, DealEvents events, CurrencyConverter converter)
{
    /// <summary>The employees with an assignment in the period, each with the one in force on the last day they are assigned (the latest).</summary>
    public async Task<Result<List<PayPlanRun>>> RunsAsync(DateOnly from, DateOnly to, Guid? onlyEmployee, CancellationToken ct)
    {
        var assignments = await db.PlanAssignments.AsNoTracking()
            .Where(a => a.From <= to && (a.To == null || a.To >= from) && (onlyEmployee == null || a.EmployeeId == onlyEmployee))
            .ToListAsync(ct);
        var latest = assignments.GroupBy(a => a.EmployeeId).Select(g => g.OrderByDescending(a => a.From).First()).ToList();
        var planIds = latest.Select(a => a.PlanId).Distinct().ToList();
        var versions = await db.CompPlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).ToListAsync(ct);
        var parsed = new Dictionary<Guid, PayPlan>();
        var runs = new List<PayPlanRun>(latest.Count);
        foreach (var assignment in latest.OrderBy(a => a.EmployeeId))
        {
            // The version in force on the first day the plan applies in the period.
            var on = assignment.From > from ? assignment.From : from;
            var version = versions.Where(v => v.PlanId == assignment.PlanId && v.EffectiveFrom <= on).MaxBy(v => v.EffectiveFrom)
                ?? versions.Where(v => v.PlanId == assignment.PlanId && v.EffectiveFrom <= to).MinBy(v => v.EffectiveFrom);
            if (version is null)
            {
                continue;
            }

            if (!parsed.TryGetValue(version.Id, out var plan))
            {
                var result = PlanDocument.Parse(version.Document);
                if (!result.IsSuccess)
                {
                    return Result<List<PayPlanRun>>.Fail([.. result.Errors]);
                }

                plan = parsed[version.Id] = result.Value;
            }

            runs.Add(new PayPlanRun(assignment.EmployeeId, assignment, version, plan));
        }

        return runs;
    }

    /// <summary>The activity of each run's employee in the period, in the order of <paramref name="runs"/>.</summary>
    public async Task<Result<List<PeriodActivity>>> ActivitiesAsync(DateOnly from, DateOnly to, IReadOnlyList<PayPlanRun> runs, CancellationToken ct)
    {
        var facts = await FactsAsync(from, to, runs.Any(r => r.Plan.Base.Kind == BaseKind.MinimumWage), ct);
        if (!facts.IsSuccess)
        {
            return Result<List<PeriodActivity>>.Fail([.. facts.Errors]);
        }

        var (currency, wage, net, workingDays) = facts.Value;
        var ids = runs.Select(r => r.EmployeeId).ToHashSet();
        var employees = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.FullName, e.EmploymentStart, e.EmploymentEnd }).ToDictionaryAsync(e => e.Id, ct);
        var credits = await CreditsAsync(from, to, ids, ids.Count == 1 ? ids.Single() : null, ct);
        var quotas = await QuotasAsync(from, to, ids, ct);
        var periodStart = from;
        var adjustments = (await (from a in db.PayAdjustments.AsNoTracking()
                                  join p in db.PayPeriods on a.PeriodId equals p.Id
                                  where p.Start == periodStart
                                  select a).ToListAsync(ct))
            .Where(a => ids.Contains(a.EmployeeId)).OrderBy(a => a.On).ThenBy(a => a.Id)
            .GroupBy(a => a.EmployeeId).ToDictionary(g => g.Key, g => g.Select(a => new AdjustmentEntry(a.Id, a.On, a.Amount, a.Reason)).ToList());
        var carried = await CarriedAsync(from, ids, ct);
        var paidBefore = await PaidBeforeAsync(from, credits, ct);
        var topShares = await TopSharesAsync(to, runs, ct);

        var activities = new List<PeriodActivity>(runs.Count);
        foreach (var run in runs)
        {
            var e = employees[run.EmployeeId];
            activities.Add(new PeriodActivity(
                from, to, currency, new EmployeeFacts(e.Id, e.FullName, e.EmploymentStart, e.EmploymentEnd),
                run.Assignment.From, run.Assignment.To, quotas.GetValueOrDefault(run.EmployeeId), wage, workingDays,
                credits.GetValueOrDefault(run.EmployeeId) ?? [], paidBefore.GetValueOrDefault(run.EmployeeId) ?? [],
                adjustments.GetValueOrDefault(run.EmployeeId) ?? [], carried.GetValueOrDefault(run.EmployeeId),
                topShares.GetValueOrDefault(run.EmployeeId) ?? new Dictionary<int, decimal>(), net));
        }

        return activities;
    }

    /// <summary>What holds for everyone in the period: the organisation's currency, the minimum wage and net parameters in force on its first day, its working days.</summary>
    /// <param name="from">The period's first day.</param>
    /// <param name="to">The period's last day.</param>
    /// <param name="needsWage">Whether a plan paid in the period has a minimum-wage base: only then is a missing wage an error.</param>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<Result<PeriodFacts>> FactsAsync(DateOnly from, DateOnly to, bool needsWage, CancellationToken ct)
    {
        var currency = await converter.BaseCurrencyAsync(ct);
        var rates = await converter.RatesAsync(ct);
        var country = await db.Organisations.AsNoTracking().Select(o => o.CountryCode).FirstOrDefaultAsync(ct) ?? "BG";
        var parameters = await db.CountryParameters.AsNoTracking().Where(p => p.CountryCode == country && p.ValidFrom <= from).ToListAsync(ct);
        CountryParameter? InForce(ParameterKind kind) => parameters.Where(p => p.Kind == kind).MaxBy(p => p.ValidFrom);

        var wageRow = InForce(ParameterKind.MinimumMonthlyWage);
        var wageUnits = wageRow is null ? null : Units(rates, wageRow.Currency, currency, from);
        if (needsWage && wageRow is null)
        {
            return Error.Conflict(PayTexts.ErrorNoMinimumWage);
        }

        if (needsWage && wageUnits is null)
        {
            return Error.Conflict(string.Format(System.Globalization.CultureInfo.CurrentCulture, PayTexts.ErrorNoRate, wageRow!.Currency, from));
        }

        // With no plan on the minimum wage, none need be in force: the record says so with a zero wage.
        var wage = wageRow is not null && wageUnits is { } units
            ? new MinimumWage(wageRow.Value, wageRow.Currency, units, wageRow.ValidFrom)
            : new MinimumWage(0m, currency, 1m, from);
        var net = NetFrom(InForce(ParameterKind.EmployeeContributionPercent), InForce(ParameterKind.MaximumInsurableIncome),
            InForce(ParameterKind.IncomeTaxPercent), rates, currency, from);
        return new PeriodFacts(currency, wage, net, await WorkingDaysAsync(from, to, ct));
    }

    /// <summary>How many units of <paramref name="of"/> make one unit of <paramref name="organisation"/> on the date.</summary>
    private static decimal? Units(RateTable rates, string of, string organisation, DateOnly on) =>
        string.Equals(of, organisation, StringComparison.OrdinalIgnoreCase) ? 1m
        : rates.UnitsPerEuro(of, on) is { } source && rates.UnitsPerEuro(organisation, on) is { } target ? source / target : null;

    private static NetParameters? NetFrom(CountryParameter? contributions, CountryParameter? maximum, CountryParameter? tax, RateTable rates,
        string currency, DateOnly on)
    {
        if (contributions is null || maximum is null || tax is null || Units(rates, maximum.Currency, currency, on) is not { } units)
        {
            return null;
        }

        return new NetParameters(contributions.Value, Money.Round(maximum.Value / units), tax.Value);
    }

    /// <summary>The period's working days by the organisation's calendar: its working weekdays, less public holidays.</summary>
    public async Task<List<DateOnly>> WorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var calendar = await db.WorkingCalendars.AsNoTracking().Select(c => c.WorkingDays).FirstOrDefaultAsync(ct) ?? "1,2,3,4,5";
        var weekdays = calendar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) % 7).Select(d => (DayOfWeek)d).ToHashSet();
        var holidays = await db.PublicHolidays.AsNoTracking().Where(h => h.From <= to && h.To >= from).Select(h => new { h.From, h.To }).ToListAsync(ct);
        var days = new List<DateOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (weekdays.Contains(day.DayOfWeek) && !holidays.Any(h => h.From <= day && day <= h.To))
            {
                days.Add(day);
            }
        }

        return days;
    }

    /// <summary>Every credit to the given employees from the deal log in the period, in the order it happened.</summary>
    // "only": for one person's statement, read only the events that credit them.
    private async Task<Dictionary<Guid, List<CreditEntry>>> CreditsAsync(DateOnly from, DateOnly to, HashSet<Guid> ids, Guid? only, CancellationToken ct)
    {
        var won = await events.WonBetweenAsync(from, to, only, ct);
        var reopens = await events.ReopensBetweenAsync(from, to, only, ct);
        var splits = await events.SplitChangesBetweenAsync(from, to, only, ct);
        var payments = await events.PaymentsBetweenAsync(from, to, only, ct);
        var titles = new Dictionary<Guid, string>();
        foreach (var (deal, title) in won.Select(w => (w.DealId, w.Title)).Concat(reopens.Select(r => (r.DealId, r.Title)))
            .Concat(splits.Select(x => (x.DealId, x.Title))).Concat(payments.Select(p => (p.DealId, p.Title))))
        {
            titles[deal] = title;
        }

        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name, p.Category }).ToDictionaryAsync(p => p.Id, ct);
        var byEmployee = new Dictionary<Guid, List<CreditEntry>>();
        var order = new List<(DateOnly On, long EventId, Guid EmployeeId, CreditEntry Entry)>();

        void Add(long eventId, CreditKind kind, Guid dealId, string number, DateOnly on, DateOnly? wonOn, decimal dealAmount, bool newBusiness,
            CreditDetail credit, decimal amount, IReadOnlyList<LineDetail> lines)
        {
            if (!ids.Contains(credit.EmployeeId) || amount == 0)
            {
                return;
            }

            var entry = new CreditEntry(eventId, kind, dealId, number, titles.GetValueOrDefault(dealId, ""), on, wonOn, amount, dealAmount,
                credit.Percent, newBusiness, LinesOf(amount, lines));
            order.Add((on, eventId, credit.EmployeeId, entry));
        }

        IReadOnlyList<LineCredit> LinesOf(decimal amount, IReadOnlyList<LineDetail> lines)
        {
            if (lines.Count == 0)
            {
                return [];
            }

            var shares = DealMath.Spread(amount, [.. lines.Select(l => Math.Abs(l.AmountBase))]);
            return [.. lines.Select((l, i) =>
            {
                var product = products.GetValueOrDefault(l.ProductId);
                return new LineCredit(l.ProductId, product?.Name ?? "", string.IsNullOrEmpty(product?.Category) ? null : product.Category,
                    l.Quantity, shares[i], l.NewProduct ?? false);
            })];
        }

        foreach (var w in won)
        {
            foreach (var c in w.Credits)
            {
                Add(w.EventId, CreditKind.Won, w.DealId, w.Number, w.ClosedOn, w.ClosedOn, w.AmountBase, w.NewBusiness, c, c.Amount, w.Lines);
            }
        }

        foreach (var r in reopens.Where(r => r.WasOutcome == DealOutcome.Won))
        {
            foreach (var c in r.Credits)
            {
                Add(r.EventId, CreditKind.Reopened, r.DealId, r.Number, r.ReopenedOn, r.WasClosedOn, r.AmountBase ?? 0, r.WasNewBusiness ?? false,
                    c, -c.Amount, r.Lines);
            }
        }

        foreach (var s in splits.Where(s => s.Outcome == DealOutcome.Won))
        {
            var before = s.Before.ToDictionary(c => c.EmployeeId);
            var after = s.After.ToDictionary(c => c.EmployeeId);
            foreach (var employee in before.Keys.Union(after.Keys).Order())
            {
                var was = before.GetValueOrDefault(employee)?.Amount ?? 0;
                var now = after.GetValueOrDefault(employee)?.Amount ?? 0;
                var credit = after.GetValueOrDefault(employee) ?? before[employee];
                Add(s.EventId, CreditKind.SplitChanged, s.DealId, s.Number, s.ChangedOn, null, s.After.Sum(c => c.Amount), false, credit, now - was, []);
            }
        }

        foreach (var p in payments)
        {
            foreach (var c in p.Credits)
            {
                Add(p.EventId, p.Kind == PaymentKind.CreditNote ? CreditKind.CreditNote : CreditKind.Payment, p.DealId, p.Number, p.PaidOn, null,
                    p.AmountBase, p.NewBusiness ?? false, c, c.Amount, p.Lines);
            }
        }

        foreach (var (_, _, employee, entry) in order.OrderBy(o => o.On).ThenBy(o => o.EventId))
        {
            if (!byEmployee.TryGetValue(employee, out var list))
            {
                byEmployee[employee] = list = [];
            }

            list.Add(entry);
        }

        return byEmployee;
    }

    /// <summary>Each employee's quota for the period: a month's quota, or a third of the quarter's (to the cent) when the quarter has one.</summary>
    private async Task<Dictionary<Guid, decimal>> QuotasAsync(DateOnly from, DateOnly to, HashSet<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Set<Quota>().AsNoTracking().Where(q => q.Start <= from && q.End >= to).ToListAsync(ct);
        return rows.Where(q => ids.Contains(q.EmployeeId)).GroupBy(q => q.EmployeeId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(q => q.Start).First() is var q && q.Kind == PeriodKind.Quarter ? Money.Round(q.Amount / 3m) : q.Amount);
    }

    /// <summary>What each employee's statement of the latest earlier period carried forward.</summary>
    private async Task<Dictionary<Guid, decimal>> CarriedAsync(DateOnly from, HashSet<Guid> ids, CancellationToken ct)
    {
        var previous = await db.PayPeriods.AsNoTracking().Where(p => p.Start < from).OrderByDescending(p => p.Start).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return [];
        }

        var rows = await db.PayStatements.AsNoTracking().Where(s => s.PeriodId == previous && s.CarryForward != 0)
            .Select(s => new { s.EmployeeId, s.CarryForward }).ToListAsync(ct);
        return rows.Where(r => ids.Contains(r.EmployeeId)).ToDictionary(r => r.EmployeeId, r => r.CarryForward);
    }

    /// <summary>
    /// Commission paid on earlier statements for the deals taken back in this period (reopened, credited back), read from
    /// those statements' own lines: what clawback takes back is exactly what was paid.
    /// </summary>
    private async Task<Dictionary<Guid, List<PaidCommission>>> PaidBeforeAsync(DateOnly from, Dictionary<Guid, List<CreditEntry>> credits, CancellationToken ct)
    {
        var result = new Dictionary<Guid, List<PaidCommission>>();
        foreach (var (employee, entries) in credits)
        {
            var deals = entries.Where(e => e.Kind is CreditKind.Reopened or CreditKind.CreditNote && e.WonOn is { } won && won < from)
                .Select(e => e.DealId).ToHashSet();
            if (deals.Count == 0)
            {
                continue;
            }

            var periodStart = from;
            var earlier = await (from s in db.PayStatements.AsNoTracking()
                                 join p in db.PayPeriods on s.PeriodId equals p.Id
                                 where s.EmployeeId == employee && p.Start < periodStart && p.Status != PayPeriodStatus.Open && p.Status != PayPeriodStatus.Calculated
                                 select new { p.Start, s.Lines }).ToListAsync(ct);
            var paid = new List<PaidCommission>();
            foreach (var statement in earlier.OrderBy(s => s.Start))
            {
                foreach (var group in PayJson.ReadStatement(statement.Lines).Value.Lines
                    .Where(l => l.Kind == PayLineKind.Commission && l.DealId is { } d && deals.Contains(d)).GroupBy(l => l.DealId!.Value))
                {
                    paid.Add(new PaidCommission(group.Key, statement.Start, group.Sum(l => l.Basis), group.Sum(l => l.Amount)));
                }
            }

            if (paid.Count > 0)
            {
                result[employee] = paid;
            }
        }

        return result;
    }

    /// <summary>
    /// For each trailing window a plan names, where each assigned employee stands by credited amount won over it (wins
    /// less reopens, ending on the period's last day), as a percent from the top: 100 × rank ÷ people ranked, where rank
    /// counts those credited strictly more, plus one.
    /// </summary>
    private async Task<Dictionary<Guid, Dictionary<int, decimal>>> TopSharesAsync(DateOnly to, IReadOnlyList<PayPlanRun> runs, CancellationToken ct)
    {
        var result = new Dictionary<Guid, Dictionary<int, decimal>>();
        var windows = runs.SelectMany(r => r.Plan.TrailingWindows).Distinct().Order().ToList();
        var people = runs.Select(r => r.EmployeeId).ToHashSet();
        foreach (var months in windows)
        {
            var start = new DateOnly(to.Year, to.Month, 1).AddMonths(1 - months);
            var sums = people.ToDictionary(p => p, _ => 0m);
            foreach (var w in await events.WonBetweenAsync(start, to, ct: ct))
            {
                foreach (var c in w.Credits.Where(c => sums.ContainsKey(c.EmployeeId)))
                {
                    sums[c.EmployeeId] += c.Amount;
                }
            }

            foreach (var r in (await events.ReopensBetweenAsync(start, to, ct: ct)).Where(r => r.WasOutcome == DealOutcome.Won))
            {
                foreach (var c in r.Credits.Where(c => sums.ContainsKey(c.EmployeeId)))
                {
                    sums[c.EmployeeId] -= c.Amount;
                }
            }

            var ordered = sums.Values.OrderDescending().ToArray();
            foreach (var (employee, amount) in sums)
            {
                var above = ordered.TakeWhile(v => v > amount).Count();
                var share = Math.Round(100m * (above + 1) / ordered.Length, 2, MidpointRounding.AwayFromZero);
                if (!result.TryGetValue(employee, out var map))
                {
                    result[employee] = map = [];
                }

                map[months] = share;
            }
        }

        return result;
    }
}
