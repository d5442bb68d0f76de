using System.Net;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>The server-rendered pages through HTTP, as a browser without script would use them.</summary>
public abstract class PagesTests(RapportApp app)
{
    [Fact]
    public async Task An_administrator_adds_an_employee_through_the_form()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(email);
        var name = app.Unique("Калоян Маринов ");

        var response = await RapportApp.PostFormAsync(client, "/people/employees/new", "employee-new", new()
        {
            ["Input.FullName"] = name, ["Input.Email"] = "", ["Input.EmploymentStart"] = "2025-04-01", ["Input.Capacity"] = "0.5",
            ["Input.Status"] = "Active", ["Input.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains(name, page, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/people/employees?q=" + Uri.EscapeDataString(name.ToUpperInvariant()));
        Assert.Contains(name, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_form_that_edits_a_stored_record_opens_with_its_values()
    {
        // A page renders at every await; a form whose model is read from the database must not render before it is.
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(email);
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var team = await app.CreateTeamAsync(app.Unique("Екип "));
        var role = (await (await admin.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<ClientBase.BuyingRoleRow>>())[0];
        var parameter = (await (await admin.GetAsync("/api/v1/settings/parameters?country=BG")).ReadAsync<List<Settings.ParameterRow>>())[0];
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        var manager = await app.ApiClientAsync(employee, Roles.AccountManager);
        var account = await (await manager.PostJsonAsync("/api/v1/accounts", new ClientBase.AccountInput { Name = app.Unique("Форми ") }))
            .ReadAsync<ClientBase.AccountDetails>(HttpStatusCode.Created);
        var contact = await (await manager.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ClientBase.ContactInput { FullName = app.Unique("Ива ") }))
            .ReadAsync<ClientBase.ContactDetails>(HttpStatusCode.Created);

        foreach (var (url, expected) in new[]
        {
            ("/settings/organisation", "name=\"Input.Name\""),
            ($"/settings/parameters/{parameter.Id}", "name=\"Input.Value\""),
            ($"/settings/buying-roles/{role.Id}", $"value=\"{role.NameEn}\""),
            ($"/people/teams/{team}", "name=\"Input.Name\""),
            ($"/contacts/{contact.Id}/move", "name=\"Input.Role\""),
            ($"/contacts/{contact.Id}", "name=\"Input.FullName\""),
            ($"/accounts/{account.Id}?edit=true", "name=\"Input.Name\""),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_form_shows_messages_beside_the_fields_and_keeps_what_was_typed()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(email);

        var response = await RapportApp.PostFormAsync(client, "/people/employees/new", "employee-new", new()
        {
            ["Input.FullName"] = "", ["Input.Email"] = "typed-but-wrong", ["Input.EmploymentStart"] = "2025-04-01",
            ["Input.Capacity"] = "3", ["Input.Status"] = "Active",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("validation-message", html, StringComparison.Ordinal);
        Assert.Contains("value=\"typed-but-wrong\"", html, StringComparison.Ordinal);
        Assert.Contains("Full name is required.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_speak_bulgarian_after_the_switch_and_remember_it()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(email);

        var switched = await RapportApp.PostFormAsync(client, "/people/employees", null,
            new() { ["language"] = "bg", ["returnUrl"] = "/people/employees" }, action: "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await client.GetStringAsync("/people/employees");
        Assert.Contains("Служители", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"bg\"", html, StringComparison.Ordinal);

        var again = await app.SignedInClientAsync(email);
        Assert.Contains("Служители", await again.GetStringAsync("/people/employees"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Finance);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        string html = "";
        for (var i = 0; i < 5; i++)
        {
            var response = await RapportApp.PostFormAsync(client, "/account/login", "login",
                new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-Password-9" });
            html = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("locked", html, StringComparison.OrdinalIgnoreCase);
        var right = await RapportApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = RapportApp.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(email);
        var response = await client.PostAsync("/people/employees/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "employee-new", ["Input.FullName"] = "Forged", ["Input.EmploymentStart"] = "2025-01-01",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_neutralises_spreadsheet_formulas()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(email);
        var tag = app.Unique("csv");
        await app.CreateEmployeeAsync($"=HYPERLINK(\"http://evil\") {tag}");
        await app.CreateEmployeeAsync($"Нормален Служител {tag}");

        // Exactly what the filter form sends with "All" chosen everywhere.
        var response = await client.GetAsync($"/people/employees/export.csv?q={tag}&status=&team=&sort=Name");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"'=HYPERLINK(\"\"http://evil\"\") {tag}\"", csv, StringComparison.Ordinal);
        Assert.Contains($"Нормален Служител {tag}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/accounts/not-a-guid")]
    [InlineData("/accounts/019ac3a0-0000-7000-8000-00000000abcd")]
    public async Task An_unknown_address_answers_404_with_a_page_in_the_apps_shell(string url)
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.AccountManager);
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Areas\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_another_area_answers_403_with_a_page_in_the_apps_shell_in_the_readers_language()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Finance);
        var client = await app.SignedInClientAsync(email);
        await RapportApp.PostFormAsync(client, "/", null, new() { ["language"] = "bg", ["returnUrl"] = "/" }, action: "/culture");

        var redirect = await client.GetAsync("/accounts");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var response = await client.GetAsync(redirect.Headers.Location);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Достъпът е отказан</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Раздели\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_employee_page_is_not_found_for_an_account_manager()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Own "));
        var other = await app.CreateEmployeeAsync(app.Unique("Other "));
        var (_, email) = await app.CreateUserAsync(me, Roles.AccountManager);
        var client = await app.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/employees/{me}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/employees/{other}")).StatusCode);
    }
}

public sealed class PagesOnSqlite(SqliteApp app) : PagesTests(app), IClassFixture<SqliteApp>;

public sealed class PagesOnPostgres(PostgresApp app) : PagesTests(app), IClassFixture<PostgresApp>;
