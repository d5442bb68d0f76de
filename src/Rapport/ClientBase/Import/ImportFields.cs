using System.Globalization;
using System.Text;
using System.Text.Json;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>A field a CSV column can fill. The account fields name the account itself in an account import, and the
/// account a contact or interaction belongs to in the other two.</summary>
public enum ImportField
{
    AccountName,
    AccountEik,
    AccountDomain,
    Industry,
    Size,
    Region,
    AccountStatus,
    OwnerEmail,
    ContactName,
    ContactEmail,
    Phone,
    JobTitle,
    BuyingRole,
    InteractionKind,
    OccurredAt,
    Subject,
    Outcome,
    EmployeeEmail,
    DealNumber,
    ExternalId,
    DealTitle,
    DealAmount,
    DealCurrency,
    DealStage,
    ExpectedCloseOn,
    ClosedOn,
    LostReason,
    Product,
    Quantity,
    UnitPrice,
    CreatedOn,
}

/// <summary>Which fields each kind of import has, what they are called, and the headers they are recognised by.</summary>
public static class ImportFields
{
    private static readonly Dictionary<ImportKind, ImportField[]> ByKind = new()
    {
        [ImportKind.Accounts] =
        [
            ImportField.AccountName, ImportField.AccountEik, ImportField.AccountDomain, ImportField.Industry,
            ImportField.Size, ImportField.Region, ImportField.AccountStatus, ImportField.OwnerEmail,
        ],
        [ImportKind.Contacts] =
        [
            ImportField.ContactName, ImportField.ContactEmail, ImportField.Phone, ImportField.JobTitle,
            ImportField.BuyingRole, ImportField.AccountEik, ImportField.AccountDomain, ImportField.AccountName,
        ],
        [ImportKind.Interactions] =
        [
            ImportField.AccountEik, ImportField.AccountDomain, ImportField.InteractionKind, ImportField.OccurredAt,
            ImportField.Subject, ImportField.Outcome, ImportField.ContactEmail, ImportField.EmployeeEmail,
        ],
        [ImportKind.Deals] =
        [
            ImportField.DealNumber, ImportField.ExternalId, ImportField.AccountEik, ImportField.AccountDomain, ImportField.AccountName,
            ImportField.DealTitle, ImportField.DealAmount, ImportField.DealCurrency, ImportField.DealStage, ImportField.ExpectedCloseOn,
            ImportField.ClosedOn, ImportField.LostReason, ImportField.OwnerEmail, ImportField.Product, ImportField.Quantity,
            ImportField.UnitPrice, ImportField.CreatedOn,
        ],
    };

    /// <summary>Header spellings per kind and field, compared after <see cref="HeaderKey"/>; English and Bulgarian.</summary>
    private static readonly Dictionary<(ImportKind, ImportField), string[]> Synonyms = new()
    {
        [(ImportKind.Accounts, ImportField.AccountName)] =
            ["name", "account", "account name", "company", "company name", "organisation", "organization", "client",
             "име", "наименование", "име на фирма", "име на фирмата", "фирма", "компания", "клиент", "организация"],
        [(ImportKind.Accounts, ImportField.AccountEik)] = EikHeaders,
        [(ImportKind.Accounts, ImportField.AccountDomain)] = DomainHeaders,
        [(ImportKind.Accounts, ImportField.Industry)] = ["industry", "sector", "отрасъл", "сектор", "индустрия", "дейност"],
        [(ImportKind.Accounts, ImportField.Size)] = ["size", "segment", "size segment", "company size", "размер", "сегмент"],
        [(ImportKind.Accounts, ImportField.Region)] = ["region", "city", "area", "регион", "област", "град"],
        [(ImportKind.Accounts, ImportField.AccountStatus)] = ["status", "account status", "статус", "статус на клиента"],
        [(ImportKind.Accounts, ImportField.OwnerEmail)] =
            ["owner", "owner email", "owner e-mail", "account manager", "account manager email", "manager", "manager email",
             "отговорник", "мениджър", "мениджър на акаунта", "имейл на мениджъра", "собственик"],
        [(ImportKind.Contacts, ImportField.ContactName)] =
            ["name", "full name", "contact", "contact name", "person", "име", "име и фамилия", "лице", "контакт", "контактно лице"],
        [(ImportKind.Contacts, ImportField.ContactEmail)] =
            ["email", "e-mail", "mail", "email address", "emails", "e-mails", "email addresses", "имейл", "имейл адрес", "имейли",
             "имейл адреси", "е-мейл", "емейл", "електронна поща", "поща"],
        [(ImportKind.Contacts, ImportField.Phone)] =
            ["phone", "telephone", "mobile", "tel", "phone number", "phones", "phone numbers", "телефон", "мобилен", "тел",
             "телефонен номер", "телефони", "телефонни номера"],
        [(ImportKind.Contacts, ImportField.JobTitle)] = ["job title", "title", "position", "длъжност", "позиция"],
        [(ImportKind.Contacts, ImportField.BuyingRole)] = ["buying role", "role", "роля", "роля в покупката"],
        [(ImportKind.Contacts, ImportField.AccountEik)] = [.. EikHeaders, "account eik", "company eik", "еик на клиента", "еик на фирмата"],
        [(ImportKind.Contacts, ImportField.AccountDomain)] = [.. DomainHeaders, "account domain", "company domain"],
        [(ImportKind.Contacts, ImportField.AccountName)] =
            ["account", "account name", "company", "company name", "organisation", "organization", "client", "employer",
             "фирма", "компания", "клиент", "организация", "работодател", "име на фирма"],
        [(ImportKind.Interactions, ImportField.AccountEik)] = [.. EikHeaders, "account eik", "company eik", "еик на клиента"],
        [(ImportKind.Interactions, ImportField.AccountDomain)] = [.. DomainHeaders, "account domain", "company domain"],
        [(ImportKind.Interactions, ImportField.InteractionKind)] = ["kind", "type", "interaction type", "вид", "тип"],
        [(ImportKind.Interactions, ImportField.OccurredAt)] = ["date", "when", "date time", "occurred at", "дата", "кога", "дата и час"],
        [(ImportKind.Interactions, ImportField.Subject)] = ["subject", "topic", "title", "тема", "относно", "заглавие"],
        [(ImportKind.Interactions, ImportField.Outcome)] = ["outcome", "result", "notes", "резултат", "бележки", "изход"],
        [(ImportKind.Interactions, ImportField.ContactEmail)] =
            ["contact", "contact email", "contact e-mail", "email", "e-mail", "контакт", "имейл на контакта", "имейл"],
        [(ImportKind.Interactions, ImportField.EmployeeEmail)] =
            ["employee", "employee email", "employee e-mail", "our person", "logged by", "by", "служител", "имейл на служителя"],
        [(ImportKind.Deals, ImportField.DealNumber)] = ["deal number", "number", "deal no", "no", "номер", "номер на сделка", "№"],
        [(ImportKind.Deals, ImportField.ExternalId)] = ["external id", "id", "deal id", "crm id", "външен идентификатор", "идентификатор", "външен номер"],
        [(ImportKind.Deals, ImportField.AccountEik)] = [.. EikHeaders, "account eik", "company eik", "еик на клиента"],
        [(ImportKind.Deals, ImportField.AccountDomain)] = [.. DomainHeaders, "account domain", "company domain"],
        [(ImportKind.Deals, ImportField.AccountName)] = ["account", "account name", "company", "client", "клиент", "фирма", "компания"],
        [(ImportKind.Deals, ImportField.DealTitle)] = ["title", "deal", "deal name", "name", "subject", "заглавие", "сделка", "име на сделка"],
        [(ImportKind.Deals, ImportField.DealAmount)] = ["amount", "value", "deal value", "сума", "стойност"],
        [(ImportKind.Deals, ImportField.DealCurrency)] = ["currency", "валута"],
        [(ImportKind.Deals, ImportField.DealStage)] = ["stage", "status", "етап", "статус", "състояние"],
        [(ImportKind.Deals, ImportField.ExpectedCloseOn)] = ["expected close", "expected close date", "close date expected", "очаквана дата", "очаквана дата на сключване"],
        [(ImportKind.Deals, ImportField.ClosedOn)] = ["closed on", "close date", "won on", "closed", "дата на сключване", "сключена на", "спечелена на"],
        [(ImportKind.Deals, ImportField.LostReason)] = ["lost reason", "reason", "причина", "причина за загуба"],
        [(ImportKind.Deals, ImportField.OwnerEmail)] = ["owner", "owner email", "account manager", "manager", "отговорник", "мениджър"],
        [(ImportKind.Deals, ImportField.Product)] = ["product", "product code", "sku", "продукт", "код на продукт"],
        [(ImportKind.Deals, ImportField.Quantity)] = ["quantity", "qty", "количество", "брой"],
        [(ImportKind.Deals, ImportField.UnitPrice)] = ["unit price", "price", "единична цена", "цена"],
        [(ImportKind.Deals, ImportField.CreatedOn)] = ["created", "created on", "created at", "създадена", "създадена на"],
    };

    private static string[] EikHeaders =>
        ["eik", "bulstat", "eik bulstat", "eik/bulstat", "registration number", "registration no", "reg no", "company number",
         "uic", "vat", "vat number", "еик", "булстат", "еик/булстат", "еик булстат", "идентификационен номер", "ддс номер"];

    private static string[] DomainHeaders =>
        ["domain", "web domain", "website", "web site", "web", "url", "site", "домейн", "уеб домейн", "уебсайт", "сайт", "уеб сайт"];

    public static IReadOnlyList<ImportField> Of(ImportKind kind) => ByKind[kind];

    /// <summary>The fields each row of a kind needs; a group of several means "at least one of".</summary>
    public static IReadOnlyList<ImportField[]> Required(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => [[ImportField.AccountName], [ImportField.AccountEik, ImportField.AccountDomain]],
        ImportKind.Contacts =>
            [[ImportField.ContactName], [ImportField.ContactEmail], [ImportField.AccountEik, ImportField.AccountDomain, ImportField.AccountName]],
        ImportKind.Deals =>
            [[ImportField.DealNumber, ImportField.ExternalId], [ImportField.AccountEik, ImportField.AccountDomain, ImportField.AccountName], [ImportField.DealTitle]],
        _ => [[ImportField.AccountEik, ImportField.AccountDomain], [ImportField.OccurredAt], [ImportField.Subject]],
    };

    /// <summary>The name of a kind of import as people read it, in the current language.</summary>
    public static string KindLabel(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => Texts.ImportKindAccounts,
        ImportKind.Contacts => Texts.ImportKindContacts,
        ImportKind.Deals => Deals.DealTexts.DealsTitle,
        _ => Texts.ImportKindInteractions,
    };

    /// <summary>The name of a field as people read it, in the current language.</summary>
    public static string Label(ImportKind kind, ImportField field) => (kind, field) switch
    {
        (ImportKind.Accounts, ImportField.AccountEik) => Texts.FieldRegistrationNumber,
        (ImportKind.Accounts, ImportField.AccountDomain) => Texts.FieldDomain,
        (_, ImportField.AccountName) => Texts.FieldAccountName,
        (_, ImportField.AccountEik) => Texts.ImportFieldAccountEik,
        (_, ImportField.AccountDomain) => Texts.ImportFieldAccountDomain,
        (_, ImportField.Industry) => Texts.FieldIndustry,
        (_, ImportField.Size) => Texts.FieldSize,
        (_, ImportField.Region) => Texts.FieldRegion,
        (_, ImportField.AccountStatus) => Texts.FieldAccountStatus,
        (_, ImportField.OwnerEmail) => Texts.ImportFieldOwnerEmail,
        (_, ImportField.ContactName) => Texts.FieldFullName,
        (ImportKind.Contacts, ImportField.ContactEmail) => Texts.ImportFieldEmails,
        (_, ImportField.ContactEmail) => Texts.ImportFieldContactEmail,
        (_, ImportField.Phone) => Texts.ImportFieldPhones,
        (_, ImportField.JobTitle) => Texts.FieldJobTitle,
        (_, ImportField.BuyingRole) => Texts.FieldBuyingRole,
        (_, ImportField.InteractionKind) => Texts.FieldInteractionKind,
        (_, ImportField.OccurredAt) => Texts.ImportFieldDate,
        (_, ImportField.Subject) => Texts.FieldSubject,
        (_, ImportField.Outcome) => Texts.FieldOutcome,
        (_, ImportField.EmployeeEmail) => Texts.ImportFieldEmployeeEmail,
        (_, ImportField.DealNumber) => Deals.DealTexts.FieldNumber,
        (_, ImportField.ExternalId) => Deals.DealTexts.FieldExternalId,
        (_, ImportField.DealTitle) => Deals.DealTexts.FieldTitle,
        (_, ImportField.DealAmount) => Deals.DealTexts.FieldAmount,
        (_, ImportField.DealCurrency) => Texts.FieldCurrency,
        (_, ImportField.DealStage) => Deals.DealTexts.FieldStage,
        (_, ImportField.ExpectedCloseOn) => Deals.DealTexts.FieldExpectedCloseOn,
        (_, ImportField.ClosedOn) => Deals.DealTexts.FieldClosedOn,
        (_, ImportField.LostReason) => Deals.DealTexts.FieldLostReason,
        (_, ImportField.Product) => Deals.DealTexts.FieldProduct,
        (_, ImportField.Quantity) => Deals.DealTexts.FieldQuantity,
        (_, ImportField.UnitPrice) => Deals.DealTexts.FieldUnitPrice,
        (_, ImportField.CreatedOn) => Deals.DealTexts.FieldCreatedOn,
        _ => field.ToString(),
    };

    /// <summary>
    /// The headers a field is recognised by, folded: its synonyms and its own name in every interface language, so
    /// that the headers of an export or a template, in either language, map without a saved mapping.
    /// </summary>
    private static readonly Lazy<Dictionary<(ImportKind, ImportField), HashSet<string>>> HeaderKeys = new(() =>
    {
        var keys = new Dictionary<(ImportKind, ImportField), HashSet<string>>();
        foreach (var ((kind, field), synonyms) in Synonyms)
        {
            var set = synonyms.Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
            foreach (var language in Identity.Languages.All)
            {
                set.Add(HeaderKey(InLanguage(language, () => Label(kind, field))));
            }

            keys[(kind, field)] = set;
        }

        return keys;
    });

    /// <summary>The header line an import of this kind maps in full by itself: each field's name in the current language.</summary>
    public static IReadOnlyList<string> DefaultHeaders(ImportKind kind) => [.. Of(kind).Select(f => Label(kind, f))];

    /// <summary>Reads interface texts in another language, on this thread only.</summary>
    internal static T InLanguage<T>(string language, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Suggests a field for each header it recognises; each field goes to the first column that fits.</summary>
    public static ColumnMap Suggest(ImportKind kind, IReadOnlyList<string> headers)
    {
        var map = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var header in headers.Where(h => h.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var key = HeaderKey(header);
            foreach (var field in Of(kind))
            {
                if (!map.ContainsValue(field) && HeaderKeys.Value[(kind, field)].Contains(key))
                {
                    map[header] = field;
                    break;
                }
            }
        }

        return new ColumnMap(map);
    }

    /// <summary>A header or value as compared: folded (lower case, no accents) and without spaces or punctuation.</summary>
    public static string HeaderKey(string text)
    {
        var folded = SearchText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

/// <summary>Which column (by its header) fills which field; a column left out is not imported.</summary>
public sealed class ColumnMap(IReadOnlyDictionary<string, ImportField> columns)
{
    public static readonly ColumnMap Empty = new(new Dictionary<string, ImportField>());

    public IReadOnlyDictionary<string, ImportField> Columns { get; } = columns;

    public string? ColumnOf(ImportField field) => Columns.FirstOrDefault(c => c.Value == field).Key;

    public string ToJson() =>
        JsonSerializer.Serialize(Columns.ToDictionary(c => c.Key, c => c.Value.ToString(), StringComparer.Ordinal));

    /// <summary>Reads the JSON of <see cref="ToJson"/>; pairs that name no known field are dropped.</summary>
    public static ColumnMap FromJson(string json)
    {
        var pairs = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        var columns = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (column, name) in pairs)
        {
            // By name only: Enum.TryParse would also take "12" for the twelfth field.
            if (Enum.GetNames<ImportField>().Contains(name, StringComparer.Ordinal) && Enum.TryParse<ImportField>(name, out var field))
            {
                columns[column] = field;
            }
        }

        return new ColumnMap(columns);
    }
}

/// <summary>Reads cell values: the enumerations by their English names or Bulgarian words, dates in ISO or Bulgarian form.</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy 'г.'", "d.M.yyyy 'г.' H:mm",
    ];

    /// <summary>The interface text of each value, by resource name: what exports write and error messages list.</summary>
    private static readonly Dictionary<Type, (object Value, string Resource)[]> Names = new()
    {
        [typeof(SizeSegment)] =
        [
            (SizeSegment.Micro, nameof(Texts.SizeMicro)), (SizeSegment.Small, nameof(Texts.SizeSmall)),
            (SizeSegment.Medium, nameof(Texts.SizeMedium)), (SizeSegment.Large, nameof(Texts.SizeLarge)),
        ],
        [typeof(AccountStatus)] =
        [
            (AccountStatus.Prospect, nameof(Texts.AccountStatusProspect)), (AccountStatus.Active, nameof(Texts.StatusActive)),
            (AccountStatus.Former, nameof(Texts.AccountStatusFormer)),
        ],
        [typeof(InteractionKind)] =
        [
            (InteractionKind.Call, nameof(Texts.InteractionCall)), (InteractionKind.Meeting, nameof(Texts.InteractionMeeting)),
            (InteractionKind.Email, nameof(Texts.InteractionEmail)), (InteractionKind.Note, nameof(Texts.InteractionNote)),
        ],
    };

    private static readonly Dictionary<Type, Dictionary<string, object>> Words = new()
    {
        [typeof(SizeSegment)] = Table(
            (SizeSegment.Micro, ["micro", "микро"]),
            (SizeSegment.Small, ["small", "малък", "малка", "малко"]),
            (SizeSegment.Medium, ["medium", "среден", "средна", "средно"]),
            (SizeSegment.Large, ["large", "голям", "голяма", "голямо"])),
        [typeof(AccountStatus)] = Table(
            (AccountStatus.Prospect, ["prospect", "lead", "потенциален", "потенциален клиент", "перспективен"]),
            (AccountStatus.Active, ["active", "client", "customer", "активен", "активна", "клиент"]),
            (AccountStatus.Former, ["former", "inactive", "lost", "бивш", "бивша", "бивш клиент", "неактивен"])),
        [typeof(InteractionKind)] = Table(
            (InteractionKind.Call, ["call", "phone call", "phone", "обаждане", "разговор", "телефон"]),
            (InteractionKind.Meeting, ["meeting", "среща"]),
            (InteractionKind.Email, ["email", "e-mail", "имейл", "писмо"]),
            (InteractionKind.Note, ["note", "бележка"])),
    };

    /// <summary>Words people write for the roles every installation starts with, besides the roles' own names.</summary>
    private static readonly (string Code, string[] Words)[] RoleWords =
    [
        (BuyingRoles.DecisionMaker, ["decision maker", "decision-maker", "вземащ решения", "лице вземащо решения", "взема решения"]),
        (BuyingRoles.Signatory, ["signatory", "signer", "подписващ", "подписващо лице", "подписва"]),
        (BuyingRoles.Influencer, ["influencer", "влияещ", "влиятел", "оказва влияние"]),
        (BuyingRoles.User, ["user", "потребител", "ползвател"]),
        (BuyingRoles.Gatekeeper, ["gatekeeper", "пазач", "вратар"]),
    ];

    /// <summary>
    /// The buying roles by what a cell may say: the code, the English or Bulgarian name, or for the roles every
    /// installation starts with a common synonym; archived roles too, so that an unchanged row stays unchanged.
    /// </summary>
    public static Dictionary<string, BuyingRole> RoleIndex(RoleSet roles)
    {
        var index = new Dictionary<string, BuyingRole>(StringComparer.Ordinal);
        foreach (var (code, words) in RoleWords)
        {
            if (roles.Find(code) is { } role)
            {
                foreach (var word in words)
                {
                    index[ImportFields.HeaderKey(word)] = role;
                }
            }
        }

        // Names and codes win over the synonyms, and an active role over an archived one with the same name.
        foreach (var role in roles.All.OrderByDescending(r => r.Archived))
        {
            index[ImportFields.HeaderKey(role.NameEn)] = role;
            index[ImportFields.HeaderKey(role.NameBg)] = role;
            index[ImportFields.HeaderKey(role.Code)] = role;
        }

        return index;
    }

    /// <summary>An enumeration value by its name or one of its words; null when the text is none of them.</summary>
    public static T? Parse<T>(string text) where T : struct, Enum =>
        Words[typeof(T)].TryGetValue(ImportFields.HeaderKey(text), out var value) ? (T)value : null;

    /// <summary>A value as people read it in the current language, and as exports write it: the import reads it back.</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
        Names[typeof(T)].Where(n => n.Value.Equals(value)).Select(n => Texts.ResourceManager.GetString(n.Resource, CultureInfo.CurrentUICulture))
            .FirstOrDefault() ?? value.ToString();

    /// <summary>The names of an enumeration's values in the current language, for error messages.</summary>
    public static string Accepted<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    /// <summary>
    /// An instant from a date with an optional time, read as the server's local time unless the text carries an
    /// offset, in UTC. A date alone is noon, so that it stays on the same day in any time zone nearby.
    /// </summary>
    public static DateTime? ParseInstant(string text)
    {
        if (!DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeLocal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return null;
        }

        var hasTime = text.Contains(':', StringComparison.Ordinal);
        return hasTime ? parsed : DateTime.SpecifyKind(parsed.ToLocalTime().Date.AddHours(12), DateTimeKind.Local).ToUniversalTime();
    }

    private static Dictionary<string, object> Table<T>(params (T Value, string[] Words)[] rows) where T : struct, Enum
    {
        var table = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (value, words) in rows)
        {
            table[ImportFields.HeaderKey(value.ToString())] = value;
            foreach (var word in words)
            {
                table[ImportFields.HeaderKey(word)] = value;
            }

            // The names the interface shows in every language, which is what an export writes.
            foreach (var language in Identity.Languages.All)
            {
                table[ImportFields.HeaderKey(ImportFields.InLanguage(language, () => Name(value)))] = value;
            }
        }

        return table;
    }
}
