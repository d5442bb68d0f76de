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
        _ => kind.ToString(),
    };

    public static string Of(Audit.AuditAction action) => action switch
    {
        Audit.AuditAction.Added => Texts.AuditAdded,
        Audit.AuditAction.Modified => Texts.AuditModified,
        Audit.AuditAction.Deleted => Texts.AuditDeleted,
        _ => action.ToString(),
    };
}
