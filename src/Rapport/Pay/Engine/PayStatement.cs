using System.Text.Json.Serialization;

namespace Rapport.Pay.Engine;

/// <summary>
/// One employee's statement for one period, as the calculation produced it: lines in a fixed order, each rounded to
/// the cent half away from zero; the total is the sum of the lines; what could not be netted (a clawback larger than
/// the variable pay, a recoverable guarantee) is carried forward as a negative balance.
/// </summary>
/// <param name="Lines">In order: base, commission, bonuses and incentives, guarantee, adjustments, clawbacks, the carried balance, the cap.</param>
/// <param name="Total">The sum of <see cref="PayLine.Amount"/> over the lines; never below the base.</param>
/// <param name="CarryForward">Zero or negative: the balance the next period starts with.</param>
/// <param name="Net">The informative gross-to-net estimate, or null when the activity gave no parameters.</param>
public sealed record PayStatement(IReadOnlyList<PayLine> Lines, decimal Total, decimal CarryForward, NetEstimate? Net);

/// <summary>
/// One line of a statement: what it pays for and how it was computed. The words are not stored: they are made from
/// these fields in the reader's language (PayLineText), so a statement reads in English and Bulgarian.
/// </summary>
/// <param name="Order">The line's place on the statement, from 1.</param>
/// <param name="Kind">What the line pays for.</param>
/// <param name="Rule">The key of the plan rule that made the line (e.g. "base", "commission", a bonus's key).</param>
/// <param name="DealId">The deal a commission, incentive or clawback line is for.</param>
/// <param name="DealNumber">The deal's number as shown.</param>
/// <param name="EventId">The deal event it traces back to.</param>
/// <param name="On">The earning date (win, payment, reopen, adjustment).</param>
/// <param name="Basis">What the rate applies to: a credited amount, the minimum wage, a commission paid before.</param>
/// <param name="Rate">The percent applied, or null for a fixed amount.</param>
/// <param name="Band">The tier band's threshold the rate comes from, or null without tiers.</param>
/// <param name="Factor">A multiplier shown in the formula: the minimum wage factor, a proration (worked ÷ working days), a share paid.</param>
/// <param name="Amount">The line's amount, rounded to the cent.</param>
/// <param name="Note">Free text carried from the input (an adjustment's reason), shown as it was entered.</param>
public sealed record PayLine(
    int Order,
    PayLineKind Kind,
    string Rule,
    Guid? DealId,
    string? DealNumber,
    long? EventId,
    DateOnly? On,
    decimal Basis,
    decimal? Rate,
    decimal? Band,
    decimal? Factor,
    decimal Amount,
    string? Note)
{
    /// <summary>The deal event's kind a commission or clawback line comes from, to say "payment of …" or "reopened on …".</summary>
    public CreditKind? Credit { get; init; }

    /// <summary>The product line a commission or incentive line is for, when the deal's lines are paid at different rates.</summary>
    public string? Product { get; init; }

    /// <summary>Whether <see cref="PayLine.Band"/> is a percent of quota rather than an amount.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool BandOfQuota { get; init; }

    /// <summary>For a base line: the working days the plan applied to the employee in the period.</summary>
    public int? Days { get; init; }

    /// <summary>For a base line: all working days of the period.</summary>
    public int? OfDays { get; init; }

    /// <summary>For a minimum-wage base stated in another currency: the wage as the law states it (the basis is it converted and rounded).</summary>
    public decimal? Original { get; init; }

    /// <summary>The currency of <see cref="Original"/>.</summary>
    public string? OriginalCurrency { get; init; }

    /// <summary>How many units of <see cref="OriginalCurrency"/> make one unit of the statement's currency (1.95583 for leva).</summary>
    public decimal? ConversionRate { get; init; }

    /// <summary>For a guarantee or cap line: the variable pay the period earned, which the basis tops up or limits.</summary>
    public decimal? Earned { get; init; }

    /// <summary>For a guarantee line: whether the top-up is owed back (added to the carried balance).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Recoverable { get; init; }

    /// <summary>For a bonus line: the tenure (retention) or trailing window (top performers) in months.</summary>
    public int? Months { get; init; }

    /// <summary>For a top-performer bonus line: the top percent it is for.</summary>
    public decimal? Limit { get; init; }

    /// <summary>For a top-performer bonus line: where the employee stands, as a percent from the top.</summary>
    public decimal? Standing { get; init; }
}

/// <summary>The rule keys of the lines that do not come from a keyed plan rule.</summary>
public static class PayRules
{
    public const string MinimumWage = "minimumWage";
    public const string Base = "base";
    public const string Commission = "commission";
    public const string Guarantee = "guarantee";
    public const string Adjustment = "adjustment";
    public const string Clawback = "clawback";

    /// <summary>The balance brought forward from the previous statement.</summary>
    public const string CarriedIn = "carriedIn";

    /// <summary>What this statement could not net and carries to the next (positive on the line, negative in <see cref="PayStatement.CarryForward"/>).</summary>
    public const string CarriedOut = "carriedOut";

    public const string Cap = "cap";
}

public enum PayLineKind
{
    Base,
    Commission,
    Bonus,
    Incentive,
    Guarantee,
    Adjustment,
    Clawback,
    CarriedBalance,
    Cap,
}

/// <summary>The estimate of net pay from gross: contributions, income tax and what is left.</summary>
public sealed record NetEstimate(decimal Gross, decimal Contributions, decimal IncomeTax, decimal Net);
