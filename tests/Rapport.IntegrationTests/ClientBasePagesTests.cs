using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>The client-base pages through HTTP, as a browser without script would use them.</summary>
public abstract class ClientBasePagesTests(RapportApp app)
{
    private sealed record Manager(Guid EmployeeId, string Email, Viewer Viewer);

    private async Task<Manager> AccountManagerAsync(string name)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique(name));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        return new Manager(employee, email, new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager }));
    }

    private Task<Guid> CreateAccountAsync(Manager owner, string name) =>
        app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AccountHandlers>().CreateAsync(owner.Viewer, new AccountInput { Name = name });
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private Task<Guid> CreateContactAsync(Manager owner, Guid accountId, string name, string role = BuyingRoles.DecisionMaker) =>
        app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ContactHandlers>().CreateAsync(owner.Viewer, accountId, new ContactInput { FullName = name, Role = role })).Value);

    /// <summary>Where a redirect goes, as a path and query.</summary>
    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.ToString();

    [Fact]
    public async Task An_account_manager_gets_not_found_for_another_managers_account_and_its_contacts()
    {
        var me = await AccountManagerAsync("Own ");
        var other = await AccountManagerAsync("Other ");
        var mine = await CreateAccountAsync(me, app.Unique("Моят клиент "));
        var theirsName = app.Unique("Чужд клиент ");
        var theirs = await CreateAccountAsync(other, theirsName);
        var theirContact = await CreateContactAsync(other, theirs, "Чужд Контакт");
        var client = await app.SignedInClientAsync(me.Email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/accounts/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/accounts/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/contacts/{theirContact}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/accounts/{theirs}/contacts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/interactions/new?account={theirs}")).StatusCode);
        Assert.DoesNotContain(theirsName, await client.GetStringAsync("/accounts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_export_neutralises_formulas_and_keeps_to_what_the_viewer_sees()
    {
        var me = await AccountManagerAsync("Exporter ");
        var other = await AccountManagerAsync("Someone ");
        var tag = app.Unique("csv");
        await CreateAccountAsync(me, $"=HYPERLINK(\"http://evil\") {tag}");
        await CreateAccountAsync(me, $"Нормален Клиент {tag}");
        await CreateAccountAsync(other, $"Чужд Клиент {tag}");
        var client = await app.SignedInClientAsync(me.Email);

        var response = await client.GetAsync($"/accounts/export.csv?q={tag}&status=&segment=&owner=&team=");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"'=HYPERLINK(\"\"http://evil\"\") {tag}\"", csv, StringComparison.Ordinal);
        Assert.Contains($"Нормален Клиент {tag}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Чужд Клиент", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_manager_creates_an_account_adds_a_contact_and_logs_a_meeting_through_the_forms()
    {
        var me = await AccountManagerAsync("Form user ");
        var client = await app.SignedInClientAsync(me.Email);
        var name = app.Unique("Тракия Трейд ");

        var created = await RapportApp.PostFormAsync(client, "/accounts/new", "account-new", new()
        {
            ["Input.Name"] = name, ["Input.CountryCode"] = "BG", ["Input.RegistrationNumber"] = "", ["Input.Domain"] = "",
            ["Input.Size"] = "Medium", ["Input.Status"] = "Prospect", ["Input.OwnerId"] = me.EmployeeId.ToString(),
            ["Input.CoordinatorId"] = Choice.None.ToString(), ["Input.ParentId"] = Choice.None.ToString(), ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var accountUrl = PathOf(created);
        Assert.EndsWith("?saved=true", accountUrl, StringComparison.Ordinal);
        var accountId = Guid.Parse(accountUrl["/accounts/".Length..accountUrl.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Contains(name, await client.GetStringAsync(accountUrl), StringComparison.Ordinal);

        var contact = await RapportApp.PostFormAsync(client, $"/accounts/{accountId}/contacts/new", "contact-new", new()
        {
            ["Input.FullName"] = "Даниела Петкова", ["Input.JobTitle"] = "", ["Input.Email"] = "", ["Input.Phone"] = "",
            ["Input.Role"] = "DecisionMaker", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        var contactUrl = PathOf(contact);
        var contactId = Guid.Parse(contactUrl["/contacts/".Length..contactUrl.IndexOf('?', StringComparison.Ordinal)]);

        // The form shows and takes the server's local time; the interaction is stored in UTC.
        var local = DateTime.Now.AddHours(-2);
        local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Local);
        var logged = await RapportApp.PostFormAsync(client, $"/interactions/new?account={accountId}", "interaction-new", new()
        {
            ["Input.AccountId"] = accountId.ToString(), ["Input.Kind"] = "Meeting",
            ["Input.OccurredAt"] = local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Subject"] = "Първа среща", ["Input.Outcome"] = "", ["Input.NextStep"] = "", ["Input.NextStepDue"] = "",
            ["Input.EmployeeIds"] = me.EmployeeId.ToString(), ["Input.ContactIds"] = contactId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Assert.Equal($"/accounts/{accountId}?logged=true", PathOf(logged));

        var timeline = await app.WithServicesAsync(sp => sp.GetRequiredService<InteractionHandlers>().TimelineAsync(me.Viewer, accountId));
        var item = Assert.Single(timeline!.Items);
        Assert.Equal(local.ToUniversalTime(), item.OccurredAt);
        Assert.Equal(["Даниела Петкова"], item.TheirPeople);

        var page = await client.GetStringAsync($"/accounts/{accountId}?logged=true");
        Assert.Contains("Interaction logged.", page, StringComparison.Ordinal);
        Assert.Contains("1/2 roles covered", page, StringComparison.Ordinal);
        Assert.Contains("Първа среща", page, StringComparison.Ordinal);
        Assert.Contains(">45<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_without_a_client_contact_is_logged_through_the_form()
    {
        var me = await AccountManagerAsync("Note taker ");
        var account = await CreateAccountAsync(me, app.Unique("Бележки "));
        var client = await app.SignedInClientAsync(me.Email);

        // No contact ticked: the form posts no Input.ContactIds at all.
        var logged = await RapportApp.PostFormAsync(client, $"/interactions/new?account={account}", "interaction-new", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Kind"] = "Note", ["Input.Subject"] = "Вътрешна бележка",
            ["Input.EmployeeIds"] = me.EmployeeId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Assert.Equal($"/accounts/{account}?logged=true", PathOf(logged));
        Assert.Contains("Вътрешна бележка", await client.GetStringAsync($"/accounts/{account}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unticking_every_one_of_our_people_logs_the_interaction_as_the_viewer()
    {
        var me = await AccountManagerAsync("Unticker ");
        var account = await CreateAccountAsync(me, app.Unique("Никой "));
        var contact = await CreateContactAsync(me, account, "Стела Маринова");
        var client = await app.SignedInClientAsync(me.Email);

        var logged = await RapportApp.PostFormAsync(client, $"/interactions/new?account={account}", "interaction-new", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Kind"] = "Call", ["Input.Subject"] = "Обаждане",
            ["Input.ContactIds"] = contact.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var timeline = await app.WithServicesAsync(sp => sp.GetRequiredService<InteractionHandlers>().TimelineAsync(me.Viewer, account));
        Assert.Single(Assert.Single(timeline!.Items).OurPeople);
    }

    [Fact]
    public async Task An_interaction_form_that_cannot_save_keeps_what_was_typed_and_says_why_beside_the_field()
    {
        var me = await AccountManagerAsync("Typist ");
        var account = await CreateAccountAsync(me, app.Unique("Грешка "));
        var client = await app.SignedInClientAsync(me.Email);

        var response = await RapportApp.PostFormAsync(client, $"/interactions/new?account={account}", "interaction-new", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Kind"] = "Call", ["Input.Subject"] = "",
            ["Input.Outcome"] = "Това не бива да се губи", ["Input.EmployeeIds"] = me.EmployeeId.ToString(),
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Това не бива да се губи", html, StringComparison.Ordinal);
        Assert.Contains("Subject is required.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_form_offers_countries_by_name_and_refuses_a_mistyped_eik_beside_its_field()
    {
        var me = await AccountManagerAsync("Countries ");
        var client = await app.SignedInClientAsync(me.Email);
        Assert.Contains("<option value=\"DE\">Germany</option>", await client.GetStringAsync("/accounts/new"), StringComparison.Ordinal);
        await RapportApp.PostFormAsync(client, "/accounts", null, new() { ["language"] = "bg", ["returnUrl"] = "/" }, action: "/culture");
        Assert.Contains("<option value=\"DE\">Германия</option>", await client.GetStringAsync("/accounts/new"), StringComparison.Ordinal);

        var name = app.Unique("Кирилско ЕИК ");
        var response = await RapportApp.PostFormAsync(client, "/accounts/new", "account-new", new()
        {
            ["Input.Name"] = name, ["Input.CountryCode"] = "BG", ["Input.RegistrationNumber"] = "абв", ["Input.Domain"] = "not a domain!!",
            ["Input.Size"] = "Medium", ["Input.Status"] = "Prospect", ["Input.OwnerId"] = me.EmployeeId.ToString(),
            ["Input.CoordinatorId"] = Choice.None.ToString(), ["Input.ParentId"] = Choice.None.ToString(), ["Input.Version"] = "0",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Това не е валиден ЕИК/БУЛСТАТ", html, StringComparison.Ordinal);
        Assert.Contains("value=\"абв\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not a domain!!\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync("/accounts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interaction_is_logged_inline_from_the_account_page_with_a_colleague_named_in_the_free_box()
    {
        var me = await AccountManagerAsync("Inline ");
        var colleagueName = app.Unique("Цветомира Недялкова ");
        var colleague = await app.CreateEmployeeAsync(colleagueName);
        var account = await CreateAccountAsync(me, app.Unique("На място "));
        var contact = await CreateContactAsync(me, account, "Росица Генчева");
        var client = await app.SignedInClientAsync(me.Email);

        var page = await client.GetStringAsync($"/accounts/{account}");
        Assert.Contains("Log an interaction here", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.EmployeeIds\" value=\"{me.EmployeeId}\" checked", page, StringComparison.Ordinal);
        Assert.DoesNotContain(colleagueName, page, StringComparison.Ordinal);

        var logged = await RapportApp.PostFormAsync(client, $"/accounts/{account}", "interaction-new", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Kind"] = "Meeting", ["Input.Subject"] = "Среща на място",
            ["Input.EmployeeIds"] = me.EmployeeId.ToString(), ["Input.ContactIds"] = contact.ToString(),
            ["AlsoPresent"] = colleagueName.ToUpperInvariant(),
        });

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Assert.Equal($"/accounts/{account}?logged=true#timeline", PathOf(logged) + logged.Headers.Location!.Fragment);
        var item = Assert.Single((await app.WithServicesAsync(sp => sp.GetRequiredService<InteractionHandlers>().TimelineAsync(me.Viewer, account)))!.Items);
        Assert.Contains(colleagueName, item.OurPeople);
        Assert.Equal(2, item.OurPeople.Count);
    }

    [Fact]
    public async Task An_unclear_colleague_name_is_refused_beside_the_box_and_the_form_keeps_what_was_typed()
    {
        var me = await AccountManagerAsync("Unclear ");
        var tag = app.Unique("Ясен").ToLowerInvariant();
        await app.CreateEmployeeAsync($"Ясен Алексиев {tag}");
        await app.CreateEmployeeAsync($"Ясен Борисов {tag}");
        var account = await CreateAccountAsync(me, app.Unique("Двама "));
        var client = await app.SignedInClientAsync(me.Email);

        var response = await RapportApp.PostFormAsync(client, $"/accounts/{account}", "interaction-new", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Kind"] = "Call", ["Input.Subject"] = "Кой от двамата",
            ["Input.EmployeeIds"] = me.EmployeeId.ToString(), ["AlsoPresent"] = tag,
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Several colleagues match «{tag}»: Ясен Алексиев {tag}, Ясен Борисов {tag}. Type more of the name.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Кой от двамата\"", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"log-inline\" id=\"log\" open", html, StringComparison.Ordinal);
        Assert.Empty((await app.WithServicesAsync(sp => sp.GetRequiredService<InteractionHandlers>().TimelineAsync(me.Viewer, account)))!.Items);
    }

    [Fact]
    public async Task The_contact_page_logs_an_interaction_with_the_contact_ticked()
    {
        var me = await AccountManagerAsync("From contact ");
        var account = await CreateAccountAsync(me, app.Unique("Контактна "));
        var contact = await CreateContactAsync(me, account, "Велина Цанева");
        var client = await app.SignedInClientAsync(me.Email);

        var page = await client.GetStringAsync($"/contacts/{contact}");
        Assert.Contains($"name=\"Input.ContactIds\" value=\"{contact}\" checked", page, StringComparison.Ordinal);
        var logged = await RapportApp.PostFormAsync(client, $"/contacts/{contact}", "interaction-new", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Kind"] = "Call", ["Input.Subject"] = "Обаждане от контакта",
            ["Input.EmployeeIds"] = me.EmployeeId.ToString(), ["Input.ContactIds"] = contact.ToString(),
        });

        Assert.Equal($"/contacts/{contact}?logged=true", PathOf(logged));
        Assert.Contains("Interaction logged.", await client.GetStringAsync(PathOf(logged)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buying_roles_are_shown_by_their_names_in_the_readers_language()
    {
        var me = await AccountManagerAsync("Role reader ");
        var account = await CreateAccountAsync(me, app.Unique("Роли "));
        var contact = await CreateContactAsync(me, account, "Петя Стоянова", BuyingRoles.Signatory);
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<InteractionHandlers>().LogAsync(me.Viewer, new InteractionInput
        {
            AccountId = account, Kind = InteractionKind.Meeting, Subject = "Подпис", EmployeeIds = [me.EmployeeId], ContactIds = [contact],
            // Long enough ago to be going cold, so My relationships lists it with its role.
            OccurredAt = DateTime.UtcNow.AddDays(-100),
        }));
        var client = await app.SignedInClientAsync(me.Email);

        foreach (var (language, signatory, decisionMaker) in new[] { ("en", "Signatory", "Decision-maker"), ("bg", "Подписващо лице", "Лице, вземащо решения") })
        {
            await RapportApp.PostFormAsync(client, "/accounts", null, new() { ["language"] = language, ["returnUrl"] = "/" }, action: "/culture");
            var accountPage = await client.GetStringAsync($"/accounts/{account}");
            Assert.Contains($">{signatory}</span>", accountPage, StringComparison.Ordinal);
            Assert.Contains($">{decisionMaker}</span>", accountPage, StringComparison.Ordinal);
            Assert.DoesNotContain("c.Role", accountPage, StringComparison.Ordinal);
            Assert.DoesNotContain("role.Role", accountPage, StringComparison.Ordinal);
            Assert.Contains($">{signatory}</span>", await client.GetStringAsync($"/contacts/{contact}"), StringComparison.Ordinal);
            Assert.Contains($">{signatory}</span>", await client.GetStringAsync("/relationships"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_colleague_with_a_relationship_sees_the_account_but_gets_no_edit_form()
    {
        var owner = await AccountManagerAsync("Owner ");
        var colleague = await AccountManagerAsync("Colleague ");
        var name = app.Unique("Пирин Строй ");
        var account = await CreateAccountAsync(owner, name);
        var contact = await CreateContactAsync(owner, account, "Огнян Василев", BuyingRoles.Signatory);
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<InteractionHandlers>().LogAsync(owner.Viewer, new InteractionInput
        {
            AccountId = account, Kind = InteractionKind.Call, Subject = "Запознанство",
            EmployeeIds = [owner.EmployeeId, colleague.EmployeeId], ContactIds = [contact],
        }));
        var client = await app.SignedInClientAsync(colleague.Email);

        var page = await client.GetStringAsync($"/accounts/{account}");
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("Огнян Василев", page, StringComparison.Ordinal);
        Assert.DoesNotContain("account-edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("account-edit", await client.GetStringAsync($"/accounts/{account}?edit=true"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/accounts/{account}/contacts/new", page, StringComparison.Ordinal);
        var contactPage = await client.GetStringAsync($"/contacts/{contact}");
        Assert.DoesNotContain("contact-edit", contactPage, StringComparison.Ordinal);
        Assert.Contains("Огнян Василев", await client.GetStringAsync("/relationships"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_account_edit_is_refused_with_a_message_and_keeps_the_input()
    {
        var me = await AccountManagerAsync("Editor ");
        var account = await CreateAccountAsync(me, app.Unique("Черно Море "));
        var client = await app.SignedInClientAsync(me.Email);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Първо име", ["Input.CountryCode"] = "BG", ["Input.Size"] = "Small", ["Input.Status"] = "Active",
            ["Input.OwnerId"] = me.EmployeeId.ToString(), ["Input.CoordinatorId"] = Choice.None.ToString(),
            ["Input.ParentId"] = Choice.None.ToString(), ["Input.Version"] = "0",
        };

        // The form is there when asked for; the page alone offers only the way to it.
        var view = await client.GetStringAsync($"/accounts/{account}");
        Assert.Contains($"href=\"/accounts/{account}?edit=true#edit\"", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.OwnerId", view, StringComparison.Ordinal);
        var first = await RapportApp.PostFormAsync(client, $"/accounts/{account}?edit=true", "account-edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/accounts/{account}?saved=true", PathOf(first));

        fields["Input.Name"] = "Второ име";
        var stale = await RapportApp.PostFormAsync(client, $"/accounts/{account}?edit=true", "account-edit", fields);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Второ име\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_orders_by_name()
    {
        var me = await AccountManagerAsync("Lister ");
        var tag = app.Unique("page");
        for (var i = 0; i < 3; i++)
        {
            await CreateAccountAsync(me, $"{tag} {i}");
        }

        var client = await app.SignedInClientAsync(me.Email);
        var all = await client.GetStringAsync($"/accounts?q={tag}&status=&segment=&owner=&desc=true");
        Assert.True(all.IndexOf($"{tag} 2", StringComparison.Ordinal) < all.IndexOf($"{tag} 0", StringComparison.Ordinal));
        Assert.Contains("No accounts match these filters.", await client.GetStringAsync($"/accounts?q={tag}&status=Former"),
            StringComparison.Ordinal);
        Assert.Contains($"{tag} 1", await client.GetStringAsync($"/accounts?q={tag}&status=prospect"), StringComparison.Ordinal);
    }
}

public sealed class ClientBasePagesOnSqlite(SqliteApp app) : ClientBasePagesTests(app), IClassFixture<SqliteApp>;

public sealed class ClientBasePagesOnPostgres(PostgresApp app) : ClientBasePagesTests(app), IClassFixture<PostgresApp>;
