using Rapport.Pay.Engine;
using static Rapport.Tests.Pay.PayBuilders;

namespace Rapport.Tests.Pay;

/// <summary>Every rule of a plan, each with a worked example computed by hand in the test.</summary>
public sealed class PayCalculatorTests
{
    private static PayStatement Calculate(PayPlan plan, PeriodActivity activity) => PayCalculator.Calculate(plan, activity);

    [Fact]
    public void Minimum_wage_base_times_factor_for_a_whole_period()
    {
        var statement = Calculate(APlan(), AnActivity());

        // 620.20 × 1.5 = 930.30, all 21 working days.
        var line = Assert.Single(statement.Lines);
        Assert.Equal((PayLineKind.Base, 930.30m, 21, 21), (line.Kind, line.Amount, line.Days, line.OfDays));
        Assert.Equal(930.30m, statement.Total);
    }

    [Fact]
    public void A_new_hire_s_base_is_prorated_by_working_days_with_the_public_holiday_left_out()
    {
        // Hired on Friday 6 March: 6, 9–13, 16–20, 23–27, 30–31 are 18 of March's 21 working days (22 weekdays less 3 March).
        var activity = AnActivity() with { Employee = new EmployeeFacts(Employee, "Нов служител", new DateOnly(2026, 3, 6), null) };

        var line = Calculate(APlan(), activity).Lines[0];

        // 620.20 × 1.5 × 18 / 21 = 16,745.40 / 21 = 797.40.
        Assert.Equal((18, 21, 797.40m), (line.Days, line.OfDays, line.Amount));
    }

    [Fact]
    public void Proration_takes_the_latest_start_and_the_earliest_end_of_period_assignment_and_employment()
    {
        // Assigned from 9 March, leaving on 20 March: 9–13 and 16–20 are 10 working days. A fixed 2,100.00 × 10/21 = 1,000.00.
        var activity = AnActivity() with
        {
            AssignedFrom = new DateOnly(2026, 3, 9),
            Employee = new EmployeeFacts(Employee, "Мария Иванова", new DateOnly(2024, 1, 15), new DateOnly(2026, 3, 20)),
        };

        var line = Calculate(APlan() with { Base = new BasePay(BaseKind.Fixed, Amount: 2100m) }, activity).Lines[0];

        Assert.Equal((10, 21, 1000.00m, PayRules.Base), (line.Days, line.OfDays, line.Amount, line.Rule));
    }

    [Fact]
    public void A_minimum_wage_in_leva_is_converted_at_the_fixed_rate_to_the_cent_before_the_factor()
    {
        var leva = AnActivity() with { MinimumWage = new MinimumWage(1077m, "BGN", 1.95583m, new DateOnly(2025, 1, 1)) };
        var plan = APlan() with { Base = new BasePay(BaseKind.MinimumWage, 2m) };

        var inLeva = Calculate(plan, leva).Lines[0];
        var inEuro = Calculate(plan, AnActivity()).Lines[0];

        // 1,077 ÷ 1.95583 = 550.6608… → 550.66; × 2 = 1,101.32. The 2026 wage is already in euro: 620.20 × 2 = 1,240.40.
        Assert.Equal((550.66m, 1101.32m, 1077m, "BGN"), (inLeva.Basis, inLeva.Amount, inLeva.Original, inLeva.OriginalCurrency));
        Assert.Equal((620.20m, 1240.40m, (decimal?)null), (inEuro.Basis, inEuro.Amount, inEuro.Original));
    }

    [Fact]
    public void No_base_for_a_part_time_holder()
    {
        var statement = Calculate(APlan().WithoutBase(), AnActivity(Won(1, 1000m)));

        Assert.Equal([PayLineKind.Commission], statement.Lines.Select(l => l.Kind));
        Assert.Equal(50m, statement.Total);
    }

    [Fact]
    public void Flat_rate_on_each_won_credit()
    {
        var statement = Calculate(APlan().WithoutBase(), AnActivity(Won(123, 12_500m), Won(124, 333.33m)));

        // 12,500 × 5 % = 625; 333.33 × 5 % = 16.6665 → 16.67 (half away from zero).
        Assert.Equal([625m, 16.67m], statement.Amounts(PayLineKind.Commission));
        Assert.Equal(641.67m, statement.Total);
        Assert.Equal([1, 2], statement.Lines.Select(l => l.Order));
    }

    [Fact]
    public void Graduated_and_retroactive_on_the_same_tiers()
    {
        var credits = AnActivity(Won(1, 8_000m), Won(2, 7_000m));
        (decimal, decimal)[] tiers = [(0m, 3m), (10_000m, 5m), (20_000m, 8m)];

        var graduated = Calculate(APlan().WithoutBase().WithTiers(CommissionMethod.Graduated, tiers), credits);
        var retroactive = Calculate(APlan().WithoutBase().WithTiers(CommissionMethod.Retroactive, tiers), credits);

        // Graduated: 8,000 × 3 % = 240; the second credit straddles 10,000: 2,000 × 3 % = 60 and 5,000 × 5 % = 250. 550 in all.
        Assert.Equal([240m, 60m, 250m], graduated.Amounts(PayLineKind.Commission));
        Assert.Equal([8_000m, 2_000m, 5_000m], graduated.Lines.Select(l => l.Basis));
        Assert.Equal([0m, 0m, 10_000m], graduated.Lines.Select(l => l.Band));
        Assert.Equal(550m, graduated.Total);
        // Retroactive: the period reached 15,000, so the 10,000 band: everything at 5 %: 400 + 350 = 750.
        Assert.Equal([400m, 350m], retroactive.Amounts(PayLineKind.Commission));
        Assert.All(retroactive.Lines, l => Assert.Equal((5m, 10_000m), (l.Rate, l.Band)));
        Assert.Equal(750m, retroactive.Total);
    }

    [Fact]
    public void Reaching_a_threshold_exactly_qualifies_for_its_band()
    {
        (decimal, decimal)[] tiers = [(0m, 3m), (10_000m, 5m)];

        var retroactive = Calculate(APlan().WithoutBase().WithTiers(CommissionMethod.Retroactive, tiers), AnActivity(Won(1, 10_000m)));
        var graduated = Calculate(APlan().WithoutBase().WithTiers(CommissionMethod.Graduated, tiers), AnActivity(Won(1, 10_000m), Won(2, 1_000m)));

        // Retroactive: exactly 10,000 reaches the 5 % band: 500. Graduated: the first 10,000 at 3 % (300), the next credit
        // starts at 10,000 and is in the 5 % band from its first cent: 50, one line.
        Assert.Equal([500m], retroactive.Amounts(PayLineKind.Commission));
        Assert.Equal([300m, 50m], graduated.Amounts(PayLineKind.Commission));
    }

    [Fact]
    public void Below_the_first_threshold_nothing_is_earned_and_the_line_says_so()
    {
        var statement = Calculate(APlan().WithoutBase().WithTiers(CommissionMethod.Graduated, (5_000m, 4m)), AnActivity(Won(1, 6_000m)));

        // 5,000 below the first band at 0 %, 1,000 from 5,000 at 4 % = 40.
        Assert.Equal([(5_000m, 0m, (decimal?)null, 0m), (1_000m, 4m, 5_000m, 40m)], statement.Lines.Select(l => (l.Basis, l.Rate ?? -1, l.Band, l.Amount)));
    }

    [Fact]
    public void Attainment_tiers_read_the_period_to_date_amount_as_a_percent_of_quota()
    {
        var plan = APlan().WithoutBase().WithTiers(CommissionMethod.Graduated, (0m, 2m), (50m, 4m)).WithCommission(c => c with { Measure = TierMeasure.Attainment });

        var statement = Calculate(plan, AnActivity(Won(1, 8_000m)) with { Quota = 10_000m });

        // 50 % of a 10,000 quota is 5,000: 5,000 × 2 % = 100, 3,000 × 4 % = 120.
        Assert.Equal([100m, 120m], statement.Amounts(PayLineKind.Commission));
        Assert.True(statement.Lines[1].BandOfQuota);
        Assert.Equal(50m, statement.Lines[1].Band);
    }

    [Fact]
    public void The_most_specific_rate_wins_product_over_category_over_the_plan_s_rate()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with
        {
            Rate = 3m,
            Rates = [new RateRule("software", 6m, Category: "Software"), new RateRule("licence", 9m, ProductId: Licence)],
        });
        var deal = Won(7, 3_500m, lines:
        [
            Line(Licence, "CRM licence", "Software", 10m, 1_000m),
            Line(Support, "Support plan", "software", 1m, 2_000m),
            Line(Training, "Training day", null, 1m, 500m),
        ]);

        var statement = Calculate(plan, AnActivity(deal));

        // Rates differ, so one line per product line: licence 1,000 × 9 % = 90 (product beats its category); support 2,000 × 6 % = 120
        // (the category, matched ignoring case); training 500 × 3 % = 15 (the plan's rate).
        Assert.Equal([("licence", "CRM licence", 90m), ("software", "Support plan", 120m), ("commission", "Training day", 15m)],
            statement.Lines.Select(l => (l.Rule, l.Product!, l.Amount)));
    }

    [Fact]
    public void A_deal_whose_lines_all_have_the_same_rate_gives_one_line()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { Rates = [new RateRule("software", 6m, Category: "Software")] });
        var deal = Won(7, 3_000m, lines: [Line(Licence, "CRM licence", "Software", 1m, 1_000m), Line(Support, "Support plan", "Software", 1m, 2_000m)]);

        var line = Assert.Single(Calculate(plan, AnActivity(deal)).Lines);

        Assert.Equal((3_000m, 6m, 180m, (string?)null), (line.Basis, line.Rate, line.Amount, line.Product));
    }

    [Fact]
    public void New_business_and_existing_business_earn_their_own_rates()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with
        {
            Rates = [new RateRule("new", 7m, Business: BusinessKind.New), new RateRule("existing", 4m, Business: BusinessKind.Existing)],
        });

        var statement = Calculate(plan, AnActivity(Won(1, 1_000m, newBusiness: true), Won(2, 1_000m),
            Won(3, 1_000m, lines: [Line(Licence, "CRM licence", null, 1m, 1_000m, newProduct: true)])));

        // A product new to the account counts as new business too.
        Assert.Equal([("new", 70m), ("existing", 40m), ("new", 70m)], statement.Lines.Select(l => (l.Rule, l.Amount)));
    }

    [Fact]
    public void The_accelerator_multiplies_the_rate_on_what_lies_above_the_quota_level()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { Accelerator = new Accelerator(100m, 1.5m) });

        var statement = Calculate(plan, AnActivity(Won(1, 15_000m), Won(2, 10_000m)) with { Quota = 20_000m });

        // 15,000 × 5 % = 750; the second credit crosses the 20,000 quota: 5,000 × 5 % = 250 and 5,000 × 5 % × 1.5 = 375.
        Assert.Equal([750m, 250m, 375m], statement.Amounts(PayLineKind.Commission));
        Assert.Equal([null, null, 1.5m], statement.Lines.Select(l => l.Factor));
        Assert.Equal(1_375m, statement.Total);
    }

    [Fact]
    public void A_split_deal_earns_on_the_employee_s_share_rounded_per_line_half_away_from_zero()
    {
        // 1,000.01 split 50/50 credits this employee 500.01 (the owner gets the odd cent); a reopen of a credit of 0.10
        // in the same period takes back 0.10 × 5 % = −0.005 → −0.01, as a win of 0.10 gives +0.01.
        var split = Won(1, 500.01m) with { DealAmount = 1_000.01m, Percent = 50m };
        var statement = Calculate(APlan().WithoutBase(), AnActivity(split, Won(2, 0.10m), Credit(2, CreditKind.Reopened, -0.10m, new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 10))));

        // 500.01 × 5 % = 25.0005 → 25.00.
        Assert.Equal([25.00m, 0.01m, -0.01m], statement.Amounts(PayLineKind.Commission));
        Assert.Equal(25.00m, statement.Total);
    }

    [Fact]
    public void A_reopen_within_the_period_reduces_the_credited_amount_through_the_bands()
    {
        var plan = APlan().WithoutBase().WithTiers(CommissionMethod.Graduated, (0m, 3m), (10_000m, 5m));

        var statement = Calculate(plan, AnActivity(Won(1, 12_000m), Credit(1, CreditKind.Reopened, -12_000m, new DateOnly(2026, 3, 25), new DateOnly(2026, 3, 10))));

        // Up: 10,000 × 3 % = 300, 2,000 × 5 % = 100. Down the same way: −2,000 × 5 % = −100, −10,000 × 3 % = −300. No clawback.
        Assert.Equal([300m, 100m, -100m, -300m], statement.Amounts(PayLineKind.Commission));
        Assert.Empty(statement.Amounts(PayLineKind.Clawback));
        Assert.Equal(0m, statement.Total);
    }

    [Fact]
    public void Earning_on_payment_pays_on_each_payment_and_a_credit_note_earns_negative_commission()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { EarnsOn = EarningPoint.Payment });
        var wonOn = new DateOnly(2026, 2, 20);

        var statement = Calculate(plan, AnActivity(
            Won(9, 10_000m),
            Credit(9, CreditKind.Payment, 4_000m, new DateOnly(2026, 3, 5), wonOn),
            Credit(9, CreditKind.Payment, 3_000m, new DateOnly(2026, 3, 19), wonOn),
            Credit(9, CreditKind.CreditNote, -1_000m, new DateOnly(2026, 3, 26), wonOn)));

        // The win earns nothing; 4,000 × 5 % = 200, 3,000 × 5 % = 150, −1,000 × 5 % = −50.
        Assert.Equal([200m, 150m, -50m], statement.Amounts(PayLineKind.Commission));
        Assert.Equal([CreditKind.Payment, CreditKind.Payment, CreditKind.CreditNote], statement.Lines.Select(l => l.Credit!.Value));
        Assert.Equal(300m, statement.Total);
    }

    [Fact]
    public void A_clawback_larger_than_the_variable_pay_never_touches_the_base_and_carries_forward()
    {
        var plan = APlan().WithCommission(c => c with { ClawbackMonths = 6 });
        var activity = AnActivity(Won(1, 4_000m), Credit(5, CreditKind.Reopened, -12_000m, new DateOnly(2026, 3, 12), new DateOnly(2026, 1, 20))) with
        {
            PaidBefore = [new PaidCommission(DealId(5), new DateOnly(2026, 1, 1), 12_000m, 600m)],
        };

        var statement = Calculate(plan, activity);

        // Base 930.30; commission 4,000 × 5 % = 200; the January deal's 600 taken back; 200 − 600 = −400 cannot come off the
        // base, so +400 is carried to April. The total is the base.
        Assert.Equal([PayLineKind.Base, PayLineKind.Commission, PayLineKind.Clawback, PayLineKind.CarriedBalance], statement.Lines.Select(l => l.Kind));
        Assert.Equal([930.30m, 200m, -600m, 400m], statement.Lines.Select(l => l.Amount));
        Assert.Equal((930.30m, -400m), (statement.Total, statement.CarryForward));

        // April: the −400 brought forward comes off 1,000 of commission; nothing is left to carry.
        var april = Calculate(plan, AnActivity(Won(2, 20_000m, new DateOnly(2026, 4, 8))).ForApril() with { CarriedBalance = statement.CarryForward });
        Assert.Equal([930.30m, 1_000m, -400m], april.Lines.Select(l => l.Amount));
        Assert.Equal((1_530.30m, 0m), (april.Total, april.CarryForward));
    }

    [Fact]
    public void A_partial_credit_note_of_an_earlier_win_claws_back_its_share_of_the_commission_paid()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { ClawbackMonths = 3 });
        var activity = AnActivity(Won(1, 10_000m), Credit(5, CreditKind.CreditNote, -2_500m, new DateOnly(2026, 3, 12), new DateOnly(2026, 2, 2))) with
        {
            PaidBefore = [new PaidCommission(DealId(5), new DateOnly(2026, 2, 1), 10_000m, 500m)],
        };

        var statement = Calculate(plan, activity);

        // 500 paid on 10,000; 2,500 credited back is 25 %: −125. Netted against this period's 500.
        var clawback = Assert.Single(statement.Lines, l => l.Kind == PayLineKind.Clawback);
        Assert.Equal((500m, 0.25m, -125m), (clawback.Basis, clawback.Factor, clawback.Amount));
        Assert.Equal((375m, 0m), (statement.Total, statement.CarryForward));
    }

    [Fact]
    public void Earning_on_the_win_a_credit_note_of_this_period_s_win_takes_its_credit_back()
    {
        var statement = Calculate(APlan().WithoutBase().WithCommission(c => c with { ClawbackMonths = 6 }),
            AnActivity(Won(1, 10_000m), Credit(1, CreditKind.CreditNote, -2_000m, new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 10))));

        // 10,000 × 5 % = 500, then −2,000 × 5 % = −100: no clawback, as nothing was paid yet.
        Assert.Equal([500m, -100m], statement.Amounts(PayLineKind.Commission));
        Assert.Equal(400m, statement.Total);
    }

    [Fact]
    public void Earning_on_payment_a_reopen_of_an_earlier_win_claws_back_what_its_payments_earned()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { EarnsOn = EarningPoint.Payment, ClawbackMonths = 6 });
        var activity = AnActivity(Credit(5, CreditKind.Reopened, -4_000m, new DateOnly(2026, 3, 12), new DateOnly(2026, 2, 2))) with
        {
            PaidBefore = [new PaidCommission(DealId(5), new DateOnly(2026, 2, 1), 2_000m, 100m)],
        };

        var statement = Calculate(plan, activity);

        // The 100 earned on February's payment comes back; nothing else to net it against, so it is carried.
        Assert.Equal([-100m, 100m], statement.Lines.Select(l => l.Amount));
        Assert.Equal((0m, -100m), (statement.Total, statement.CarryForward));
    }

    [Fact]
    public void No_clawback_after_the_window_or_when_nothing_was_paid()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { ClawbackMonths = 1 });
        var activity = AnActivity(
            Credit(5, CreditKind.Reopened, -1_000m, new DateOnly(2026, 3, 12), new DateOnly(2026, 1, 20)),
            Credit(6, CreditKind.Reopened, -1_000m, new DateOnly(2026, 3, 2), new DateOnly(2026, 2, 20))) with
        {
            PaidBefore = [new PaidCommission(DealId(5), new DateOnly(2026, 1, 1), 1_000m, 50m)],
        };

        // Deal 5 was won on 20 January: a month later is 20 February, before the reopen. Deal 6 is in time but was never paid.
        Assert.Empty(Calculate(plan, activity).Lines);
    }

    [Fact]
    public void A_cap_limits_the_variable_pay_on_the_last_line()
    {
        var plan = APlan() with { Cap = 1_000m };

        var statement = Calculate(plan, AnActivity(Won(1, 30_000m)));

        // 30,000 × 5 % = 1,500, capped at 1,000: −500 on the last line; the base is outside the cap.
        Assert.Equal([PayLineKind.Base, PayLineKind.Commission, PayLineKind.Cap], statement.Lines.Select(l => l.Kind));
        Assert.Equal((1_000m, 1_500m, -500m), (statement.Lines[2].Basis, statement.Lines[2].Earned, statement.Lines[2].Amount));
        Assert.Equal(1_930.30m, statement.Total);
    }

    [Fact]
    public void A_guarantee_tops_up_a_new_hire_s_variable_pay_and_a_recoverable_one_is_owed_back()
    {
        var guaranteed = APlan().WithoutBase() with { Guarantee = new GuaranteeRule(3, 1_000m, Recoverable: false) };
        var activity = AnActivity(Won(1, 6_000m)) with { Employee = new EmployeeFacts(Employee, "Нов служител", new DateOnly(2026, 2, 2), null) };

        var kept = Calculate(guaranteed, activity);
        var recoverable = Calculate(guaranteed with { Guarantee = new GuaranteeRule(3, 1_000m, Recoverable: true) }, activity);
        var later = Calculate(guaranteed, activity with { Employee = activity.Employee with { EmploymentStart = new DateOnly(2025, 12, 1) } });

        // 6,000 × 5 % = 300, topped up by 700 to 1,000. Recoverable: the same 1,000 paid, −700 carried forward.
        Assert.Equal([300m, 700m], kept.Lines.Select(l => l.Amount));
        Assert.Equal((1_000m, 0m), (kept.Total, kept.CarryForward));
        Assert.Equal((1_000m, -700m), (recoverable.Total, recoverable.CarryForward));
        // Hired on 1 December, the three months end on 1 March: March is past the guarantee.
        Assert.Equal(300m, later.Total);
    }

    [Fact]
    public void A_retention_bonus_is_paid_in_the_period_tenure_reaches_its_months_or_every_period_after_when_recurring()
    {
        var plan = APlan().WithoutBase() with
        {
            Commission = null,
            Retention = [new RetentionBonus("year", 12, 500m), new RetentionBonus("loyal", 6, 50m, Recurring: true)],
        };
        var march = AnActivity() with { Employee = new EmployeeFacts(Employee, "Мария Иванова", new DateOnly(2025, 3, 16), null) };

        // Twelve months from 16 March 2025 is 16 March 2026: paid in March; six months passed in September, recurring: paid each period.
        Assert.Equal([("year", 500m), ("loyal", 50m)], Calculate(plan, march).Lines.Select(l => (l.Rule, l.Amount)));
        Assert.Equal([("loyal", 50m)], Calculate(plan, march.ForApril()).Lines.Select(l => (l.Rule, l.Amount)));
    }

    [Fact]
    public void A_top_performer_bonus_pays_when_the_employee_stands_in_the_top_percent_of_the_window()
    {
        var plan = APlan().WithoutBase() with { TopPerformers = [new TopPerformerBonus("top10", 3, 10m, 800m)] };

        Assert.Equal(3, Assert.Single(plan.TrailingWindows));
        var top = Calculate(plan, AnActivity() with { TopShares = new Dictionary<int, decimal> { [3] = 10m } });
        var outside = Calculate(plan, AnActivity() with { TopShares = new Dictionary<int, decimal> { [3] = 10.5m } });

        // Exactly at the top 10 % qualifies; 10.5 % does not.
        Assert.Equal([800m], top.Amounts(PayLineKind.Bonus));
        Assert.Empty(outside.Lines);
    }

    [Fact]
    public void A_one_off_incentive_pays_on_matching_product_lines_won_in_its_dates()
    {
        var plan = APlan().WithoutBase() with
        {
            Commission = null,
            Incentives =
            [
                new Incentive("spring", Amount: 200m, ProductId: Licence, MinQuantity: 5m, From: new DateOnly(2026, 3, 1), To: new DateOnly(2026, 3, 15)),
                new Incentive("training", Percent: 2m, Category: "Services"),
            ],
        };
        var shared = Won(1, 4_000m, new DateOnly(2026, 3, 10), lines: [Line(Licence, "CRM licence", "Software", 6m, 1_000m), Line(Training, "Training day", "Services", 3m, 3_000m)]) with { Percent = 50m };
        var small = Won(2, 500m, new DateOnly(2026, 3, 11), lines: [Line(Licence, "CRM licence", "Software", 4m, 500m)]);
        var late = Won(3, 1_000m, new DateOnly(2026, 3, 20), lines: [Line(Licence, "CRM licence", "Software", 10m, 1_000m)]);

        var statement = Calculate(plan, AnActivity(shared, small, late));

        // Deal 1: 6 licences on 10 March, 200 × the 50 % split = 100; training 3,000 × 2 % = 60. Deal 2: four licences, too few.
        // Deal 3: won on 20 March, after the incentive ended.
        Assert.Equal([("spring", 100m), ("training", 60m)], statement.Lines.Select(l => (l.Rule, l.Amount)));
    }

    [Fact]
    public void A_coordinator_s_plan_pays_base_and_bonuses_and_no_commission()
    {
        var plan = APlan() with { Commission = null, TopPerformers = [new TopPerformerBonus("team", 1, 50m, 150m)] };

        var statement = Calculate(plan, AnActivity(Won(1, 50_000m)) with { TopShares = new Dictionary<int, decimal> { [1] = 40m } });

        Assert.Equal([(PayLineKind.Base, 930.30m), (PayLineKind.Bonus, 150m)], statement.Lines.Select(l => (l.Kind, l.Amount)));
        Assert.False(plan.HasCommission);
    }

    [Fact]
    public void Adjustments_come_after_the_variable_pay_with_their_reason_and_are_never_netted()
    {
        var plan = APlan().WithCommission(c => c with { ClawbackMonths = 6 });
        var activity = AnActivity(Credit(5, CreditKind.Reopened, -1_000m, new DateOnly(2026, 3, 12), new DateOnly(2026, 2, 10))) with
        {
            PaidBefore = [new PaidCommission(DealId(5), new DateOnly(2026, 2, 1), 1_000m, 50m)],
            Adjustments = [new AdjustmentEntry(Guid.Empty, new DateOnly(2026, 3, 31), -100m, "Phone bill over the limit")],
        };

        var statement = Calculate(plan, activity);

        // 930.30 − 100 = 830.30 is the floor: the 50 clawed back has no variable pay to come off, so it is all carried.
        Assert.Equal([PayLineKind.Base, PayLineKind.Adjustment, PayLineKind.Clawback, PayLineKind.CarriedBalance], statement.Lines.Select(l => l.Kind));
        Assert.Equal((830.30m, -50m), (statement.Total, statement.CarryForward));
    }

    [Fact]
    public void The_net_estimate_takes_contributions_up_to_the_maximum_insurable_income_then_tax()
    {
        var activity = AnActivity(Won(1, 31_394m)) with { Net = new NetParameters(13.78m, 2_111.64m, 10m) };

        var statement = Calculate(APlan(), activity);

        // Gross 930.30 + 1,569.70 = 2,500.00; contributions 2,111.64 × 13.78 % = 290.984 → 290.98; tax (2,500 − 290.98) × 10 % = 220.902 → 220.90.
        Assert.Equal(new NetEstimate(2_500m, 290.98m, 220.90m, 1_988.12m), statement.Net);
    }

    [Fact]
    public void A_plan_in_another_currency_than_the_activity_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Calculate(APlan() with { Currency = "BGN" }, AnActivity()));
    }
}
