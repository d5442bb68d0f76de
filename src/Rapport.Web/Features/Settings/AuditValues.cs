using System.Globalization;
using Rapport.Audit;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;
using Rapport.Web.Components.Shared;

namespace Rapport.Web.Features.Settings;

/// <summary>How the audit log shows a logged value and where a record it names lives.</summary>
internal static class AuditValues
{
    public static string Text(AuditValue value) => value switch
    {
        { Record: { } record } => Name(record),
        { Enum: { } e } => Of(e),
        { Instant: { } at } => Format.Instant(at),
        { Date: { } date } => Format.Date(date),
        { Number: { } number } => number.ToString("#,0.######", CultureInfo.CurrentCulture),
        { Flag: { } flag } => flag ? Texts.Yes : Texts.No,
        _ => value.Text,
    };

    /// <summary>A record's name, or its kind when it has none to show.</summary>
    public static string Name(AuditRecord record) =>
        string.IsNullOrWhiteSpace(record.Name) ? record.TypeLabel : record.Name;

    /// <summary>The page of a record that still exists; null for one that is gone or has no page.</summary>
    public static string? Url(AuditRecord record)
    {
        if (!record.Exists || record.Id == Guid.Empty)
        {
            return null;
        }

        return record.Type switch
        {
            "Account" => $"/accounts/{record.Id}",
            "Contact" => $"/contacts/{record.Id}",
            "Employee" => $"/people/employees/{record.Id}",
            "Team" => $"/people/teams/{record.Id}",
            "User" => $"/settings/users/{record.Id}",
            "BuyingRole" => $"/settings/buying-roles/{record.Id}",
            "CountryParameter" => $"/settings/parameters/{record.Id}",
            "Organisation" => "/settings/organisation",
            "ImportMapping" => "/accounts/import/mappings",
            "Interaction" when record.AccountId is { } account => $"/accounts/{account}#timeline",
            "FollowUp" when record.AccountId is { } account => $"/accounts/{account}#tasks",
            _ => null,
        };
    }

    private static string Of(Enum value) => value switch
    {
        AccountStatus s => Labels.Of(s),
        SizeSegment s => Labels.Of(s),
        ContactStatus s => Labels.Of(s),
        InteractionKind k => Labels.Of(k),
        EmployeeStatus s => Labels.Of(s),
        ParameterKind k => Labels.Of(k),
        ImportKind k => ImportFields.KindLabel(k),
        ServiceTier t => Service.ServiceLabels.Of(t),
        FollowUpKind k => k switch
        {
            FollowUpKind.RecoverRole => Texts.TaskKindRecoverRole,
            FollowUpKind.NextStep => Texts.TaskKindNextStep,
            _ => Texts.TaskKindText,
        },
        _ => value.ToString(),
    };
}
