using System.Globalization;
using NodaTime;
using Rapport.ClientBase;
using Rapport.Service;

namespace Rapport.Web.Features.Service;

/// <summary>Display names of the service feature's enumerations, and its instants in the organisation's time zone.</summary>
internal static class ServiceLabels
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.New => ServiceTexts.StatusNew,
        CaseStatus.InProgress => ServiceTexts.StatusInProgress,
        CaseStatus.WaitingOnClient => ServiceTexts.StatusWaitingOnClient,
        CaseStatus.Resolved => ServiceTexts.StatusResolved,
        CaseStatus.Closed => ServiceTexts.StatusClosed,
        _ => status.ToString(),
    };

    public static string Of(CasePriority priority) => priority switch
    {
        CasePriority.Low => ServiceTexts.PriorityLow,
        CasePriority.Normal => ServiceTexts.PriorityNormal,
        CasePriority.High => ServiceTexts.PriorityHigh,
        CasePriority.Urgent => ServiceTexts.PriorityUrgent,
        _ => priority.ToString(),
    };

    public static string Of(ServiceTier tier) => tier switch
    {
        ServiceTier.Standard => ServiceTexts.TierStandard,
        ServiceTier.Premium => ServiceTexts.TierPremium,
        ServiceTier.Strategic => ServiceTexts.TierStrategic,
        _ => tier.ToString(),
    };

    public static string Of(CaseCategory category) => category switch
    {
        CaseCategory.Question => ServiceTexts.CategoryQuestion,
        CaseCategory.Problem => ServiceTexts.CategoryProblem,
        CaseCategory.Request => ServiceTexts.CategoryRequest,
        CaseCategory.Complaint => ServiceTexts.CategoryComplaint,
        CaseCategory.Billing => ServiceTexts.CategoryBilling,
        CaseCategory.Other => ServiceTexts.CategoryOther,
        _ => category.ToString(),
    };

    public static string Of(SlaState state) => state switch
    {
        SlaState.OnTrack => ServiceTexts.SlaOnTrack,
        SlaState.NearBreach => ServiceTexts.SlaNearBreach,
        SlaState.Breached => ServiceTexts.SlaBreached,
        _ => state.ToString(),
    };

    public static string BadgeClass(SlaState state) => state switch
    {
        SlaState.Breached => "badge overdue",
        SlaState.NearBreach => "badge warn",
        _ => "badge ok",
    };

    public static string Of(BillingPeriod billing) => billing switch
    {
        BillingPeriod.Monthly => ServiceTexts.BillingMonthly,
        BillingPeriod.Yearly => ServiceTexts.BillingYearly,
        _ => billing.ToString(),
    };

    public static string Of(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Active => ServiceTexts.ServiceStatusActive,
        SubscriptionStatus.Cancelled => ServiceTexts.ServiceStatusCancelled,
        SubscriptionStatus.Ended => ServiceTexts.ServiceStatusEnded,
        _ => status.ToString(),
    };

    public static string Of(HealthBand band) => band switch
    {
        HealthBand.Good => ServiceTexts.HealthBandGood,
        HealthBand.Watch => ServiceTexts.HealthBandWatch,
        HealthBand.AtRisk => ServiceTexts.HealthBandAtRisk,
        _ => band.ToString(),
    };

    public static string HealthClass(HealthBand band) => band switch
    {
        HealthBand.AtRisk => "badge overdue",
        HealthBand.Watch => "badge warn",
        _ => "badge ok",
    };

    public static string Of(HealthFactorKind kind) => kind switch
    {
        HealthFactorKind.Relationships => ServiceTexts.HealthFactorRelationships,
        HealthFactorKind.Coverage => ServiceTexts.HealthFactorCoverage,
        HealthFactorKind.Cases => ServiceTexts.HealthFactorCases,
        HealthFactorKind.Renewals => ServiceTexts.HealthFactorRenewals,
        HealthFactorKind.Revenue => ServiceTexts.HealthFactorRevenue,
        _ => kind.ToString(),
    };

    /// <summary>Why a factor gave its points, with its numbers, in the reader's language; money in the organisation's currency.</summary>
    public static string Why(HealthFactor factor, string currency)
    {
        var value = factor.Value ?? 0m;
        var other = factor.Other ?? 0m;
        var template = factor.Reason switch
        {
            HealthReason.StrongestRelationship => ServiceTexts.HealthReasonStrongestRelationship,
            HealthReason.NoRequiredRoles => ServiceTexts.HealthReasonNoRequiredRoles,
            HealthReason.RolesCovered => ServiceTexts.HealthReasonRolesCovered,
            HealthReason.NoOpenCases => ServiceTexts.HealthReasonNoOpenCases,
            HealthReason.OpenCasesOnTrack => ServiceTexts.HealthReasonOpenCasesOnTrack,
            HealthReason.CasesAtRisk => ServiceTexts.HealthReasonCasesAtRisk,
            HealthReason.NoRenewalDue => ServiceTexts.HealthReasonNoRenewalDue,
            HealthReason.RenewalLater => ServiceTexts.HealthReasonRenewalLater,
            HealthReason.RenewalWithin90Days => ServiceTexts.HealthReasonRenewalWithin90Days,
            HealthReason.RenewalWithin30Days => ServiceTexts.HealthReasonRenewalWithin30Days,
            HealthReason.RenewalOverdue => ServiceTexts.HealthReasonRenewalOverdue,
            HealthReason.NoRevenue => ServiceTexts.HealthReasonNoRevenue,
            HealthReason.RevenueNew => ServiceTexts.HealthReasonRevenueNew,
            HealthReason.RevenueGrowing or HealthReason.RevenueFalling => ServiceTexts.HealthReasonRevenueCompared,
            _ => factor.Reason.ToString(),
        };
        object[] args = factor.Kind == HealthFactorKind.Revenue
            ? [Deals.DealLabels.Money(value, currency), Deals.DealLabels.Money(other, currency)]
            : [Whole(factor.Reason == HealthReason.RenewalOverdue ? -value : value), Whole(other)];
        return string.Format(CultureInfo.CurrentCulture, template, args);
    }

    /// <summary>When a renewal falls, from today: "in 12 days", "today", "overdue by 3 days".</summary>
    public static string RenewalWhen(DateOnly renewsOn, DateOnly today)
    {
        var days = renewsOn.DayNumber - today.DayNumber;
        return days switch
        {
            0 => ServiceTexts.RenewalToday,
            < 0 => string.Format(CultureInfo.CurrentCulture, ServiceTexts.RenewalOverdueBy, -days),
            _ => string.Format(CultureInfo.CurrentCulture, ServiceTexts.RenewalInDays, days),
        };
    }

    private static string Whole(decimal value) => value.ToString("0", CultureInfo.CurrentCulture);

    public static string Day(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>
    /// An instant as a clock in the organisation's time zone reads it, with the zone's abbreviation (EET, EEST), so
    /// that the working hours an SLA counts and the due time shown are on the same clock.
    /// </summary>
    public static string Instant(DateTime utc, DateTimeZone zone)
    {
        var zoned = NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
        return zoned.ToDateTimeUnspecified().ToString("g", CultureInfo.CurrentCulture) + " " + zoned.GetZoneInterval().Name;
    }
}
