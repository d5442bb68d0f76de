using System.Globalization;
using Rapport.Deals;

namespace Rapport.Web.Features.Deals;

/// <summary>Display names of the deal enumerations, and amounts as shown.</summary>
internal static class DealLabels
{
    public static string Of(DealOutcome outcome) => outcome switch
    {
        DealOutcome.Open => DealTexts.OutcomeOpen,
        DealOutcome.Won => DealTexts.OutcomeWon,
        _ => DealTexts.OutcomeLost,
    };

    public static string Of(ForecastCategory category) => category switch
    {
        ForecastCategory.Pipeline => DealTexts.ForecastPipeline,
        ForecastCategory.BestCase => DealTexts.ForecastBestCase,
        ForecastCategory.Commit => DealTexts.ForecastCommit,
        _ => DealTexts.ForecastOmitted,
    };

    public static string Of(PaymentKind kind) => kind == PaymentKind.CreditNote ? DealTexts.PaymentKindCreditNote : DealTexts.PaymentKindPayment;

    public static string Of(DealEventKind kind) => kind switch
    {
        DealEventKind.Created => DealTexts.EventCreated,
        DealEventKind.StageMoved => DealTexts.EventStageMoved,
        DealEventKind.AmountChanged => DealTexts.EventAmountChanged,
        DealEventKind.Won => DealTexts.EventWon,
        DealEventKind.Lost => DealTexts.EventLost,
        DealEventKind.Reopened => DealTexts.EventReopened,
        DealEventKind.SplitsChanged => DealTexts.EventSplitsChanged,
        DealEventKind.OwnerChanged => DealTexts.EventOwnerChanged,
        DealEventKind.Payment => DealTexts.EventPayment,
        _ => DealTexts.EventCreditNote,
    };

    public static string Of(DealSort sort) => sort switch
    {
        DealSort.Amount => DealTexts.SortAmount,
        DealSort.Number => DealTexts.SortNumber,
        _ => DealTexts.SortCloseDate,
    };

    public static string Business(bool? isNew) => isNew switch
    {
        true => DealTexts.NewBusiness,
        false => DealTexts.ExistingBusiness,
        _ => "—",
    };

    /// <summary>An amount with its currency in the reader's number format: "12 500,00 EUR", "12,500.00 EUR".</summary>
    public static string Money(decimal amount, string currency) =>
        amount.ToString("N2", CultureInfo.CurrentCulture) + " " + currency;

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture) + " %";
}
