using System.Globalization;
using NodaTime;
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
