using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Shared;

namespace Rapport.Audit;

/// <summary>
/// The words of the audit log in the reader's language: what kind of record an entry is about and what its fields
/// are called. Fields take the label their form shows: by convention the text "Field" + the property's name (without
/// a trailing "Id": OwnerId is FieldOwner), or the one named here where a form calls it something else. A feature
/// with texts of its own (Deals/Texts.resx) holds its forms' labels and its records' names there; they are looked up
/// after the shared texts, found by their generated classes' names (…Texts), so the audit log needs no reference to
/// the features it writes about.
/// </summary>
internal static class AuditText
{
    /// <summary>Labels that the convention does not find, as "Type.Field" or just "Field" for every type.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Account.Name"] = nameof(Texts.FieldAccountName),
        ["Account.Status"] = nameof(Texts.FieldAccountStatus),
        ["Account.ParentId"] = nameof(Texts.FieldParentAccount),
        ["CountryCode"] = nameof(Texts.FieldCountry),
        ["Contact.Role"] = nameof(Texts.FieldBuyingRole),
        ["Contact.PreviousId"] = nameof(Texts.FieldPreviousRecord),
        ["Contact.LeftOn"] = nameof(Texts.FieldMovedOn),
        ["Team.Name"] = nameof(Texts.FieldTeamName),
        ["Team.HeadId"] = nameof(Texts.FieldTeamHead),
        ["Organisation.Name"] = nameof(Texts.FieldOrganisationName),
        ["CountryParameter.Kind"] = nameof(Texts.FieldParameterKind),
        ["Interaction.Kind"] = nameof(Texts.FieldInteractionKind),
        ["BuyingRole.Code"] = nameof(Texts.FieldRoleCode),
        ["BuyingRole.Required"] = nameof(Texts.FieldRoleRequired),
        ["BuyingRole.Position"] = nameof(Texts.FieldOrder),
        ["FollowUp.Title"] = nameof(Texts.FieldTaskTitle),
        ["FollowUp.Kind"] = nameof(Texts.FieldTaskKind),
        ["FollowUp.RoleCode"] = nameof(Texts.FieldBuyingRole),
        ["FollowUp.TargetAccountId"] = nameof(Texts.FieldNewEmployer),
        ["ImportMapping.Name"] = nameof(Texts.ImportMappingName),
        ["ImportMapping.Kind"] = nameof(Texts.ImportKind),
        ["ImportMapping.Columns"] = nameof(Texts.ImportMappingColumns),
        ["User.UserName"] = nameof(Texts.FieldUserName),
        ["User.PhoneNumber"] = nameof(Texts.FieldPhone),
        ["User.Role"] = nameof(Texts.FieldRoles),

        // Deals, in the deals' own texts.
        ["Deal.AmountBase"] = "AmountBase",
        ["Deal.CloseOn"] = "FieldCloseDate",
        ["Deal.ExternalId"] = "FieldExternalId",
        ["Deal.NewBusiness"] = "Business",
        ["Deal.ProbabilityOverridden"] = "ProbabilityOwn",
        ["Pipeline.IsDefault"] = "FieldDefaultPipeline",
        ["Stage.Kind"] = "FieldStageKind",
        ["Product.Code"] = "FieldProductCode",
        ["Product.Name"] = "FieldProductName",

        // Services, in the service's own texts.
        ["Subscription.Name"] = "FieldServiceName",
        ["Subscription.ProductId"] = "FieldServiceProduct",
        ["Subscription.Amount"] = "FieldServiceValue",
        // The e-mail intake, in the service's own texts.
        ["IntakeMessage.From"] = "FieldIntakeFrom",
        ["IntakeMessage.FromKey"] = "FieldIntakeFromKey",
        ["IntakeMessage.Body"] = "FieldIntakeBody",
        ["IntakeMessage.ReceivedAt"] = "FieldIntakeReceivedAt",
        ["IntakeMessage.State"] = "FieldIntakeState",
        ["IntakeMessage.Reason"] = "FieldIntakeReason",
        ["IntakeMessage.HandledById"] = "FieldIntakeHandledBy",
        ["IntakeMessage.HandledAt"] = "FieldIntakeHandledAt",

        // Pay, in the pay's own texts.
        ["CompPlan.Name"] = "FieldPlanName",
        ["CompPlan.Archived"] = "FieldPlanArchived",
        ["PlanAssignment.From"] = "FieldAssignedFrom",
        ["PlanAssignment.To"] = "FieldAssignedTo",
        ["PayPeriod.Start"] = "FieldPeriodStart",
        ["PayPeriod.End"] = "FieldPeriodEnd",
        ["PayPeriod.CalculatedAt"] = "FieldCalculatedAt",
        ["PayPeriod.ApprovedAt"] = "FieldApprovedAt",
        ["PayPeriod.ApprovedBy"] = "ColumnApprovedBy",
        ["PayPeriod.LockedAt"] = "FieldLockedAt",
        ["PayPeriod.LockedBy"] = "ColumnLockedBy",
        ["PayPeriod.ExportedAt"] = "FieldExportedAt",
        ["PayAdjustment.PeriodId"] = "ColumnPeriod",
        ["PayAdjustment.On"] = "FieldAdjustmentOn",
        ["PayAdjustment.Amount"] = "FieldAdjustmentAmount",
        ["PayAdjustment.Reason"] = "FieldAdjustmentReason",
        ["PayAdjustment.CreatedAt"] = "FieldEnteredAt",
        ["PayAdjustment.CreatedBy"] = "ColumnEnteredBy",
        ["PayInquiry.StatementId"] = "FieldStatement",
        ["PayInquiry.LineOrder"] = "ColumnLine",
        ["PayInquiry.OpenedAt"] = "OpenedOn",

        // Staffing, in the staffing's own texts.
        ["Vacancy.OpenedOn"] = "OpenedOn",
    };

    /// <summary>The shared texts first, then each feature's own, in a fixed order.</summary>
    private static readonly ResourceManager[] Sources =
    [
        Texts.ResourceManager,
        .. typeof(AuditText).Assembly.GetTypes()
            .Where(t => t != typeof(Texts) && t.Name.EndsWith("Texts", StringComparison.Ordinal) && t.Namespace?.StartsWith("Rapport", StringComparison.Ordinal) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => t.GetProperty("ResourceManager", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null))
            .OfType<ResourceManager>(),
    ];

    private static string? Find(string key, CultureInfo culture) =>
        Sources.Select(s => s.GetString(key, culture)).FirstOrDefault(v => v is not null);

    /// <summary>The text key of a field's label, or null when none is known (a test holds every logged field to having one).</summary>
    public static string? LabelKey(string type, string field)
    {
        if (Labels.TryGetValue($"{type}.{field}", out var key) || Labels.TryGetValue(field, out key))
        {
            return key;
        }

        var name = field.Length > 2 && field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
        return Find("Field" + name, CultureInfo.InvariantCulture) is null ? null : "Field" + name;
    }

    public static string Label(string type, string field) =>
        LabelKey(type, field) is { } key ? Find(key, CultureInfo.CurrentUICulture) ?? field : field;

    public static string? TypeLabelKey(string type) =>
        Find("AuditType" + type, CultureInfo.InvariantCulture) is null ? null : "AuditType" + type;

    public static string TypeLabel(string type) =>
        TypeLabelKey(type) is { } key ? Find(key, CultureInfo.CurrentUICulture) ?? type : type;

    /// <summary>The entities the log writes about: every audited one, by the short name entries carry.</summary>
    public static Dictionary<string, IReadOnlyEntityType> AuditedTypes(IReadOnlyModel model) =>
        model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) && !t.IsOwned())
            .ToDictionary(t => t.ClrType.Name, StringComparer.Ordinal);

    /// <summary>The fields of a type that the log records, in model order.</summary>
    public static IEnumerable<IReadOnlyProperty> LoggedProperties(IReadOnlyEntityType type) =>
        type.GetProperties().Where(AuditInterceptor.IsLogged);
}
