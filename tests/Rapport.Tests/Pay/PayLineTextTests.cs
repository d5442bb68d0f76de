using System.Globalization;
using Rapport.Pay.Engine;
using static Rapport.Tests.Pay.PayBuilders;

namespace Rapport.Tests.Pay;

/// <summary>What a manager reads on a statement: each line's formula with its numbers, in English and in Bulgarian.</summary>
public sealed class PayLineTextTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo("bg");

    /// <summary>Bulgarian groups thousands with a no-break space, so a number never breaks across lines.</summary>
    private static string Bulgarian(string text) => text.Replace("_", Bg.NumberFormat.NumberGroupSeparator, StringComparison.Ordinal);

    private static string[] Describe(PayStatement statement, CultureInfo culture) =>
        [.. statement.Lines.Select(l => PayLineText.Describe(l, "EUR", culture))];

    [Fact]
    public void A_commission_line_in_a_band_reads_as_its_formula()
    {
        var plan = APlan().WithoutBase().WithTiers(CommissionMethod.Retroactive, (0m, 3m), (10_000m, 5m));
        var line = PayCalculator.Calculate(plan, AnActivity(Won(123, 12_500m))).Lines[0];

        Assert.Equal("Commission on D-000123: 12,500.00 EUR × 5 % (band from 10,000.00) = 625.00 EUR", PayLineText.Describe(line, "EUR", En));
        Assert.Equal(Bulgarian("Комисиона за D-000123: 12_500,00 EUR × 5 % (степен от 10_000,00) = 625,00 EUR"), PayLineText.Describe(line, "EUR", Bg));
    }

    [Fact]
    public void A_prorated_minimum_wage_base_reads_with_its_factor_and_working_days()
    {
        var activity = AnActivity() with { Employee = new EmployeeFacts(Employee, "Нов служител", new DateOnly(2026, 3, 6), null) };
        var line = PayCalculator.Calculate(APlan(), activity).Lines[0];

        Assert.Equal("Minimum wage 620.20 EUR × 1.5 × 18/21 working days = 797.40 EUR", PayLineText.Describe(line, "EUR", En));
        Assert.Equal("Минимална работна заплата 620,20 EUR × 1,5 × 18/21 работни дни = 797,40 EUR", PayLineText.Describe(line, "EUR", Bg));
    }

    [Fact]
    public void A_minimum_wage_in_leva_shows_the_conversion()
    {
        var activity = AnActivity() with { MinimumWage = new MinimumWage(1077m, "BGN", 1.95583m, new DateOnly(2025, 1, 1)) };
        var line = PayCalculator.Calculate(APlan() with { Base = new BasePay(BaseKind.MinimumWage) }, activity).Lines[0];

        Assert.Equal("Minimum wage 550.66 EUR (1,077.00 BGN ÷ 1.95583) × 1 = 550.66 EUR", PayLineText.Describe(line, "EUR", En));
        Assert.Equal(Bulgarian("Минимална работна заплата 550,66 EUR (1_077,00 BGN ÷ 1,95583) × 1 = 550,66 EUR"), PayLineText.Describe(line, "EUR", Bg));
    }

    [Fact]
    public void Clawback_carried_balance_adjustment_and_accelerated_lines_read_in_both_languages()
    {
        var plan = APlan().WithoutBase().WithCommission(c => c with { ClawbackMonths = 6, Accelerator = new Accelerator(100m, 1.5m) });
        var activity = AnActivity(
            Credit(9, CreditKind.Payment, 200m, new DateOnly(2026, 3, 5), new DateOnly(2026, 1, 10)),
            Won(4, 1_000m),
            Credit(5, CreditKind.CreditNote, -2_500m, new DateOnly(2026, 3, 12), new DateOnly(2026, 2, 2))) with
        {
            Quota = 500m,
            PaidBefore = [new PaidCommission(DealId(5), new DateOnly(2026, 2, 1), 10_000m, 500m)],
            Adjustments = [new AdjustmentEntry(Guid.Empty, new DateOnly(2026, 3, 31), 25m, "Conference travel")],
            CarriedBalance = -80m,
        };

        var statement = PayCalculator.Calculate(plan, activity);

        // Won: the payment earns nothing; 500 to quota at 5 % = 25, 500 above at 5 % × 1.5 = 37.50; 25 % of 500 clawed back;
        // 62.50 − 125 − 80 = −142.50 carried.
        Assert.Equal(
        [
            "Commission on D-000004: 500.00 EUR × 5 % = 25.00 EUR",
            "Commission on D-000004: 500.00 EUR × 5 % × 1.5 (accelerator) = 37.50 EUR",
            "Adjustment of 2026-03-31: 25.00 EUR — Conference travel",
            "Clawback on D-000005, credit note of 2026-03-12: commission paid before 500.00 EUR × 25 % credited back = -125.00 EUR",
            "Balance brought forward from the previous period: -80.00 EUR",
            "Carried forward to the next period, to be netted against later variable pay: 142.50 EUR",
        ], Describe(statement, En));
        Assert.Equal(
        [
            "Комисиона за D-000004: 500,00 EUR × 5 % = 25,00 EUR",
            "Комисиона за D-000004: 500,00 EUR × 5 % × 1,5 (ускорител) = 37,50 EUR",
            "Корекция от 31.03.2026: 25,00 EUR — Conference travel",
            "Връщане на комисиона за D-000005, кредитно известие от 12.03.2026: изплатена преди това комисиона 500,00 EUR × 25 % кредитирани = -125,00 EUR",
            "Пренесено салдо от предходния период: -80,00 EUR",
            "Пренася се към следващия период за прихващане от бъдещо променливо възнаграждение: 142,50 EUR",
        ], Describe(statement, Bg));
        Assert.Equal((25m, -142.50m), (statement.Total, statement.CarryForward));
    }

    [Fact]
    public void Bonus_incentive_guarantee_and_cap_lines_read_in_both_languages()
    {
        var plan = APlan().WithoutBase() with
        {
            Cap = 400m,
            TopPerformers = [new TopPerformerBonus("top10", 3, 10m, 300m)],
            Retention = [new RetentionBonus("year", 12, 200m)],
            Incentives = [new Incentive("spring", Amount: 100m, ProductId: Licence)],
        };
        var activity = AnActivity(Won(1, 2_000m, lines: [Line(Licence, "CRM licence", "Software", 1m, 2_000m)]) with { Percent = 50m }) with
        {
            Employee = new EmployeeFacts(Employee, "Мария Иванова", new DateOnly(2025, 3, 2), null),
            TopShares = new Dictionary<int, decimal> { [3] = 7.5m },
        };

        var statement = PayCalculator.Calculate(plan, activity);

        Assert.Equal(
        [
            "Commission on D-000001: 2,000.00 EUR × 5 % = 100.00 EUR",
            "Retention bonus year after 12 months of tenure: 200.00 EUR",
            "Bonus top10 for the top 10 % by credited amount over 3 months (standing: 7.5 %): 300.00 EUR",
            "Incentive spring on D-000001 (CRM licence): 100.00 EUR × 50 % split = 50.00 EUR",
            "Cap on variable pay: 650.00 EUR earned, capped at 400.00 EUR = -250.00 EUR",
        ], Describe(statement, En));
        Assert.Equal(
        [
            "Комисиона за D-000001: 2_000,00 EUR × 5 % = 100,00 EUR",
            "Бонус за лоялност year след 12 месеца стаж: 200,00 EUR",
            "Бонус top10 за най-добрите 10 % по кредитирана сума за 3 месеца (класиране: 7,5 %): 300,00 EUR",
            "Стимул spring за D-000001 (CRM licence): 100,00 EUR × 50 % дял = 50,00 EUR",
            "Таван на променливото възнаграждение: изработени 650,00 EUR, ограничени до 400,00 EUR = -250,00 EUR",
        ], Describe(statement, Bg).Select(s => s.Replace(Bg.NumberFormat.NumberGroupSeparator, "_", StringComparison.Ordinal)));

        var guarantee = PayCalculator.Calculate(APlan().WithoutBase() with { Guarantee = new GuaranteeRule(6, 1_000m, true) },
            AnActivity(Won(1, 2_000m)) with { Employee = new EmployeeFacts(Employee, "Нов служител", new DateOnly(2026, 2, 2), null) }).Lines[1];
        Assert.Equal("Guarantee for a new hire: variable pay 100.00 EUR topped up to 1,000.00 EUR = 900.00 EUR (recoverable: added to the carried balance)",
            PayLineText.Describe(guarantee, "EUR", En));
        Assert.Equal(Bulgarian("Гарантирано възнаграждение за нов служител: променливото възнаграждение 100,00 EUR е допълнено до 1_000,00 EUR = 900,00 EUR (подлежи на възстановяване: добавя се към пренесеното салдо)"),
            PayLineText.Describe(guarantee, "EUR", Bg));
    }

    [Fact]
    public void Kinds_have_names_in_both_languages()
    {
        Assert.Equal("Clawback", PayLineText.KindName(PayLineKind.Clawback, En));
        Assert.Equal("Връщане на комисиона", PayLineText.KindName(PayLineKind.Clawback, Bg));
        Assert.All(Enum.GetValues<PayLineKind>(), k => Assert.NotEqual(k.ToString(), PayLineText.KindName(k, Bg)));
    }
}
