using Rapport.ClientBase;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Web.Components.Shared;

/// <summary>Display names of the enumerations users see.</summary>
internal static class Labels
{
    public static string Of(EmployeeStatus status) => status switch
    {
        EmployeeStatus.Active => Texts.StatusActive,
        EmployeeStatus.Left => Texts.StatusLeft,
        _ => status.ToString(),
    };

    public static string Of(ParameterKind kind) => kind switch
    {
        ParameterKind.MinimumMonthlyWage => Texts.ParameterMinimumWage,
        ParameterKind.FixedEuroRate => Texts.ParameterEuroRate,
        ParameterKind.EmployeeContributionPercent => Texts.ParameterContributionPercent,
        ParameterKind.MaximumInsurableIncome => Texts.ParameterMaximumInsurableIncome,
        ParameterKind.IncomeTaxPercent => Texts.ParameterIncomeTaxPercent,
        _ => kind.ToString(),
    };

    public static string Of(Audit.AuditAction action) => action switch
    {
        Audit.AuditAction.Added => Texts.AuditAdded,
        Audit.AuditAction.Modified => Texts.AuditModified,
        Audit.AuditAction.Deleted => Texts.AuditDeleted,
        _ => action.ToString(),
    };

    public static string Of(AccountStatus status) => status switch
    {
        AccountStatus.Prospect => Texts.AccountStatusProspect,
        AccountStatus.Active => Texts.StatusActive,
        AccountStatus.Former => Texts.AccountStatusFormer,
        _ => status.ToString(),
    };

    public static string Of(SizeSegment size) => size switch
    {
        SizeSegment.Micro => Texts.SizeMicro,
        SizeSegment.Small => Texts.SizeSmall,
        SizeSegment.Medium => Texts.SizeMedium,
        SizeSegment.Large => Texts.SizeLarge,
        _ => size.ToString(),
    };

    public static string Of(InteractionKind kind) => kind switch
    {
        InteractionKind.Call => Texts.InteractionCall,
        InteractionKind.Meeting => Texts.InteractionMeeting,
        InteractionKind.Email => Texts.InteractionEmail,
        InteractionKind.Note => Texts.InteractionNote,
        _ => kind.ToString(),
    };

    public static string Of(ContactStatus status) => status switch
    {
        ContactStatus.Active => Texts.StatusActive,
        ContactStatus.MovedOn => Texts.ContactMovedOn,
        _ => status.ToString(),
    };

    public static string Of(CoverageFilter coverage) => coverage switch
    {
        CoverageFilter.Covered => Texts.CoverageFilterCovered,
        CoverageFilter.NotCovered => Texts.CoverageFilterNotCovered,
        CoverageFilter.SingleThreaded => Texts.CoverageFilterSingleThreaded,
        CoverageFilter.GoingCold => Texts.CoverageFilterGoingCold,
        _ => coverage.ToString(),
    };
}
