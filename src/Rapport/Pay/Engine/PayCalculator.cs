using Rapport.Shared;

namespace Rapport.Pay.Engine;

/// <summary>
/// The pay calculation: one plan and one employee's activity for one period in, one statement out. Pure and
/// deterministic (no clock, no database, no culture), and linear in the number of credits, so a whole period is
/// recalculated for every employee and a stored statement can be re-derived byte for byte from its inputs.
/// </summary>
public static class PayCalculator
{
    /// <summary>The statement for <paramref name="activity"/> under <paramref name="plan"/>, which must have passed <see cref="PlanDocument.Validate"/>.</summary>
    /// <exception cref="ArgumentException">The plan's currency is not the activity's, the period has no working days or the carried balance is positive.</exception>
    public static PayStatement Calculate(PayPlan plan, PeriodActivity activity)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(plan.Currency, activity.Currency, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The plan is in {plan.Currency} but the activity in {activity.Currency}.", nameof(plan));
        }

        if (activity.WorkingDays.Count == 0)
        {
            throw new ArgumentException("The period has no working days.", nameof(activity));
        }

        if (activity.CarriedBalance > 0)
        {
            throw new ArgumentException("A carried balance is zero or negative.", nameof(activity));
        }

        var lines = new List<PayLine>(activity.Credits.Count + activity.Adjustments.Count + 8);
        AddBase(plan.Base, activity, lines);

        decimal earned = 0;
        if (plan.Commission is { } commission)
        {
            earned += new CommissionRun(commission, plan.EarnsOnPayment, activity, lines).Run();
        }

        earned += AddBonuses(plan, activity, lines);

        // The cap limits what the period earned; the guarantee tops up what is left after it, so a cap never eats a guarantee.
        decimal capLine = plan.Cap is { } cap && earned > cap ? Money.Round(cap - earned) : 0;
        var variable = earned + capLine;
        decimal recoverable = 0;
        if (plan.Guarantee is { } guarantee && activity.From < activity.Employee.EmploymentStart.AddMonths(guarantee.Months)
            && variable < guarantee.Amount)
        {
            var topUp = Money.Round(guarantee.Amount - variable);
            lines.Add(new PayLine(lines.Count + 1, PayLineKind.Guarantee, PayRules.Guarantee, null, null, null, null, guarantee.Amount, null, null, null,
                topUp, null) { Earned = variable, Recoverable = guarantee.Recoverable });
            variable += topUp;
            recoverable = guarantee.Recoverable ? topUp : 0;
        }

        foreach (var adjustment in activity.Adjustments)
        {
            lines.Add(new PayLine(lines.Count + 1, PayLineKind.Adjustment, PayRules.Adjustment, null, null, null, adjustment.On, adjustment.Amount, null,
                null, null, Money.Round(adjustment.Amount), adjustment.Reason));
        }

        decimal deductions = plan.HasCommission ? AddClawbacks(plan, activity, lines) : 0;
        if (activity.CarriedBalance != 0)
        {
            var brought = Money.Round(activity.CarriedBalance);
            lines.Add(new PayLine(lines.Count + 1, PayLineKind.CarriedBalance, PayRules.CarriedIn, null, null, null, activity.From, brought, null, null,
                null, brought, null));
            deductions += brought;
        }

        // Labour Code art. 271–272: what is taken back is netted against variable pay only; the base is never touched, so
        // whatever variable pay cannot cover is put back on the statement and carried to the next period.
        decimal carriedOut = 0;
        if (variable + deductions < 0)
        {
            carriedOut = -(variable + deductions);
            lines.Add(new PayLine(lines.Count + 1, PayLineKind.CarriedBalance, PayRules.CarriedOut, null, null, null, activity.To, carriedOut, null,
                null, null, carriedOut, null));
        }

        if (capLine != 0)
        {
            lines.Add(new PayLine(lines.Count + 1, PayLineKind.Cap, PayRules.Cap, null, null, null, null, plan.Cap!.Value, null, null, null, capLine,
                null) { Earned = earned });
        }

        decimal total = 0;
        foreach (var line in lines)
        {
            total += line.Amount;
        }

        return new PayStatement(lines, total, -carriedOut - recoverable, activity.Net is { } net ? Estimate(total, net) : null);
    }

    private static NetEstimate Estimate(decimal gross, NetParameters net)
    {
        var contributions = Money.Round(Math.Max(0, Math.Min(gross, net.MaximumInsurableIncome)) * net.ContributionPercent / 100m);
        var tax = Money.Round(Math.Max(0, gross - contributions) * net.IncomeTaxPercent / 100m);
        return new NetEstimate(gross, contributions, tax, gross - contributions - tax);
    }

    private static void AddBase(BasePay pay, PeriodActivity activity, List<PayLine> lines)
    {
        if (pay.Kind == BaseKind.None)
        {
            return;
        }

        var start = Max(Max(activity.From, activity.AssignedFrom), activity.Employee.EmploymentStart);
        var end = Min(Min(activity.To, activity.AssignedTo ?? activity.To), activity.Employee.EmploymentEnd ?? activity.To);
        var worked = 0;
        foreach (var day in activity.WorkingDays)
        {
            if (day >= start && day <= end)
            {
                worked++;
            }
        }

        var all = activity.WorkingDays.Count;
        if (pay.Kind == BaseKind.Fixed)
        {
            var amount = pay.Amount ?? 0;
            lines.Add(new PayLine(1, PayLineKind.Base, PayRules.Base, null, null, null, null, amount, null, null, null,
                Money.Round(amount * worked / all), null) { Days = worked, OfDays = all });
            return;
        }

        var wage = activity.MinimumWage;
        var factor = pay.Factor ?? 1;
        var converted = !string.Equals(wage.Currency, activity.Currency, StringComparison.Ordinal);
        // A wage in another currency is converted to the cent first, so the formula on the statement is exactly what was paid.
        var basis = converted ? Money.Round(wage.Amount / wage.UnitsPerOrganisationUnit) : wage.Amount;
        lines.Add(new PayLine(1, PayLineKind.Base, PayRules.MinimumWage, null, null, null, null, basis, null, null, factor,
            Money.Round(basis * factor * worked / all), null)
        {
            Days = worked,
            OfDays = all,
            Original = converted ? wage.Amount : null,
            OriginalCurrency = converted ? wage.Currency : null,
            ConversionRate = converted ? wage.UnitsPerOrganisationUnit : null,
        });
    }

    private static decimal AddBonuses(PayPlan plan, PeriodActivity activity, List<PayLine> lines)
    {
        decimal sum = 0;
        foreach (var bonus in plan.Retention)
        {
            var reached = activity.Employee.EmploymentStart.AddMonths(bonus.AfterMonths);
            if (reached <= activity.To && (bonus.Recurring || reached >= activity.From))
            {
                var amount = Money.Round(bonus.Amount);
                lines.Add(new PayLine(lines.Count + 1, PayLineKind.Bonus, bonus.Key, null, null, null, reached >= activity.From ? reached : activity.To,
                    bonus.Amount, null, null, null, amount, null) { Months = bonus.AfterMonths });
                sum += amount;
            }
        }

        foreach (var bonus in plan.TopPerformers)
        {
            if (activity.TopShares.TryGetValue(bonus.WindowMonths, out var standing) && standing <= bonus.TopPercent)
            {
                var amount = Money.Round(bonus.Amount);
                lines.Add(new PayLine(lines.Count + 1, PayLineKind.Bonus, bonus.Key, null, null, null, activity.To, bonus.Amount, null, null, null, amount,
                    null) { Months = bonus.WindowMonths, Limit = bonus.TopPercent, Standing = standing });
                sum += amount;
            }
        }

        foreach (var incentive in plan.Incentives)
        {
            foreach (var credit in activity.Credits)
            {
                if (credit.Kind != CreditKind.Won || credit.On < (incentive.From ?? DateOnly.MinValue) || credit.On > (incentive.To ?? DateOnly.MaxValue))
                {
                    continue;
                }

                if (incentive.ProductId is null && incentive.Category is null)
                {
                    decimal quantity = 0;
                    foreach (var line in credit.Lines)
                    {
                        quantity += line.Quantity;
                    }

                    if (incentive.MinQuantity <= 0 || quantity >= incentive.MinQuantity)
                    {
                        sum += AddIncentive(incentive, credit, credit.Amount, null, lines);
                    }

                    continue;
                }

                foreach (var line in credit.Lines)
                {
                    var matches = incentive.ProductId is { } product ? line.ProductId == product : SameCategory(line.Category, incentive.Category);
                    if (matches && line.Quantity >= incentive.MinQuantity)
                    {
                        sum += AddIncentive(incentive, credit, line.Amount, line.ProductName, lines);
                    }
                }
            }
        }

        return sum;
    }

    private static decimal AddIncentive(Incentive incentive, CreditEntry credit, decimal credited, string? product, List<PayLine> lines)
    {
        // A fixed incentive is shared like the deal: the employee's split of it.
        var line = incentive.Percent is { } percent
            ? new PayLine(lines.Count + 1, PayLineKind.Incentive, incentive.Key, credit.DealId, credit.DealNumber, credit.EventId, credit.On, credited,
                percent, null, null, Money.Round(credited * percent / 100m), null)
            : new PayLine(lines.Count + 1, PayLineKind.Incentive, incentive.Key, credit.DealId, credit.DealNumber, credit.EventId, credit.On,
                incentive.Amount ?? 0, null, null, credit.Percent / 100m, Money.Round((incentive.Amount ?? 0) * credit.Percent / 100m), null);
        lines.Add(line with { Credit = credit.Kind, Product = product });
        return line.Amount;
    }

    /// <summary>Whether a credit undoes a win of an earlier period that commission may already have been paid on.</summary>
    private static bool UndoesEarlierWin(CreditEntry credit, bool earnsOnPayment, DateOnly from) =>
        credit.WonOn is { } wonOn && wonOn < from
        && (credit.Kind == CreditKind.Reopened || (credit.Kind == CreditKind.CreditNote && !earnsOnPayment));

    private static decimal AddClawbacks(PayPlan plan, PeriodActivity activity, List<PayLine> lines)
    {
        if (plan.ClawbackMonths <= 0)
        {
            return 0;
        }

        Dictionary<Guid, (decimal Paid, decimal Basis, decimal Left)>? paid = null;
        decimal sum = 0;
        foreach (var credit in activity.Credits)
        {
            if (!UndoesEarlierWin(credit, plan.EarnsOnPayment, activity.From) || credit.On > credit.WonOn!.Value.AddMonths(plan.ClawbackMonths))
            {
                continue;
            }

            paid ??= PaidByDeal(activity.PaidBefore);
            if (!paid.TryGetValue(credit.DealId, out var deal) || deal.Left <= 0)
            {
                continue;
            }

            decimal? share = null;
            var amount = deal.Paid;
            if (credit.Kind == CreditKind.CreditNote && deal.Basis != 0 && Math.Abs(credit.Amount) < deal.Basis)
            {
                share = Math.Abs(credit.Amount) / deal.Basis;
                amount = deal.Paid * share.Value;
            }

            var taken = Math.Min(Money.Round(amount), deal.Left);
            paid[credit.DealId] = deal with { Left = deal.Left - taken };
            lines.Add(new PayLine(lines.Count + 1, PayLineKind.Clawback, PayRules.Clawback, credit.DealId, credit.DealNumber, credit.EventId, credit.On,
                deal.Paid, null, null, share, -taken, null) { Credit = credit.Kind });
            sum -= taken;
        }

        return sum;
    }

    private static Dictionary<Guid, (decimal Paid, decimal Basis, decimal Left)> PaidByDeal(IReadOnlyList<PaidCommission> paid)
    {
        var byDeal = new Dictionary<Guid, (decimal Paid, decimal Basis, decimal Left)>();
        foreach (var p in paid)
        {
            byDeal[p.DealId] = byDeal.TryGetValue(p.DealId, out var sum)
                ? (sum.Paid + p.Amount, sum.Basis + p.Basis, sum.Left + p.Amount)
                : (p.Amount, p.Basis, p.Amount);
        }

        return byDeal;
    }

    private static bool SameCategory(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// The commission lines of one period: credits in order, the period-to-date amount running through the bands. A
    /// negative credit runs back down through the bands it came up through, so commission is always the same function
    /// of the period's total, whatever order the credits came in.
    /// </summary>
    private sealed class CommissionRun
    {
        private readonly CommissionPlan _plan;
        private readonly bool _earnsOnPayment;
        private readonly PeriodActivity _activity;
        private readonly List<PayLine> _lines;
        private readonly decimal[] _bandFrom;
        private readonly decimal? _acceleratedFrom;
        private decimal _soFar;
        private decimal _earned;
        private int _reachedBand = -1;

        public CommissionRun(CommissionPlan plan, bool earnsOnPayment, PeriodActivity activity, List<PayLine> lines)
        {
            _plan = plan;
            _earnsOnPayment = earnsOnPayment;
            _activity = activity;
            _lines = lines;
            var quota = activity.Quota is > 0 ? activity.Quota.Value : (decimal?)null;
            _bandFrom = new decimal[plan.Method == CommissionMethod.Flat ? 0 : plan.Tiers.Count];
            for (var i = 0; i < _bandFrom.Length; i++)
            {
                var from = plan.Tiers[i].From;
                // Without a quota no attainment above zero is reached.
                _bandFrom[i] = plan.Measure == TierMeasure.Amount || from == 0 ? from : quota is { } q ? q * from / 100m : decimal.MaxValue;
            }

            _acceleratedFrom = plan.Accelerator is { } accelerator && quota is { } qa ? qa * accelerator.FromAttainment / 100m : null;
        }

        public decimal Run()
        {
            if (_plan.Method == CommissionMethod.Retroactive)
            {
                // The whole period at the rate of the band its total reached: a first pass finds the band.
                decimal total = 0;
                foreach (var credit in _activity.Credits)
                {
                    if (Earns(credit))
                    {
                        total += credit.Amount;
                    }
                }

                _reachedBand = BandAt(total);
            }

            foreach (var credit in _activity.Credits)
            {
                if (Earns(credit) && credit.Amount != 0)
                {
                    Credit(credit);
                }
            }

            return _earned;
        }

        private bool Earns(CreditEntry credit) => credit.Kind switch
        {
            CreditKind.Payment => _earnsOnPayment,
            CreditKind.Won or CreditKind.SplitChanged => !_earnsOnPayment,
            // Earning on the win, a reopen or credit note of this period's win takes its credit back; of an earlier
            // period's win, it is a clawback instead. Earning on payment, a credit note is a negative payment.
            CreditKind.Reopened => !_earnsOnPayment && !UndoesEarlierWin(credit, false, _activity.From),
            CreditKind.CreditNote => _earnsOnPayment || !UndoesEarlierWin(credit, false, _activity.From),
            _ => false,
        };

        private void Credit(CreditEntry credit)
        {
            var count = credit.Lines.Count;
            if (count == 0)
            {
                Portion(credit, credit.Amount, Resolve(null, null, credit.NewBusiness), null);
                return;
            }

            var first = Resolve(credit.Lines[0].ProductId, credit.Lines[0].Category, credit.NewBusiness || credit.Lines[0].NewProduct);
            var same = true;
            for (var i = 1; i < count && same; i++)
            {
                var line = credit.Lines[i];
                same = ReferenceEquals(first, Resolve(line.ProductId, line.Category, credit.NewBusiness || line.NewProduct));
            }

            if (same)
            {
                Portion(credit, credit.Amount, first, null);
                return;
            }

            foreach (var line in credit.Lines)
            {
                Portion(credit, line.Amount, Resolve(line.ProductId, line.Category, credit.NewBusiness || line.NewProduct), line.ProductName);
            }
        }

        /// <summary>The most specific rate rule for a product line or a deal: product, then category, then business kind; null for the plan's own rate.</summary>
        private RateRule? Resolve(Guid? product, string? category, bool isNew)
        {
            RateRule? best = null;
            var bestScore = -1;
            foreach (var rule in _plan.Rates)
            {
                if ((rule.ProductId is { } p && p != product) || (rule.Category is not null && !SameCategory(rule.Category, category))
                    || (rule.Business == BusinessKind.New && !isNew) || (rule.Business == BusinessKind.Existing && isNew))
                {
                    continue;
                }

                var score = (rule.ProductId is null ? 0 : 4) + (rule.Category is null ? 0 : 2) + (rule.Business == BusinessKind.Any ? 0 : 1);
                if (score > bestScore)
                {
                    best = rule;
                    bestScore = score;
                }
            }

            return best;
        }

        /// <summary>The band reached at a period-to-date amount: the last whose threshold it reaches, or -1 below the first.</summary>
        private int BandAt(decimal amount)
        {
            var band = -1;
            for (var i = 0; i < _bandFrom.Length && _bandFrom[i] <= amount; i++)
            {
                band = i;
            }

            return band;
        }

        /// <summary>One credited amount from the running total on: split at every threshold it crosses where the rate changes.</summary>
        private void Portion(CreditEntry credit, decimal amount, RateRule? rule, string? product)
        {
            var graduated = rule is null && _plan.Method == CommissionMethod.Graduated;
            var start = _soFar;
            var end = _soFar + amount;
            _soFar = end;
            if (amount > 0)
            {
                var at = start;
                while (at < end)
                {
                    var next = Math.Min(end, NextBreak(at, graduated));
                    Segment(credit, next - at, at, rule, product, graduated);
                    at = next;
                }
            }
            else
            {
                var at = start;
                while (at > end)
                {
                    var next = Math.Max(end, PreviousBreak(at, graduated));
                    Segment(credit, next - at, next, rule, product, graduated);
                    at = next;
                }
            }
        }

        private decimal NextBreak(decimal at, bool graduated)
        {
            var next = decimal.MaxValue;
            if (graduated)
            {
                foreach (var from in _bandFrom)
                {
                    if (from > at)
                    {
                        next = from;
                        break;
                    }
                }
            }

            return _acceleratedFrom is { } a && a > at && a < next ? a : next;
        }

        private decimal PreviousBreak(decimal at, bool graduated)
        {
            var previous = decimal.MinValue;
            if (graduated)
            {
                for (var i = _bandFrom.Length - 1; i >= 0; i--)
                {
                    if (_bandFrom[i] < at)
                    {
                        previous = _bandFrom[i];
                        break;
                    }
                }
            }

            return _acceleratedFrom is { } a && a < at && a > previous ? a : previous;
        }

        /// <summary>A line for a portion whose band and acceleration are those at <paramref name="low"/>, its lower end.</summary>
        private void Segment(CreditEntry credit, decimal basis, decimal low, RateRule? rule, string? product, bool graduated)
        {
            decimal rate;
            decimal? band = null;
            if (rule is not null)
            {
                rate = rule.Rate;
            }
            else if (_plan.Method == CommissionMethod.Flat)
            {
                rate = _plan.Rate ?? 0;
            }
            else
            {
                var index = graduated ? BandAt(low) : _reachedBand;
                rate = index < 0 ? 0 : _plan.Tiers[index].Rate;
                band = index < 0 ? null : _plan.Tiers[index].From;
            }

            decimal? factor = _acceleratedFrom is { } a && low >= a ? _plan.Accelerator!.Multiplier : null;
            var amount = Money.Round(basis * rate / 100m * (factor ?? 1));
            _earned += amount;
            _lines.Add(new PayLine(_lines.Count + 1, PayLineKind.Commission, rule?.Key ?? PayRules.Commission, credit.DealId, credit.DealNumber,
                credit.EventId, credit.On, basis, rate, band, factor, amount, null)
            {
                Credit = credit.Kind,
                Product = product,
                BandOfQuota = band is not null && _plan.Measure == TierMeasure.Attainment,
            });
        }
    }
}
