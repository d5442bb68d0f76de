using Rapport.Pay.Engine;

namespace Rapport.Tests.Pay;

/// <summary>Plans and activities for the pay tests: March 2026 in Bulgaria, 21 working days (3 March, Liberation Day, is a holiday).</summary>
internal static class PayBuilders
{
    public static readonly DateOnly March1 = new(2026, 3, 1);
    public static readonly DateOnly March31 = new(2026, 3, 31);
    public static readonly Guid Employee = new("00000000-0000-0000-0000-0000000000e1");
    public static readonly Guid Licence = new("00000000-0000-0000-0000-00000000a001");
    public static readonly Guid Support = new("00000000-0000-0000-0000-00000000a002");
    public static readonly Guid Training = new("00000000-0000-0000-0000-00000000a003");

    public static PayPlan APlan() => new()
    {
        Name = "Account manager 2026",
        Currency = "EUR",
        Base = new BasePay(BaseKind.MinimumWage, 1.5m),
        Commission = new CommissionPlan { Rate = 5m },
    };

    public static PayPlan WithTiers(this PayPlan plan, CommissionMethod method, params (decimal From, decimal Rate)[] tiers) => plan with
    {
        Commission = (plan.Commission ?? new CommissionPlan()) with { Method = method, Rate = null, Tiers = [.. tiers.Select(t => new Tier(t.From, t.Rate))] },
    };

    public static PayPlan WithCommission(this PayPlan plan, Func<CommissionPlan, CommissionPlan> change) =>
        plan with { Commission = change(plan.Commission ?? new CommissionPlan()) };

    public static PayPlan WithoutBase(this PayPlan plan) => plan with { Base = new BasePay(BaseKind.None) };

    /// <summary>The working days of a month by the Bulgarian calendar's weekdays, less the holidays given.</summary>
    public static List<DateOnly> WorkingDays(DateOnly from, DateOnly to, params DateOnly[] holidays)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d))
            {
                days.Add(d);
            }
        }

        return days;
    }

    public static PeriodActivity AnActivity(params CreditEntry[] credits) => new(
        March1,
        March31,
        "EUR",
        new EmployeeFacts(Employee, "Мария Иванова", new DateOnly(2024, 1, 15), null),
        new DateOnly(2026, 1, 1),
        null,
        null,
        new MinimumWage(620.20m, "EUR", 1m, new DateOnly(2026, 1, 1)),
        WorkingDays(March1, March31, new DateOnly(2026, 3, 3)),
        credits,
        [],
        [],
        0m,
        new Dictionary<int, decimal>(),
        null);

    public static PeriodActivity ForApril(this PeriodActivity activity)
    {
        var from = new DateOnly(2026, 4, 1);
        var to = new DateOnly(2026, 4, 30);
        // Easter Monday 2026 (Orthodox) is 13 April; Good Friday 10 April.
        return activity with { From = from, To = to, WorkingDays = WorkingDays(from, to, new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 13)) };
    }

    public static CreditEntry Won(long id, decimal amount, DateOnly? on = null, bool newBusiness = false, params LineCredit[] lines) =>
        Credit(id, CreditKind.Won, amount, on ?? new DateOnly(2026, 3, 10), on ?? new DateOnly(2026, 3, 10), newBusiness, lines);

    public static CreditEntry Credit(long id, CreditKind kind, decimal amount, DateOnly on, DateOnly? wonOn, bool newBusiness = false,
        params LineCredit[] lines) =>
        new(id, kind, DealId(id), $"D-{id:000000}", $"Deal {id}", on, wonOn, amount, amount, 100m, newBusiness, lines);

    public static Guid DealId(long number) => new(0x0d, 0, 0, BitConverter.GetBytes(number));

    public static LineCredit Line(Guid product, string name, string? category, decimal quantity, decimal amount, bool newProduct = false) =>
        new(product, name, category, quantity, amount, newProduct);

    public static decimal[] Amounts(this PayStatement statement, PayLineKind kind) =>
        [.. statement.Lines.Where(l => l.Kind == kind).Select(l => l.Amount)];
}
