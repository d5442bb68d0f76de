using Rapport.ClientBase;
using Rapport.ClientBase.Import;

namespace Rapport.Tests;

public sealed class ImportMappingTests
{
    [Fact]
    public void English_account_headers_map_themselves()
    {
        var map = ImportFields.Suggest(ImportKind.Accounts,
            ["Company Name", "EIK", "Website", "Industry", "Size", "Region", "Status", "Owner e-mail", "Comment"]);

        Assert.Equal(ImportField.AccountName, map.Columns["Company Name"]);
        Assert.Equal(ImportField.AccountEik, map.Columns["EIK"]);
        Assert.Equal(ImportField.AccountDomain, map.Columns["Website"]);
        Assert.Equal(ImportField.Industry, map.Columns["Industry"]);
        Assert.Equal(ImportField.Size, map.Columns["Size"]);
        Assert.Equal(ImportField.Region, map.Columns["Region"]);
        Assert.Equal(ImportField.AccountStatus, map.Columns["Status"]);
        Assert.Equal(ImportField.OwnerEmail, map.Columns["Owner e-mail"]);
        Assert.False(map.Columns.ContainsKey("Comment"));
    }

    [Fact]
    public void Bulgarian_contact_headers_map_themselves()
    {
        var map = ImportFields.Suggest(ImportKind.Contacts, ["Име", "Имейл", "Телефон", "Длъжност", "Роля", "ЕИК", "Фирма"]);

        Assert.Equal(ImportField.ContactName, map.Columns["Име"]);
        Assert.Equal(ImportField.ContactEmail, map.Columns["Имейл"]);
        Assert.Equal(ImportField.Phone, map.Columns["Телефон"]);
        Assert.Equal(ImportField.JobTitle, map.Columns["Длъжност"]);
        Assert.Equal(ImportField.BuyingRole, map.Columns["Роля"]);
        Assert.Equal(ImportField.AccountEik, map.Columns["ЕИК"]);
        Assert.Equal(ImportField.AccountName, map.Columns["Фирма"]);
    }

    [Fact]
    public void The_same_header_means_what_fits_the_kind()
    {
        Assert.Equal(ImportField.AccountName, ImportFields.Suggest(ImportKind.Accounts, ["Име"]).Columns["Име"]);
        Assert.Equal(ImportField.ContactName, ImportFields.Suggest(ImportKind.Contacts, ["Име"]).Columns["Име"]);
    }

    [Fact]
    public void Each_field_goes_to_the_first_column_that_fits()
    {
        var map = ImportFields.Suggest(ImportKind.Accounts, ["Name", "Company", "ЕИК", "Булстат"]);

        Assert.Equal(ImportField.AccountName, map.Columns["Name"]);
        Assert.False(map.Columns.ContainsKey("Company"));
        Assert.Equal(ImportField.AccountEik, map.Columns["ЕИК"]);
        Assert.False(map.Columns.ContainsKey("Булстат"));
    }

    [Fact]
    public void Interaction_headers_map_in_either_language()
    {
        var map = ImportFields.Suggest(ImportKind.Interactions, ["ЕИК", "Вид", "Дата", "Тема", "Резултат", "Имейл на контакта", "Служител"]);

        Assert.Equal(
            [ImportField.AccountEik, ImportField.InteractionKind, ImportField.OccurredAt, ImportField.Subject, ImportField.Outcome,
             ImportField.ContactEmail, ImportField.EmployeeEmail],
            map.Columns.Values);
    }

    [Fact]
    public void A_mapping_survives_its_json_and_forgets_fields_that_no_longer_exist()
    {
        var map = new ColumnMap(new Dictionary<string, ImportField> { ["Име"] = ImportField.AccountName, ["ЕИК"] = ImportField.AccountEik });

        var back = ColumnMap.FromJson(map.ToJson());
        Assert.Equal(map.Columns, back.Columns);

        var old = ColumnMap.FromJson("{\"Име\":\"AccountName\",\"Fax\":\"FaxNumber\",\"X\":\"12\"}");
        Assert.Equal(["Име"], old.Columns.Keys);
    }

    [Theory]
    [InlineData("Large", SizeSegment.Large)]
    [InlineData("голяма", SizeSegment.Large)]
    [InlineData(" МАЛКА ", SizeSegment.Small)]
    [InlineData("micro", SizeSegment.Micro)]
    public void Sizes_read_in_either_language(string text, SizeSegment expected) =>
        Assert.Equal(expected, ImportValues.Parse<SizeSegment>(text));

    [Theory]
    [InlineData("Decision maker", BuyingRoles.DecisionMaker)]
    [InlineData("decision-maker", BuyingRoles.DecisionMaker)]
    [InlineData("DecisionMaker", BuyingRoles.DecisionMaker)]
    [InlineData("Лице, вземащо решения", BuyingRoles.DecisionMaker)]
    [InlineData("подписващ", BuyingRoles.Signatory)]
    [InlineData("Technical buyer", "TechnicalBuyer")]
    [InlineData("ТЕХНИЧЕСКИ КУПУВАЧ", "TechnicalBuyer")]
    [InlineData("technicalbuyer", "TechnicalBuyer")]
    public void Buying_roles_read_by_code_name_in_either_language_or_words(string text, string expected) =>
        Assert.Equal(expected, ImportValues.RoleIndex(RolesWithTechnicalBuyer)[ImportFields.HeaderKey(text)].Code);

    [Fact]
    public void A_role_named_like_a_default_role_synonym_wins_over_the_synonym()
    {
        var custom = BuyingRole.Create("Signer");
        (custom.NameEn, custom.NameBg) = ("Signer", "Подписващ");
        var index = ImportValues.RoleIndex(new RoleSet([.. BuyingRoles.Defaults(), custom]));
        Assert.Equal("Signer", index[ImportFields.HeaderKey("signer")].Code);
        Assert.Equal(BuyingRoles.Signatory, index[ImportFields.HeaderKey("Подписващо лице")].Code);
    }

    private static RoleSet RolesWithTechnicalBuyer
    {
        get
        {
            var buyer = BuyingRole.Create("TechnicalBuyer");
            (buyer.NameEn, buyer.NameBg, buyer.Position) = ("Technical buyer", "Технически купувач", 5);
            return new RoleSet([.. BuyingRoles.Defaults(), buyer]);
        }
    }

    [Theory]
    [InlineData("среща", InteractionKind.Meeting)]
    [InlineData("E-mail", InteractionKind.Email)]
    [InlineData("Обаждане", InteractionKind.Call)]
    public void Interaction_kinds_read_in_either_language(string text, InteractionKind expected) =>
        Assert.Equal(expected, ImportValues.Parse<InteractionKind>(text));

    [Fact]
    public void An_unknown_value_reads_as_nothing()
    {
        Assert.Null(ImportValues.Parse<AccountStatus>("maybe"));
        Assert.Null(ImportValues.Parse<SizeSegment>("1"));
    }

    [Theory]
    [InlineData("2025-03-31")]
    [InlineData("31.03.2025")]
    [InlineData("31.3.2025 г.")]
    public void A_date_alone_is_noon_local_time_that_day(string text)
    {
        var at = ImportValues.ParseInstant(text)!.Value;
        Assert.Equal(DateTimeKind.Utc, at.Kind);
        Assert.Equal(new DateTime(2025, 3, 31, 12, 0, 0, DateTimeKind.Local), at.ToLocalTime());
    }

    [Fact]
    public void A_time_is_local_unless_it_carries_an_offset()
    {
        Assert.Equal(new DateTime(2025, 3, 31, 14, 30, 0, DateTimeKind.Local), ImportValues.ParseInstant("31.03.2025 14:30")!.Value.ToLocalTime());
        Assert.Equal(new DateTime(2025, 3, 31, 12, 30, 0, DateTimeKind.Utc), ImportValues.ParseInstant("2025-03-31T14:30:00+02:00"));
    }

    [Theory]
    [InlineData("03/31/2025")]
    [InlineData("31.13.2025")]
    [InlineData("yesterday")]
    public void Ambiguous_or_wrong_dates_are_refused(string text) => Assert.Null(ImportValues.ParseInstant(text));

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public void The_default_headers_of_every_kind_map_every_field_in_either_language(string language)
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var headers = InLanguage(language, () => ImportFields.DefaultHeaders(kind));

            // Read by someone in the other language too: a file travels.
            foreach (var reader in new[] { "en", "bg" })
            {
                var map = InLanguage(reader, () => ImportFields.Suggest(kind, headers));
                Assert.Equal(ImportFields.Of(kind), headers.Select(h => map.Columns[h]));
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public void The_names_an_export_writes_read_back_as_the_same_values(string language)
    {
        foreach (var size in Enum.GetValues<SizeSegment>())
        {
            Assert.Equal(size, ImportValues.Parse<SizeSegment>(InLanguage(language, () => ImportValues.Name(size))));
        }

        foreach (var status in Enum.GetValues<AccountStatus>())
        {
            Assert.Equal(status, ImportValues.Parse<AccountStatus>(InLanguage(language, () => ImportValues.Name(status))));
        }

        foreach (var kind in Enum.GetValues<InteractionKind>())
        {
            Assert.Equal(kind, ImportValues.Parse<InteractionKind>(InLanguage(language, () => ImportValues.Name(kind))));
        }

        Assert.Equal(language == "bg" ? "Микро, Малък, Среден, Голям" : "Micro, Small, Medium, Large",
            InLanguage(language, ImportValues.Accepted<SizeSegment>));
    }

    private static T InLanguage<T>(string language, Func<T> read) => ImportFields.InLanguage(language, read);
}
