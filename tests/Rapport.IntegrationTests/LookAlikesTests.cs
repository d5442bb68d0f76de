using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>Creating an account or a contact that resembles an existing one: a warning first, then the caller's choice.</summary>
public abstract partial class LookAlikesTests(RapportApp app)
{
    private sealed record Manager(Guid EmployeeId, string Name, string Email, Viewer Viewer);

    private async Task<Manager> ManagerAsync(string name)
    {
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName);
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        return new Manager(employee, fullName, email, new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager }));
    }

    private Task<Guid> AccountAsync(Manager owner, string name, string? eik = null, string? domain = null) =>
        app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AccountHandlers>().CreateAsync(owner.Viewer,
                new AccountInput { Name = name, RegistrationNumber = eik, Domain = domain });
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private Task<Guid> ContactAsync(Manager owner, Guid account, string name, string? phone = null, string? email = null) =>
        app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<ContactHandlers>().CreateAsync(owner.Viewer, account,
                new ContactInput { FullName = name, Phone = phone, Email = email, Role = BuyingRoles.DecisionMaker });
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private static List<JsonElement> LookAlikes(JsonElement problem) => [.. problem.GetProperty("lookAlikes").EnumerateArray()];

    [Fact]
    public async Task An_account_named_like_an_existing_one_is_refused_with_409_until_the_caller_allows_it()
    {
        var me = await ManagerAsync("Creator ");
        var client = await app.ApiClientForAsync(me.Viewer.UserId);
        var tag = app.Unique("");
        var existing = await AccountAsync(me, $"Технострой {tag} ООД");

        var refused = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"„Техно Строй {tag}“ ЕООД" }))
            .ProblemAsync(HttpStatusCode.Conflict);

        var item = Assert.Single(LookAlikes(refused));
        Assert.Equal(existing, item.GetProperty("id").GetGuid());
        Assert.Equal($"Технострой {tag} ООД", item.GetProperty("name").GetString());
        Assert.Equal(me.Name, item.GetProperty("ownerName").GetString());
        Assert.Equal("SameName", item.GetProperty("rule").GetString());
        Assert.Equal("Account", item.GetProperty("kind").GetString());

        var created = await (await client.PostJsonAsync("/api/v1/accounts?allowDuplicate=true", new AccountInput { Name = $"„Техно Строй {tag}“ ЕООД" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        Assert.Equal($"„Техно Строй {tag}“ ЕООД", created.Name);
    }

    [Fact]
    public async Task A_transliterated_or_mistyped_name_or_the_same_domain_is_a_look_alike_but_another_year_is_not()
    {
        var me = await ManagerAsync("Typist ");
        var client = await app.ApiClientForAsync(me.Viewer.UserId);
        var tag = app.Unique("");
        var domain = $"{tag}.example.bg";
        var existing = await AccountAsync(me, $"Технострой {tag} 2005 ООД", domain: domain);

        var latin = LookAlikes(await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Technostroy {tag} 2005 Ltd" }))
            .ProblemAsync(HttpStatusCode.Conflict));
        var typo = LookAlikes(await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Текнострой {tag} 2005" }))
            .ProblemAsync(HttpStatusCode.Conflict));
        var sameDomain = LookAlikes(await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Друго име "), Domain = $"https://www.{domain}/" }))
            .ProblemAsync(HttpStatusCode.Conflict));

        Assert.Equal([(existing, "SameName")], latin.Select(l => (l.GetProperty("id").GetGuid(), l.GetProperty("rule").GetString())));
        Assert.Equal([(existing, "SimilarName")], typo.Select(l => (l.GetProperty("id").GetGuid(), l.GetProperty("rule").GetString())));
        Assert.Equal([(existing, "SameDomain")], sameDomain.Select(l => (l.GetProperty("id").GetGuid(), l.GetProperty("rule").GetString())));
        (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Технострой {tag} 2006 ООД" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Of_an_account_the_caller_may_not_see_only_its_name_and_owner_are_told()
    {
        var me = await ManagerAsync("Curious ");
        var them = await ManagerAsync("Keeper ");
        var client = await app.ApiClientForAsync(me.Viewer.UserId);
        var tag = app.Unique("");
        var eik = RapportApp.NewEik();
        var theirs = await AccountAsync(them, $"Агро Трейд {tag} АД", eik, $"{tag}.agro.bg");

        var response = await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Agro Treyd {tag} AD" });
        var body = await response.Content.ReadAsStringAsync();
        var item = Assert.Single(LookAlikes(await response.ProblemAsync(HttpStatusCode.Conflict)));

        Assert.Equal(JsonValueKind.Null, item.GetProperty("id").ValueKind);
        Assert.False(item.GetProperty("visible").GetBoolean());
        Assert.Equal($"Агро Трейд {tag} АД", item.GetProperty("name").GetString());
        Assert.Equal(them.Name, item.GetProperty("ownerName").GetString());
        Assert.DoesNotContain(theirs.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(eik, body, StringComparison.Ordinal);
        Assert.DoesNotContain("agro.bg", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_number_in_use_is_still_an_error_and_not_a_warning()
    {
        var me = await ManagerAsync("Holder ");
        var client = await app.ApiClientForAsync(me.Viewer.UserId);
        var tag = app.Unique("");
        var eik = RapportApp.NewEik();
        await AccountAsync(me, $"Витоша {tag} ООД", eik);

        var problem = await (await client.PostJsonAsync("/api/v1/accounts?allowDuplicate=true", new AccountInput { Name = $"Витоша {tag} ЕООД", RegistrationNumber = eik }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("registrationNumber", out _));
        var again = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Витоша {tag} ЕООД", RegistrationNumber = eik }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(again.TryGetProperty("lookAlikes", out _));
    }

    [Fact]
    public async Task A_contact_with_a_name_of_the_account_or_a_number_of_anyone_is_a_look_alike()
    {
        var me = await ManagerAsync("Contacts ");
        var them = await ManagerAsync("Elsewhere ");
        var client = await app.ApiClientForAsync(me.Viewer.UserId);
        var mine = await AccountAsync(me, app.Unique("Мой клиент "));
        var theirs = await AccountAsync(them, app.Unique("Техен клиент "));
        var colleague = await ContactAsync(me, mine, "Гергана Ангелова");
        var phone = "+359 88 " + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ContactAsync(them, theirs, "Тайна Личност", phone);

        var byName = LookAlikes(await (await client.PostJsonAsync($"/api/v1/accounts/{mine}/contacts", new ContactInput { FullName = "Gergana Angelova" }))
            .ProblemAsync(HttpStatusCode.Conflict));
        var byPhone = await client.PostJsonAsync($"/api/v1/accounts/{mine}/contacts", new ContactInput { FullName = "Нов Човек", Phone = phone.Replace(" ", "-", StringComparison.Ordinal) });
        var body = await byPhone.Content.ReadAsStringAsync();
        var hidden = Assert.Single(LookAlikes(await byPhone.ProblemAsync(HttpStatusCode.Conflict)));

        var named = Assert.Single(byName);
        Assert.Equal((colleague, "Гергана Ангелова", "SameName"), (named.GetProperty("id").GetGuid(), named.GetProperty("name").GetString(), named.GetProperty("rule").GetString()));
        Assert.Equal(me.Name, named.GetProperty("ownerName").GetString());
        Assert.Equal(("Contact", "SamePhone", them.Name), (hidden.GetProperty("kind").GetString(), hidden.GetProperty("rule").GetString(), hidden.GetProperty("ownerName").GetString()));
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("name").ValueKind);
        Assert.DoesNotContain("Тайна", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Техен клиент", body, StringComparison.Ordinal);

        (await client.PostJsonAsync($"/api/v1/accounts/{mine}/contacts?allowDuplicate=true", new ContactInput { FullName = "Нов Човек", Phone = phone }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_address_of_an_active_contact_is_still_refused_as_taken()
    {
        var me = await ManagerAsync("Mailer ");
        var client = await app.ApiClientForAsync(me.Viewer.UserId);
        var account = await AccountAsync(me, app.Unique("Поща "));
        var email = app.Unique("taken") + "@client.bg";
        await ContactAsync(me, account, "Първи Човек", email: email);

        var problem = await (await client.PostJsonAsync($"/api/v1/accounts/{account}/contacts", new ContactInput { FullName = "Първи Човек", Email = email }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(problem.TryGetProperty("lookAlikes", out _));
    }

    [Fact]
    public async Task The_api_document_tells_how_to_create_anyway()
    {
        var client = await app.ApiClientAsync(null, Roles.Administrator);
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("allowDuplicate", document, StringComparison.Ordinal);
        Assert.Contains("lookAlikes", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_account_form_warns_keeps_what_was_typed_and_creates_on_create_anyway()
    {
        var me = await ManagerAsync("Form ");
        var them = await ManagerAsync("Other owner ");
        var tag = app.Unique("");
        var mine = await AccountAsync(me, $"Технострой {tag} ООД");
        await AccountAsync(them, $"Technostroy {tag} Ltd");
        var client = await app.SignedInClientAsync(me.Email);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = $"Техно Строй {tag} ООД", ["Input.CountryCode"] = "BG", ["Input.RegistrationNumber"] = "", ["Input.Domain"] = "",
            ["Input.Industry"] = "Строителство", ["Input.Size"] = "Medium", ["Input.Status"] = "Prospect", ["Input.OwnerId"] = me.EmployeeId.ToString(),
            ["Input.CoordinatorId"] = Choice.None.ToString(), ["Input.ParentId"] = Choice.None.ToString(), ["Input.Version"] = "0",
        };

        var warned = await RapportApp.PostFormAsync(client, "/accounts/new", "account-new", fields);
        var page = await warned.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Similar records already exist", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/accounts/{mine}\">Технострой {tag} ООД</a>", page, StringComparison.Ordinal);
        Assert.Contains($"Technostroy {tag} Ltd, managed by {them.Name}: you cannot open it; ask them.", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"Техно Строй {tag} ООД\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Строителство\"", page, StringComparison.Ordinal);
        var token = SeenToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);

        var bulgarian = await (await RapportApp.PostFormAsync(client, "/accounts/new?culture=bg-BG&ui-culture=bg-BG", "account-new", fields))
            .Content.ReadAsStringAsync();
        Assert.Contains("Вече има подобни записи", bulgarian, StringComparison.Ordinal);
        Assert.Contains($"Technostroy {tag} Ltd, с мениджър на акаунта {them.Name}: нямате достъп до него", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Създай въпреки това", bulgarian, StringComparison.Ordinal);

        var created = await RapportApp.PostFormAsync(client, "/accounts/new", "account-new", new(fields) { ["LookAlikesSeen"] = token });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"Техно Строй {tag} ООД", await client.GetStringAsync(created.Headers.Location!.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_confirmation_does_not_create_past_new_look_alikes()
    {
        var me = await ManagerAsync("Changer ");
        var tag = app.Unique("");
        await AccountAsync(me, $"Пирин {tag} ООД");
        var other = await AccountAsync(me, $"Родопа {tag} ООД");
        var client = await app.SignedInClientAsync(me.Email);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = $"Пирин {tag} ЕООД", ["Input.CountryCode"] = "BG", ["Input.Size"] = "Small", ["Input.Status"] = "Prospect",
            ["Input.OwnerId"] = me.EmployeeId.ToString(), ["Input.CoordinatorId"] = Choice.None.ToString(), ["Input.ParentId"] = Choice.None.ToString(),
            ["Input.Version"] = "0",
        };
        var token = SeenToken().Match(await (await RapportApp.PostFormAsync(client, "/accounts/new", "account-new", fields)).Content.ReadAsStringAsync()).Groups[1].Value;

        var changed = await RapportApp.PostFormAsync(client, "/accounts/new", "account-new",
            new(fields) { ["Input.Name"] = $"Родопа {tag} АД", ["LookAlikesSeen"] = token });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains($"<a href=\"/accounts/{other}\">Родопа {tag} ООД</a>", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_contact_form_warns_of_a_namesake_in_the_account()
    {
        var me = await ManagerAsync("Contact form ");
        var account = await AccountAsync(me, app.Unique("Клиент с лица "));
        var existing = await ContactAsync(me, account, "Даниела Петкова");
        var client = await app.SignedInClientAsync(me.Email);
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "ДАНИЕЛА  ПЕТКОВА", ["Input.JobTitle"] = "Финансов директор", ["Input.Email"] = "", ["Input.Phone"] = "",
            ["Input.Role"] = "Signatory", ["Input.Version"] = "0",
        };

        var warned = await RapportApp.PostFormAsync(client, $"/accounts/{account}/contacts/new", "contact-new", fields);
        var page = await warned.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Similar records already exist", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/contacts/{existing}\">Даниела Петкова</a>", page, StringComparison.Ordinal);
        Assert.Contains("Same name", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Финансов директор\"", page, StringComparison.Ordinal);

        var created = await RapportApp.PostFormAsync(client, $"/accounts/{account}/contacts/new", "contact-new",
            new(fields) { ["LookAlikesSeen"] = SeenToken().Match(page).Groups[1].Value });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    [GeneratedRegex("name=\"LookAlikesSeen\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SeenToken();
}

public sealed class LookAlikesOnSqlite(SqliteApp app) : LookAlikesTests(app), IClassFixture<SqliteApp>;

public sealed class LookAlikesOnPostgres(PostgresApp app) : LookAlikesTests(app), IClassFixture<PostgresApp>;
