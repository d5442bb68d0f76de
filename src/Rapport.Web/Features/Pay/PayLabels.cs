using System.Globalization;
using Rapport.Pay;

namespace Rapport.Web.Features.Pay;

/// <summary>Words for pay's states and amounts, in the reader's language.</summary>
internal static class PayLabels
{
    public static string Of(PayPeriodStatus status) => status switch
    {
        PayPeriodStatus.Open => PayTexts.StatusOpen,
        PayPeriodStatus.Calculated => PayTexts.StatusCalculated,
        PayPeriodStatus.Approved => PayTexts.StatusApproved,
        PayPeriodStatus.Locked => PayTexts.StatusLocked,
        PayPeriodStatus.Exported => PayTexts.StatusExported,
        _ => status.ToString(),
    };

    public static string Of(InquiryStatus status) => status switch
    {
        InquiryStatus.Open => PayTexts.InquiryOpen,
        InquiryStatus.Answered => PayTexts.InquiryAnswered,
        InquiryStatus.Closed => PayTexts.InquiryClosed,
        _ => status.ToString(),
    };

    /// <summary>The month a period covers, as its name: "November 2026", "ноември 2026".</summary>
    public static string Month(DateOnly start) => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "bg"
        ? start.ToString("MMMM yyyy 'г.'", CultureInfo.CurrentCulture)
        : start.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Badge(PayPeriodStatus status) => status switch
    {
        PayPeriodStatus.Open => "badge",
        PayPeriodStatus.Calculated => "badge info",
        PayPeriodStatus.Approved => "badge ok",
        _ => "badge muted",
    };
}
