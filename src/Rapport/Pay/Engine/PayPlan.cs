using System.Text.Json.Serialization;

namespace Rapport.Pay.Engine;

/// <summary>
/// One version of a compensation plan: what an employee on it is paid, as data. Amounts are in <see cref="Currency"/>,
/// percents are 0–100. It is read from and written to the documented JSON format by <see cref="PlanDocument"/>, which
/// also checks it; <see cref="PayCalculator"/> expects a plan that passed that check.
/// </summary>
public sealed record PayPlan
{
    /// <summary>The plan's name as Finance gave it.</summary>
    public required string Name { get; init; }

    /// <summary>The currency of every amount in the plan; it must be the activity's (the organisation's) currency.</summary>
    public required string Currency { get; init; }

    /// <summary>The base pay, before any variable pay.</summary>
    public required BasePay Base { get; init; }

    /// <summary>Commission on credited deals, or null for a plan without (a coordinator's: base plus bonuses).</summary>
    public CommissionPlan? Commission { get; init; }

    /// <summary>The most variable pay (commission, bonuses, incentives) one period pays, or null for no cap (the default).</summary>
    public decimal? Cap { get; init; }

    /// <summary>Bonuses for tenure.</summary>
    public IReadOnlyList<RetentionBonus> Retention { get; init; } = [];

    /// <summary>Bonuses for the top performers by credited amount over a trailing window.</summary>
    public IReadOnlyList<TopPerformerBonus> TopPerformers { get; init; } = [];

    /// <summary>One-off incentives for credited deals that match conditions.</summary>
    public IReadOnlyList<Incentive> Incentives { get; init; } = [];

    /// <summary>A new hire's guaranteed variable pay for their first months, or null.</summary>
    public GuaranteeRule? Guarantee { get; init; }

    /// <summary>Whether the plan pays commission on deals at all.</summary>
    [JsonIgnore]
    public bool HasCommission => Commission is not null;

    /// <summary>Whether commission is earned when the client pays (on payments and credit notes) rather than when the deal is won.</summary>
    [JsonIgnore]
    public bool EarnsOnPayment => Commission?.EarnsOn == EarningPoint.Payment;

    /// <summary>How many months after a win a reopen or credit note takes back commission already paid; 0 for never.</summary>
    [JsonIgnore]
    public int ClawbackMonths => Commission?.ClawbackMonths ?? 0;

    /// <summary>The trailing windows, in months, that the top-performer bonuses name, ascending and distinct: the caller computes <see cref="PeriodActivity.TopShares"/> for these.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> TrailingWindows => [.. TopPerformers.Select(t => t.WindowMonths).Distinct().Order()];

    public bool Equals(PayPlan? other) =>
        other is not null
        && Name == other.Name && Currency == other.Currency && Base == other.Base && Commission == other.Commission && Cap == other.Cap
        && Retention.SequenceEqual(other.Retention) && TopPerformers.SequenceEqual(other.TopPerformers)
        && Incentives.SequenceEqual(other.Incentives) && Guarantee == other.Guarantee;

    public override int GetHashCode() => HashCode.Combine(Name, Currency, Base, Commission, Cap, Retention.Count, Incentives.Count, Guarantee);
}

/// <summary>What the base pay is made of.</summary>
public enum BaseKind
{
    /// <summary>No base: a part-time holder whose base comes from their main job.</summary>
    None,

    /// <summary>The national minimum wage in force on the period's first day, times a factor.</summary>
    MinimumWage,

    /// <summary>A fixed monthly amount.</summary>
    Fixed,
}

/// <summary>
/// The base pay, prorated by working days for a partial period. <paramref name="Factor"/> is for a minimum-wage base
/// only (1 when omitted), <paramref name="Amount"/> for a fixed base only.
/// </summary>
public sealed record BasePay(BaseKind Kind, decimal? Factor = null, decimal? Amount = null);

/// <summary>When commission is earned.</summary>
public enum EarningPoint
{
    /// <summary>When the deal is won, on the credited amount.</summary>
    Won,

    /// <summary>When the client pays, on the employee's share of each payment; a credit note earns negative commission.</summary>
    Payment,
}

/// <summary>How the commission rate is found.</summary>
public enum CommissionMethod
{
    /// <summary>One rate on everything.</summary>
    Flat,

    /// <summary>Each portion of the period-to-date amount at its own band's rate.</summary>
    Graduated,

    /// <summary>The whole period's amount at the rate of the band the period reached.</summary>
    Retroactive,
}

/// <summary>What tier thresholds measure.</summary>
public enum TierMeasure
{
    /// <summary>The period-to-date credited amount, in the plan's currency.</summary>
    Amount,

    /// <summary>Quota attainment: the period-to-date credited amount as a percent of the period's quota.</summary>
    Attainment,
}

/// <summary>Whether a rate applies to new business (the account's first won deal, or a product new to the account), existing business, or both.</summary>
public enum BusinessKind
{
    Any,
    New,
    Existing,
}

/// <summary>
/// Commission on credited deals. Without tiers <see cref="Rate"/> applies to everything; with tiers (graduated or
/// retroactive) the band reached gives the rate: a band starts at its threshold, so reaching the threshold
/// qualifies, and below the first threshold the rate is 0. A matching <see cref="Rates"/> rule replaces that rate by
/// its own flat rate (the most specific wins: product, then category, then new or existing business); its amount
/// still counts towards the period-to-date amount the tiers read. The accelerator multiplies whatever rate applies.
/// </summary>
public sealed record CommissionPlan
{
    /// <summary>When commission is earned.</summary>
    public EarningPoint EarnsOn { get; init; } = EarningPoint.Won;

    /// <summary>Flat, graduated or retroactive.</summary>
    public CommissionMethod Method { get; init; } = CommissionMethod.Flat;

    /// <summary>What the tier thresholds measure.</summary>
    public TierMeasure Measure { get; init; } = TierMeasure.Amount;

    /// <summary>The flat rate, in percent; for the flat method only.</summary>
    public decimal? Rate { get; init; }

    /// <summary>The bands, thresholds strictly increasing; for the graduated and retroactive methods.</summary>
    public IReadOnlyList<Tier> Tiers { get; init; } = [];

    /// <summary>Flat rates for a product, a category, or new or existing business, in place of the rate above.</summary>
    public IReadOnlyList<RateRule> Rates { get; init; } = [];

    /// <summary>A higher rate above a quota-attainment level, or null.</summary>
    public Accelerator? Accelerator { get; init; }

    /// <summary>How many months after the win a reopen (or, earning on the win, a credit note) takes back commission paid on an earlier statement; 0 for never.</summary>
    public int ClawbackMonths { get; init; }

    public bool Equals(CommissionPlan? other) =>
        other is not null
        && EarnsOn == other.EarnsOn && Method == other.Method && Measure == other.Measure && Rate == other.Rate
        && Tiers.SequenceEqual(other.Tiers) && Rates.SequenceEqual(other.Rates) && Accelerator == other.Accelerator
        && ClawbackMonths == other.ClawbackMonths;

    public override int GetHashCode() => HashCode.Combine(EarnsOn, Method, Measure, Rate, Tiers.Count, Rates.Count, Accelerator, ClawbackMonths);
}

/// <summary>A band: from <paramref name="From"/> (an amount, or a percent of quota) upwards, the rate in percent.</summary>
public sealed record Tier(decimal From, decimal Rate);

/// <summary>
/// A flat rate, in percent, for credited amounts of one product, one category, or new or existing business (or a
/// product or category in new or existing business only). A category is the catalogue's category name, matched ignoring case.
/// </summary>
public sealed record RateRule(string Key, decimal Rate, Guid? ProductId = null, string? Category = null, BusinessKind Business = BusinessKind.Any);

/// <summary>From <paramref name="FromAttainment"/> percent of quota (reaching it qualifies), the rate is multiplied by <paramref name="Multiplier"/> (at least 1).</summary>
public sealed record Accelerator(decimal FromAttainment, decimal Multiplier);

/// <summary>
/// A fixed amount paid in the period in which the employee's tenure reaches <paramref name="AfterMonths"/> months, or,
/// when <paramref name="Recurring"/>, in every period that ends with at least that tenure.
/// </summary>
public sealed record RetentionBonus(string Key, int AfterMonths, decimal Amount, bool Recurring = false);

/// <summary>A fixed amount for a period in which the employee stands in the top <paramref name="TopPercent"/> percent by credited amount over the trailing <paramref name="WindowMonths"/> months.</summary>
public sealed record TopPerformerBonus(string Key, int WindowMonths, decimal TopPercent, decimal Amount);

/// <summary>
/// A one-off incentive on deals won between <paramref name="From"/> and <paramref name="To"/> (both included, either
/// open): a fixed <paramref name="Amount"/> times the employee's split, or a <paramref name="Percent"/> of the credited
/// amount. With a product or category it is paid per matching product line of at least
/// <paramref name="MinQuantity"/>; without, per deal (whose lines' quantities together reach the minimum).
/// </summary>
public sealed record Incentive(
    string Key, decimal? Amount = null, decimal? Percent = null, Guid? ProductId = null, string? Category = null, decimal MinQuantity = 0,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// For periods that start within a new hire's first <paramref name="Months"/> months, variable pay is topped up to
/// <paramref name="Amount"/>; a <paramref name="Recoverable"/> top-up is owed back, added to the carried balance.
/// </summary>
public sealed record GuaranteeRule(int Months, decimal Amount, bool Recoverable);
