using System.Globalization;

namespace Rapport.Pay.Engine;

/// <summary>
/// A statement line in words and numbers, in the reader's language: the formula with the amounts it was computed
/// from, so a manager can check every cent. Made from the line's fields only, so a stored statement reads the same in
/// any language years later.
/// </summary>
public static class PayLineText
{
    /// <summary>The line's formula, e.g. "Commission on D-000123: 12,500.00 EUR × 5 % (band from 10,000.00) = 625.00 EUR".</summary>
    public static string Describe(PayLine line, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(culture);
        string T(string name) => PayTexts.ResourceManager.GetString(name, culture)!;
        string F(string name, params object?[] args) => string.Format(culture, T(name), args);
        string M(decimal amount) => $"{amount.ToString("N2", culture)} {currency}";
        string N(decimal number) => number.ToString("#,0.##########", culture);
        string P(decimal percent) => $"{N(percent)} %";
        var amountText = M(line.Amount);

        switch (line.Kind)
        {
            case PayLineKind.Base:
                var basis = line.Original is { } original
                    ? F(nameof(PayTexts.LineConverted), M(line.Basis), $"{original.ToString("N2", culture)} {line.OriginalCurrency}", N(line.ConversionRate ?? 1))
                    : M(line.Basis);
                var prorated = line.Days is { } days && line.OfDays is { } of && days != of;
                if (line.Rule == PayRules.MinimumWage)
                {
                    return prorated
                        ? F(nameof(PayTexts.LineMinimumWageProrated), basis, N(line.Factor ?? 1), line.Days, line.OfDays, amountText)
                        : F(nameof(PayTexts.LineMinimumWage), basis, N(line.Factor ?? 1), amountText);
                }

                return prorated
                    ? F(nameof(PayTexts.LineBaseProrated), basis, line.Days, line.OfDays, amountText)
                    : F(nameof(PayTexts.LineBase), basis, amountText);
            case PayLineKind.Commission:
                var rate = P(line.Rate ?? 0);
                if (line.Band is { } band)
                {
                    rate += " " + (line.BandOfQuota ? F(nameof(PayTexts.LineBandOfQuota), N(band)) : F(nameof(PayTexts.LineBand), band.ToString("N2", culture)));
                }

                if (line.Factor is { } multiplier)
                {
                    rate += " " + F(nameof(PayTexts.LineAccelerator), N(multiplier));
                }

                return F(nameof(PayTexts.LineCommission), Deal(line, culture), M(line.Basis), rate, amountText);
            case PayLineKind.Bonus when line.Standing is { } standing:
                return F(nameof(PayTexts.LineTopPerformer), line.Rule, N(line.Limit ?? 0), line.Months, N(standing), amountText);
            case PayLineKind.Bonus:
                return F(nameof(PayTexts.LineRetention), line.Rule, line.Months, amountText);
            case PayLineKind.Incentive when line.Rate is { } percent:
                return F(nameof(PayTexts.LineIncentive), line.Rule, Deal(line, culture), M(line.Basis), P(percent), amountText);
            case PayLineKind.Incentive:
                return F(nameof(PayTexts.LineIncentiveSplit), line.Rule, Deal(line, culture), M(line.Basis), P((line.Factor ?? 1) * 100), amountText);
            case PayLineKind.Guarantee:
                return F(line.Recoverable ? nameof(PayTexts.LineGuaranteeRecoverable) : nameof(PayTexts.LineGuarantee), M(line.Earned ?? 0), M(line.Basis), amountText);
            case PayLineKind.Adjustment:
                return F(nameof(PayTexts.LineAdjustment), Date(line.On, culture), amountText, line.Note);
            case PayLineKind.Clawback when line.Factor is { } share:
                return F(nameof(PayTexts.LineClawbackShare), Deal(line, culture), M(line.Basis), P(Math.Round(share * 100, 2, MidpointRounding.AwayFromZero)), amountText);
            case PayLineKind.Clawback:
                return F(nameof(PayTexts.LineClawback), Deal(line, culture), M(line.Basis), amountText);
            case PayLineKind.CarriedBalance when line.Rule == PayRules.CarriedOut:
                return F(nameof(PayTexts.LineCarriedOut), amountText);
            case PayLineKind.CarriedBalance:
                return F(nameof(PayTexts.LineCarriedIn), amountText);
            case PayLineKind.Cap:
                return F(nameof(PayTexts.LineCap), M(line.Earned ?? 0), M(line.Basis), amountText);
            default:
                return $"{KindName(line.Kind, culture)}: {amountText}";
        }
    }

    /// <summary>The name of a kind of line in the current UI culture ("Commission", "Комисиона").</summary>
    public static string KindName(PayLineKind kind) => kind switch
    {
        PayLineKind.Base => PayTexts.KindBase,
        PayLineKind.Commission => PayTexts.KindCommission,
        PayLineKind.Bonus => PayTexts.KindBonus,
        PayLineKind.Incentive => PayTexts.KindIncentive,
        PayLineKind.Guarantee => PayTexts.KindGuarantee,
        PayLineKind.Adjustment => PayTexts.KindAdjustment,
        PayLineKind.Clawback => PayTexts.KindClawback,
        PayLineKind.CarriedBalance => PayTexts.KindCarriedBalance,
        PayLineKind.Cap => PayTexts.KindCap,
        _ => kind.ToString(),
    };

    /// <summary>The name of a kind of line in <paramref name="culture"/>.</summary>
    public static string KindName(PayLineKind kind, CultureInfo culture) =>
        PayTexts.ResourceManager.GetString("Kind" + kind, culture) ?? kind.ToString();

    /// <summary>The deal a line is for, with its product line and, for anything but a win, what happened on which day.</summary>
    private static string Deal(PayLine line, CultureInfo culture)
    {
        string F(string name, params object?[] args) => string.Format(culture, PayTexts.ResourceManager.GetString(name, culture)!, args);
        var deal = line.DealNumber ?? "";
        if (line.Product is { } product)
        {
            deal = F(nameof(PayTexts.LineProduct), deal, product);
        }

        return line.Credit switch
        {
            CreditKind.Payment => F(nameof(PayTexts.LinePayment), deal, Date(line.On, culture)),
            CreditKind.CreditNote => F(nameof(PayTexts.LineCreditNote), deal, Date(line.On, culture)),
            CreditKind.Reopened => F(nameof(PayTexts.LineReopened), deal, Date(line.On, culture)),
            CreditKind.SplitChanged => F(nameof(PayTexts.LineSplitChanged), deal, Date(line.On, culture)),
            _ => deal,
        };
    }

    private static string Date(DateOnly? on, CultureInfo culture) =>
        on?.ToString(PayTexts.ResourceManager.GetString(nameof(PayTexts.LineDate), culture), CultureInfo.InvariantCulture) ?? "";
}
