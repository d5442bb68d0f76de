using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class ClientBaseApiTests(RapportApp app)
{
    private async Task<(Guid Employee, HttpClient Client)> ManagerAsync(Guid? teamId = null, string role = Roles.AccountManager)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "), teamId: teamId);
        return (employee, await app.ApiClientAsync(employee, role));
    }

    private static async Task<AccountDetails> CreateAccountAsync(HttpClient client, string name, string? eik = null) =>
        await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = name, RegistrationNumber = eik }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);

    private static async Task<ContactDetails> CreateContactAsync(HttpClient client, Guid account, string name, string role, string? email = null) =>
        await (await client.PostJsonAsync($"/api/v1/accounts/{account}/contacts", new ContactInput { FullName = name, Role = role, Email = email }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);

    [Fact]
    public async Task An_account_manager_creates_an_account_they_own()
    {
        var (me, client) = await ManagerAsync();
        var account = await CreateAccountAsync(client, app.Unique("Акме "), "BG 123 456 786");

        Assert.Equal(me, account.OwnerId);
        Assert.True(account.CanEdit);
        Assert.Equal("123456786", account.RegistrationNumber);
    }

    [Fact]
    public async Task An_invalid_eik_is_refused_beside_its_field_but_foreign_numbers_are_free_text()
    {
        var (_, client) = await ManagerAsync();
        var bad = await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Bad "), RegistrationNumber = "123456787" });
        Assert.True((await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("registrationNumber", out _));

        var foreign = await client.PostJsonAsync("/api/v1/accounts", new AccountInput
        {
            Name = app.Unique("GmbH "), CountryCode = "DE", RegistrationNumber = "HRB " + Random.Shared.Next(100000, 999999),
        });
        Assert.Equal(HttpStatusCode.Created, foreign.StatusCode);
    }

    [Theory]
    [InlineData("registrationNumber", "абв", "This is not a valid EIK/BULSTAT")]
    [InlineData("registrationNumber", "12345678x", "This is not a valid EIK/BULSTAT")]
    [InlineData("domain", "not a domain!!", "This is not a web domain")]
    [InlineData("domain", "firma", "This is not a web domain")]
    [InlineData("countryCode", "Bulgaria", "two-letter country code")]
    [InlineData("countryCode", "XX", "Choose a country from the list.")]
    public async Task A_mistyped_field_is_refused_with_a_message_for_that_field_and_nothing_is_saved(string field, string value, string message)
    {
        var (_, client) = await ManagerAsync();
        var name = app.Unique("Грешно поле ");
        var input = new AccountInput { Name = name };
        switch (field)
        {
            case "registrationNumber": input.RegistrationNumber = value; break;
            case "domain": input.Domain = value; break;
            default: input.CountryCode = value; break;
        }

        var problem = await (await client.PostJsonAsync("/api/v1/accounts", input)).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value[0].GetString());
        Assert.Contains(message, errors[field.ToLowerInvariant()], StringComparison.Ordinal);
        var found = await (await client.GetAsync("/api/v1/accounts?search=" + Uri.EscapeDataString(name))).ReadAsync<Page<AccountRow>>();
        Assert.Empty(found.Items);
    }

    [Theory]
    [InlineData("BG {0} {1} {2}")]
    [InlineData("{0}-{1}-{2}")]
    public async Task A_well_formed_eik_is_kept_as_its_digits(string typed)
    {
        var (_, client) = await ManagerAsync();
        var eik = RapportApp.NewEik();
        // The names differ by their unique ends only, which the look-alike warning would stop: created anyway.
        var account = await (await client.PostJsonAsync("/api/v1/accounts?allowDuplicate=true", new AccountInput
        {
            Name = app.Unique("Добро ЕИК "), RegistrationNumber = string.Format(CultureInfo.InvariantCulture, typed, eik[..3], eik[3..6], eik[6..]),
            Domain = "https://www.Пример.бг/за-нас",
        })).ReadAsync<AccountDetails>(HttpStatusCode.Created);

        Assert.Equal(eik, account.RegistrationNumber);
        Assert.Equal("пример.бг", account.Domain);
    }

    [Fact]
    public async Task Accounts_of_other_managers_are_not_found_and_cannot_be_changed()
    {
        var (_, mine) = await ManagerAsync();
        var (_, theirs) = await ManagerAsync();
        var account = await CreateAccountAsync(theirs, app.Unique("Чужд клиент "));

        await (await mine.GetAsync($"/api/v1/accounts/{account.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await mine.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ProblemAsync(HttpStatusCode.NotFound);
        await (await mine.GetAsync($"/api/v1/accounts/{account.Id}/coverage")).ProblemAsync(HttpStatusCode.NotFound);
        await (await mine.GetAsync($"/api/v1/accounts/{account.Id}/interactions")).ProblemAsync(HttpStatusCode.NotFound);
        await (await mine.PutJsonAsync($"/api/v1/accounts/{account.Id}", account.ToInput())).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await mine.GetAsync("/api/v1/accounts?size=200")).ReadAsync<Page<AccountRow>>();
        Assert.DoesNotContain(list.Items, a => a.Id == account.Id);

        var log = await mine.PostJsonAsync("/api/v1/interactions", new InteractionInput { AccountId = account.Id, Subject = "Sneaky" });
        await log.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_head_of_sales_sees_the_accounts_of_their_team()
    {
        var head = await app.CreateEmployeeAsync(app.Unique("Head "));
        var team = await app.CreateTeamAsync(app.Unique("Team "), head);
        var (_, member) = await ManagerAsync(team);
        var (_, outsider) = await ManagerAsync();
        var teamAccount = await CreateAccountAsync(member, app.Unique("Team account "));
        var otherAccount = await CreateAccountAsync(outsider, app.Unique("Other account "));
        var headClient = await app.ApiClientAsync(head, Roles.HeadOfSales);

        var seen = (await (await headClient.GetAsync("/api/v1/accounts?size=200")).ReadAsync<Page<AccountRow>>()).Items.Select(a => a.Id).ToList();
        Assert.Contains(teamAccount.Id, seen);
        Assert.DoesNotContain(otherAccount.Id, seen);
        var details = await (await headClient.GetAsync($"/api/v1/accounts/{teamAccount.Id}")).ReadAsync<AccountDetails>();
        Assert.True(details.CanEdit);
    }

    [Fact]
    public async Task Finance_and_hr_have_no_business_in_the_client_base()
    {
        foreach (var role in new[] { Roles.Finance, Roles.Recruiter })
        {
            var client = await app.ApiClientAsync(null, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/accounts")).StatusCode);
        }
    }

    [Fact]
    public async Task Logging_a_meeting_builds_a_relationship_and_covers_the_decision_maker()
    {
        var (me, client) = await ManagerAsync();
        var account = await CreateAccountAsync(client, app.Unique("Covered "));
        var ceo = await CreateContactAsync(client, account.Id, "Петър Георгиев", BuyingRoles.DecisionMaker, app.Unique("ceo") + "@client.bg");
        var cfo = await CreateContactAsync(client, account.Id, "Elena Koleva", BuyingRoles.Signatory);

        var before = await (await client.GetAsync($"/api/v1/accounts/{account.Id}/coverage")).ReadAsync<AccountCoverageView>();
        Assert.Equal(0, before.Coverage.CoveredCount);

        var logged = await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Kind = InteractionKind.Meeting, Subject = "Годишен преглед", ContactIds = [ceo.Id],
            NextStep = "Оферта", NextStepDue = new DateOnly(2026, 12, 15),
        });
        var item = await logged.ReadAsync<TimelineItem>(HttpStatusCode.Created);
        Assert.Equal(["Петър Георгиев"], item.TheirPeople);

        var after = await (await client.GetAsync($"/api/v1/accounts/{account.Id}/coverage")).ReadAsync<AccountCoverageView>();
        var decisionMaker = after.Coverage.Roles.Single(r => r.Role == BuyingRoles.DecisionMaker);
        Assert.True(decisionMaker.Covered);
        Assert.Equal((ceo.Id, me), (decisionMaker.ContactId!.Value, decisionMaker.EmployeeId!.Value));
        Assert.False(after.Coverage.Roles.Single(r => r.Role == BuyingRoles.Signatory).Covered);
        Assert.True(after.Coverage.SingleThreaded);

        var contacts = await (await client.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ReadAsync<List<ContactRow>>();
        Assert.True(contacts.Single(c => c.Id == ceo.Id).Strength >= after.WarmThreshold);
        Assert.Equal(0, contacts.Single(c => c.Id == cfo.Id).Strength);

        var mine = await (await client.GetAsync("/api/v1/relationships/mine")).ReadAsync<List<MyRelationship>>();
        Assert.Contains(mine, r => r.ContactId == ceo.Id && !r.GoingCold);
    }

    [Fact]
    public async Task An_old_interaction_leaves_the_relationship_going_cold()
    {
        var (_, client) = await ManagerAsync();
        var account = await CreateAccountAsync(client, app.Unique("Cold "));
        var ceo = await CreateContactAsync(client, account.Id, "Стар Познат", BuyingRoles.DecisionMaker);
        (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Kind = InteractionKind.Call, Subject = "Long ago", ContactIds = [ceo.Id],
            OccurredAt = DateTime.UtcNow.AddDays(-200),
        })).EnsureSuccessStatusCode();

        var mine = await (await client.GetAsync("/api/v1/relationships/mine")).ReadAsync<List<MyRelationship>>();
        var cold = mine.Single(r => r.ContactId == ceo.Id);
        Assert.True(cold.GoingCold);
        Assert.True(cold.Strength < 10);
        Assert.Equal(cold, mine[0]);
    }

    [Fact]
    public async Task Interactions_in_the_future_or_with_other_accounts_contacts_are_refused()
    {
        var (_, client) = await ManagerAsync();
        var account = await CreateAccountAsync(client, app.Unique("Rules "));
        var other = await CreateAccountAsync(client, app.Unique("Other "));
        var stranger = await CreateContactAsync(client, other.Id, "Чужд Контакт", BuyingRoles.User);

        var future = await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "Tomorrow", OccurredAt = DateTime.UtcNow.AddDays(1),
        });
        Assert.True((await future.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("occurredAt", out _));

        var wrongContact = await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "Mixed up", ContactIds = [stranger.Id],
        });
        Assert.True((await wrongContact.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("contactIds", out _));
    }

    [Fact]
    public async Task Account_search_ignores_case_in_cyrillic_and_finds_by_eik_and_domain()
    {
        var (_, client) = await ManagerAsync();
        var tag = app.Unique("t");
        var cyrillic = await CreateAccountAsync(client, $"Български Пощи {tag}");
        var web = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Web {tag}", Domain = $"https://www.{tag}.bg/" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);

        async Task<List<Guid>> Find(string q) =>
            [.. (await (await client.GetAsync($"/api/v1/accounts?search={Uri.EscapeDataString(q)}")).ReadAsync<Page<AccountRow>>()).Items.Select(a => a.Id)];

        Assert.Equal([cyrillic.Id], await Find($"БЪЛГАРСКИ ПОЩИ {tag}"));
        Assert.Equal([web.Id], await Find($"{tag}.bg"));
    }

    [Fact]
    public async Task A_stale_account_or_contact_edit_is_a_conflict()
    {
        var (_, client) = await ManagerAsync();
        var account = await CreateAccountAsync(client, app.Unique("Versioned "));
        var input = account.ToInput();
        input.Industry = "IT";
        (await client.PutJsonAsync($"/api/v1/accounts/{account.Id}", input)).EnsureSuccessStatusCode();
        await (await client.PutJsonAsync($"/api/v1/accounts/{account.Id}", input)).ProblemAsync(HttpStatusCode.Conflict);

        var contact = await CreateContactAsync(client, account.Id, "Versioned Contact", BuyingRoles.User);
        var change = contact.ToInput();
        change.JobTitle = "CTO";
        (await client.PutJsonAsync($"/api/v1/contacts/{contact.Id}", change)).EnsureSuccessStatusCode();
        await (await client.PutJsonAsync($"/api/v1/contacts/{contact.Id}", change)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_account_list_filters_by_coverage()
    {
        var (_, client) = await ManagerAsync();
        var (_, colleague) = await ManagerAsync();
        var tag = app.Unique("cov");

        async Task<AccountDetails> AccountWith(string name, params (string Role, int DaysAgo)[] meetings)
        {
            var account = await CreateAccountAsync(client, $"{name} {tag}");
            foreach (var (role, daysAgo) in meetings)
            {
                var contact = await CreateContactAsync(client, account.Id, $"{role} {name}", role);
                (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
                {
                    AccountId = account.Id, Kind = InteractionKind.Meeting, Subject = "Meeting", ContactIds = [contact.Id],
                    OccurredAt = DateTime.UtcNow.AddDays(-daysAgo),
                })).EnsureSuccessStatusCode();
            }

            return account;
        }

        var full = await AccountWith("Full", (BuyingRoles.DecisionMaker, 0), (BuyingRoles.Signatory, 1));
        var half = await AccountWith("Half", (BuyingRoles.DecisionMaker, 0));
        var cold = await AccountWith("Cold", (BuyingRoles.DecisionMaker, 200), (BuyingRoles.Signatory, 200));
        var none = await AccountWith("None");

        async Task<HashSet<Guid>> Ids(string coverage) =>
            [.. (await (await client.GetAsync($"/api/v1/accounts?search={tag}&coverage={coverage}")).ReadAsync<Page<AccountRow>>()).Items.Select(a => a.Id)];

        Assert.Equal([full.Id], await Ids("Covered"));
        Assert.Equal(new HashSet<Guid> { half.Id, cold.Id, none.Id }, await Ids("NotCovered"));
        Assert.Equal(new HashSet<Guid> { full.Id, half.Id }, await Ids("SingleThreaded"));
        Assert.Empty((await (await colleague.GetAsync($"/api/v1/accounts?search={tag}&coverage=NotCovered")).ReadAsync<Page<AccountRow>>()).Items);
    }

    [Fact]
    public async Task The_industry_and_region_filters_offer_each_value_once_and_only_from_visible_accounts()
    {
        var (mine, client) = await ManagerAsync();
        var (_, other) = await ManagerAsync();
        var (industry, region, hidden) = (app.Unique("Мелничарство "), app.Unique("Регион "), app.Unique("Тайна индустрия "));
        foreach (var name in new[] { "Първа ", "Втора " })
        {
            await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique(name), Industry = industry, Region = region });
        }

        await other.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Чужда "), Industry = hidden });

        var (adminIndustries, adminRegions) = await app.WithServicesAsync(sp => sp.GetRequiredService<AccountHandlers>().FacetsAsync(RapportApp.Admin));
        var (managerIndustries, managerRegions) = await app.WithServicesAsync(sp =>
            sp.GetRequiredService<AccountHandlers>().FacetsAsync(new Viewer(Guid.NewGuid(), mine, new HashSet<string> { Roles.AccountManager })));

        Assert.Single(adminIndustries, industry);
        Assert.Single(adminRegions, region);
        Assert.Contains(hidden, adminIndustries);
        Assert.DoesNotContain("", adminIndustries);
        Assert.Equal(adminIndustries.Distinct().Count(), adminIndustries.Count);
        Assert.Equal([industry], managerIndustries);
        Assert.Equal([region], managerRegions);
    }

    [Fact]
    public async Task A_group_of_companies_cannot_loop()
    {
        var (_, client) = await ManagerAsync();
        var parent = await CreateAccountAsync(client, app.Unique("Holding "));
        var childInput = new AccountInput { Name = app.Unique("Subsidiary "), ParentId = parent.Id };
        var child = await (await client.PostJsonAsync("/api/v1/accounts", childInput)).ReadAsync<AccountDetails>(HttpStatusCode.Created);

        var loop = parent.ToInput();
        loop.ParentId = child.Id;
        var errors = (await (await client.PutJsonAsync($"/api/v1/accounts/{parent.Id}", loop)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("parentId", out _));
    }
}

public sealed class ClientBaseApiOnSqlite(SqliteApp app) : ClientBaseApiTests(app), IClassFixture<SqliteApp>;

public sealed class ClientBaseApiOnPostgres(PostgresApp app) : ClientBaseApiTests(app), IClassFixture<PostgresApp>;
