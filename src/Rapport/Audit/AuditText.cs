using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Shared;

namespace Rapport.Audit;

/// <summary>
/// The words of the audit log in the reader's language: what kind of record an entry is about and what its fields
/// are called. Fields take the label their form shows: by convention the text "Field" + the property's name (without
/// a trailing "Id": OwnerId is FieldOwner), or the one named here where a form calls it something else.
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
    };

    /// <summary>Where labels are looked up, in order: the shared texts, then each feature's own.</summary>
    private static readonly ResourceManager[] Resources = [Texts.ResourceManager, Service.ServiceTexts.ResourceManager];

    private static bool Has(string key) => Resources.Any(r => r.GetString(key, CultureInfo.InvariantCulture) is not null);

    private static string? Text(string key) =>
        Resources.Select(r => r.GetString(key, CultureInfo.CurrentUICulture)).FirstOrDefault(t => t is not null);

    /// <summary>The text key of a field's label, or null when none is known (a test holds every logged field to having one).</summary>
    public static string? LabelKey(string type, string field)
    {
        if (Labels.TryGetValue($"{type}.{field}", out var key) || Labels.TryGetValue(field, out key))
        {
            return key;
        }

        var name = field.Length > 2 && field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
        return Has("Field" + name) ? "Field" + name : null;
    }

    public static string Label(string type, string field) =>
        LabelKey(type, field) is { } key ? Text(key) ?? field : field;

    public static string? TypeLabelKey(string type) =>
        Has("AuditType" + type) ? "AuditType" + type : null;

    public static string TypeLabel(string type) =>
        TypeLabelKey(type) is { } key ? Text(key) ?? type : type;

    /// <summary>The entities the log writes about: every audited one, by the short name entries carry.</summary>
    public static Dictionary<string, IReadOnlyEntityType> AuditedTypes(IReadOnlyModel model) =>
        model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) && !t.IsOwned())
            .ToDictionary(t => t.ClrType.Name, StringComparer.Ordinal);

    /// <summary>The fields of a type that the log records, in model order.</summary>
    public static IEnumerable<IReadOnlyProperty> LoggedProperties(IReadOnlyEntityType type) =>
        type.GetProperties().Where(AuditInterceptor.IsLogged);
}
