using CsCheck;
using Rapport.Pay.Engine;

namespace Rapport.Tests.Pay;

/// <summary>Random valid plans and activities for the property tests.</summary>
internal static class PayGenerators
{
    public static readonly Gen<decimal> Cents = Gen.Long[0, 10_000_000].Select(c => c / 100m);
    public static readonly Gen<decimal> Percent = Gen.Int[0, 10_000].Select(h => h / 100m);
    private static readonly Guid[] Products = [PayBuilders.Licence, PayBuilders.Support, PayBuilders.Training];
    private static readonly string[] Categories = ["Software", "Services"];

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class => Gen.Bool.SelectMany(b => b ? gen.Select(x => (T?)x) : Gen.Const((T?)null));

    private static Gen<decimal?> OrNull(Gen<decimal> gen) => Gen.Bool.SelectMany(b => b ? gen.Select(x => (decimal?)x) : Gen.Const((decimal?)null));

    /// <summary>Strictly increasing thresholds from 0, each with a rate.</summary>
    public static readonly Gen<Tier[]> Tiers = Gen.Select(Gen.Long[1, 2_000_000].Array[0, 3], Percent.Array[4]).Select((steps, rates) =>
    {
        var tiers = new Tier[steps.Length + 1];
        decimal from = 0;
        for (var i = 0; i < tiers.Length; i++)
        {
            tiers[i] = new Tier(from, rates[i]);
            from += i < steps.Length ? steps[i] / 100m : 0;
        }

        return tiers;
    });

    private static readonly Gen<RateRule[]> Rates = Gen.Int[0, 3].SelectMany(n => Gen.Select(Gen.Int[0, 5].Array[n], Percent.Array[n], (scopes, rates) =>
        scopes.Distinct().Select((s, i) => s switch
        {
            < 3 => new RateRule($"rate{i}", rates[i], ProductId: Products[s]),
            < 5 => new RateRule($"rate{i}", rates[i], Category: Categories[s - 3]),
            _ => new RateRule($"rate{i}", rates[i], Business: BusinessKind.New),
        }).ToArray()));

    public static readonly Gen<CommissionPlan> Commission =
        Gen.Select(Gen.Enum<CommissionMethod>(), Gen.Enum<EarningPoint>(), Gen.Enum<TierMeasure>(), Percent, Tiers, Rates,
            OrNull(Gen.Select(Gen.Int[0, 200], Gen.Int[100, 300], (from, m) => new Accelerator(from, m / 100m))), Gen.Int[0, 12])
        .Select((method, earnsOn, measure, rate, tiers, rates, accelerator, clawback) => new CommissionPlan
        {
            Method = method,
            EarnsOn = earnsOn,
            Measure = measure,
            Rate = method == CommissionMethod.Flat ? rate : null,
            Tiers = method == CommissionMethod.Flat ? [] : tiers,
            Rates = rates,
            Accelerator = accelerator,
            ClawbackMonths = clawback,
        });

    private static readonly Gen<BasePay> Base = Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => Gen.Const(new BasePay(BaseKind.None)),
        1 => Gen.Int[1, 300].Select(f => new BasePay(BaseKind.MinimumWage, f / 100m)),
        _ => Cents.Select(a => new BasePay(BaseKind.Fixed, Amount: a)),
    });

    private static readonly Gen<Incentive> AnIncentive = Gen.Select(Gen.Bool, Cents, Percent, Gen.Int[0, 3], Gen.Int[0, 5]).Select((fixedAmount, amount, percent, product, quantity) =>
        new Incentive("incentive", fixedAmount ? amount : null, fixedAmount ? null : percent, product < 3 ? Products[product] : null, null, quantity,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20)));

    public static readonly Gen<PayPlan> Plans =
        Gen.Select(Base, OrNull(Commission), OrNull(Cents), Gen.Select(Gen.Int[1, 36], Cents, Gen.Bool).Array[0, 2],
            Gen.Select(Gen.Int[1, 12], Gen.Int[1, 100], Cents).Array[0, 2], AnIncentive.Array[0, 2],
            OrNull(Gen.Select(Gen.Int[1, 12], Cents, Gen.Bool, (m, a, r) => new GuaranteeRule(m, a, r))))
        .Select((pay, commission, cap, retention, top, incentives, guarantee) => new PayPlan
        {
            Name = "Generated",
            Currency = "EUR",
            Base = pay,
            Commission = commission,
            Cap = cap,
            Retention = [.. retention.Select((r, i) => new RetentionBonus($"retention{i}", r.Item1, r.Item2, r.Item3))],
            TopPerformers = [.. top.Select((t, i) => new TopPerformerBonus($"top{i}", t.Item1, t.Item2, t.Item3))],
            Incentives = [.. incentives.Select((x, i) => x with { Key = $"incentive{i}" })],
            Guarantee = guarantee,
        });

    private static readonly Gen<LineCredit> ALine = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 10], Gen.Bool).Select((p, c, q, n) =>
        new LineCredit(Products[p], $"Product {p}", c < 2 ? Categories[c] : null, q, 0m, n));

    /// <summary>A credit of any kind; its product lines' amounts add up to it to the cent.</summary>
    public static readonly Gen<CreditEntry> Credits =
        Gen.Select(Gen.Enum<CreditKind>(), Gen.Long[-2_000_000, 5_000_000], Gen.Int[1, 31], Gen.Int[-4, 0], Gen.Bool, ALine.Array[0, 3], Gen.Long[1, 50])
        .Select((kind, cents, day, monthsBack, isNew, lines, deal) =>
        {
            var amount = (kind is CreditKind.Reopened or CreditKind.CreditNote ? -Math.Abs(cents) : cents) / 100m;
            var on = new DateOnly(2026, 3, day);
            var parts = new LineCredit[lines.Length];
            var left = amount;
            for (var i = 0; i < lines.Length; i++)
            {
                var part = i == lines.Length - 1 ? left : Math.Round(amount / lines.Length, 2);
                parts[i] = lines[i] with { Amount = part };
                left -= part;
            }

            return new CreditEntry(deal, kind, PayBuilders.DealId(deal), $"D-{deal:000000}", "Deal", on, on.AddMonths(monthsBack), amount, amount, 100m, isNew, parts);
        });

    public static readonly Gen<PeriodActivity> Activities =
        Gen.Select(Credits.Array[0, 30], OrNull(Cents), Gen.Long[-100_000, 0], Gen.Int[1, 100], Gen.Int[-30, 30])
        .Select((credits, quota, carried, share, startDays) => PayBuilders.AnActivity(credits) with
        {
            Quota = quota,
            CarriedBalance = carried / 100m,
            Employee = new EmployeeFacts(PayBuilders.Employee, "Generated", PayBuilders.March1.AddDays(startDays), null),
            PaidBefore = [.. credits.Select(c => c.DealId).Distinct().Select(d => new PaidCommission(d, new DateOnly(2026, 1, 1), 10_000m, 321.09m))],
            Adjustments = [new AdjustmentEntry(Guid.Empty, PayBuilders.March31, carried / 1000m, "Generated")],
            TopShares = new Dictionary<int, decimal> { [1] = share, [3] = share, [12] = share },
            Net = new NetParameters(13.78m, 2_111.64m, 10m),
        });
}
