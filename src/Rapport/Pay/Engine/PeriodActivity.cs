namespace Rapport.Pay.Engine;

/// <summary>
/// Everything the pay calculation reads for one employee and one period, and nothing else: the calculation is a pure
/// function of a plan and this record, so a statement can be re-derived from what was stored with it. Every amount is
/// in <see cref="Currency"/> (the organisation's), to the cent, unless it says otherwise.
/// </summary>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day (included).</param>
/// <param name="Currency">The organisation's currency, in which every amount here and every line is.</param>
/// <param name="Employee">Who is paid.</param>
/// <param name="AssignedFrom">The first day the plan applies to this employee (may be before <paramref name="From"/>).</param>
/// <param name="AssignedTo">The last day it applies (included), or null while it runs on.</param>
/// <param name="Quota">The employee's quota for the period, or null when none is set.</param>
/// <param name="MinimumWage">The national minimum monthly wage in force on the period's first day.</param>
/// <param name="WorkingDays">The period's working days by the organisation's calendar (weekdays less public holidays), in order.</param>
/// <param name="Credits">What the employee was credited with in the period, in the order it happened.</param>
/// <param name="PaidBefore">Commission already paid on earlier statements for deals that appear in <paramref name="Credits"/>, for clawback.</param>
/// <param name="Adjustments">Dated corrections Finance entered for this period.</param>
/// <param name="CarriedBalance">What the previous statement carried forward: zero or negative (a clawback or a recoverable guarantee not yet recovered).</param>
/// <param name="TopShares">For each trailing window the plan names (in months), where the employee stands by credited amount over it, as a percent from the top: the best of ten is 10, the worst 100.</param>
/// <param name="Net">Country parameters for the informative gross-to-net estimate, or null for no estimate.</param>
public sealed record PeriodActivity(
    DateOnly From,
    DateOnly To,
    string Currency,
    EmployeeFacts Employee,
    DateOnly AssignedFrom,
    DateOnly? AssignedTo,
    decimal? Quota,
    MinimumWage MinimumWage,
    IReadOnlyList<DateOnly> WorkingDays,
    IReadOnlyList<CreditEntry> Credits,
    IReadOnlyList<PaidCommission> PaidBefore,
    IReadOnlyList<AdjustmentEntry> Adjustments,
    decimal CarriedBalance,
    IReadOnlyDictionary<int, decimal> TopShares,
    NetParameters? Net);

/// <param name="Id">The employee's id.</param>
/// <param name="Name">The employee's full name, as on the statement.</param>
/// <param name="EmploymentStart">For tenure (retention bonuses, a new hire's guarantee) and proration.</param>
/// <param name="EmploymentEnd">The last day of employment, for proration, or null.</param>
public sealed record EmployeeFacts(Guid Id, string Name, DateOnly EmploymentStart, DateOnly? EmploymentEnd);

/// <summary>The minimum wage as the law states it, and how many of its units make one unit of the organisation's currency (1.95583 for leva into euro; 1 when the same).</summary>
public sealed record MinimumWage(decimal Amount, string Currency, decimal UnitsPerOrganisationUnit, DateOnly ValidFrom);

/// <summary>What kind of deal event a credit comes from.</summary>
public enum CreditKind
{
    /// <summary>The deal was won: the employee's credit at the win.</summary>
    Won,

    /// <summary>A won deal was reopened: the credit of the win it undoes, negative.</summary>
    Reopened,

    /// <summary>A won deal's split changed: the change in this employee's credit (after less before), either sign.</summary>
    SplitChanged,

    /// <summary>The client paid: this employee's share of the payment.</summary>
    Payment,

    /// <summary>A credit note: this employee's share, negative.</summary>
    CreditNote,
}

/// <summary>
/// One credit to the employee from one deal event. <see cref="Amount"/> is the employee's share (deal amount × their
/// split, allocated to the cent); <see cref="Lines"/> split it by product when the deal has lines (their amounts sum
/// to <see cref="Amount"/>).
/// </summary>
/// <param name="EventId">The deal event's id: the line's trace back to what happened.</param>
/// <param name="Kind">What kind of event it is.</param>
/// <param name="DealId">The deal's id.</param>
/// <param name="DealNumber">The deal's number as shown (D-000123).</param>
/// <param name="DealTitle">The deal's title.</param>
/// <param name="On">The event's business date: the close date, the payment date, the day of a reopen or change.</param>
/// <param name="WonOn">The close date of the win this credit belongs to (for a reopen or credit note, the win it undoes).</param>
/// <param name="DealAmount">The whole deal's amount at the event, in the organisation's currency.</param>
/// <param name="Percent">The employee's split, 0–100.</param>
/// <param name="Amount">The employee's share of the event's amount.</param>
/// <param name="NewBusiness">Whether the deal was the account's first won deal.</param>
/// <param name="Lines">The employee's share per product line; empty when the deal has no lines.</param>
public sealed record CreditEntry(
    long EventId,
    CreditKind Kind,
    Guid DealId,
    string DealNumber,
    string DealTitle,
    DateOnly On,
    DateOnly? WonOn,
    decimal Amount,
    decimal DealAmount,
    decimal Percent,
    bool NewBusiness,
    IReadOnlyList<LineCredit> Lines);

/// <summary>The employee's share of one product line of a deal; <see cref="Category"/> is the product's category name as the catalogue has it (rules match it ignoring case), or null.</summary>
public sealed record LineCredit(Guid ProductId, string ProductName, string? Category, decimal Quantity, decimal Amount, bool NewProduct);

/// <summary>Commission paid on an earlier statement for a deal, and the credit it was paid on.</summary>
public sealed record PaidCommission(Guid DealId, DateOnly PeriodFrom, decimal Basis, decimal Amount);

/// <summary>A correction Finance entered: a dated amount with its reason (negative to take back).</summary>
public sealed record AdjustmentEntry(Guid Id, DateOnly On, decimal Amount, string Reason);

/// <summary>
/// A country's parameters for the gross-to-net estimate: the employee's social and health contributions as a percent
/// of gross up to the maximum insurable income, then income tax as a percent of what remains (Bulgaria: 13.78 %,
/// 10 %).
/// </summary>
public sealed record NetParameters(decimal ContributionPercent, decimal MaximumInsurableIncome, decimal IncomeTaxPercent);
