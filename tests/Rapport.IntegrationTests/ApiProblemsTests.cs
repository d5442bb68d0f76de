using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// What an API client reads when a request goes wrong: always problem details, fields named as the JSON names them,
/// and what a field takes when its value could not be read.
/// </summary>
public abstract class ApiProblemsTests(RapportApp app)
{
    private static StringContent JsonBody(string json, string contentType = "application/json")
    {
        var content = new StringContent(json);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private async Task<(HttpClient Client, Guid Account)> ManagerWithAccountAsync()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        var client = await app.ApiClientAsync(employee, Roles.AccountManager);
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Клиент ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        return (client, account.Id);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

    [Fact]
    public async Task Null_participant_lists_mean_nobody_besides_the_logging_manager()
    {
        var (client, account) = await ManagerWithAccountAsync();

        foreach (var list in new[] { "employeeIds", "contactIds" })
        {
            var response = await client.PostAsync("/api/v1/interactions",
                JsonBody($$"""{"accountId":"{{account}}","subject":"Обаждане","{{list}}":null}"""));
            var logged = await response.ReadAsync<TimelineItem>(HttpStatusCode.Created);
            Assert.Equal("Обаждане", logged.Subject);
            Assert.Single(logged.OurPeople);
        }
    }

    [Fact]
    public async Task A_charset_dotnet_cannot_decode_is_refused_as_415_on_post_and_put()
    {
        var (client, account) = await ManagerWithAccountAsync();
        const string type = "application/json; charset=nonsense";

        var post = await client.PostAsync("/api/v1/accounts", JsonBody("""{"name":"Charset"}""", type));
        var problem = await post.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("nonsense", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var put = await client.PutAsync($"/api/v1/accounts/{account}", JsonBody("""{"name":"Charset"}""", type));
        await put.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_415_naming_the_media_type_wanted()
    {
        var (client, _) = await ManagerWithAccountAsync();
        var response = await client.PostAsync("/api/v1/accounts", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_that_tells_nothing_of_the_code()
    {
        var (userId, _) = await app.CreateUserAsync(null, Roles.Administrator);
        const string secret = "Connection to db-7 refused with password hunter2";
        using var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddScoped<SettingsHandlers>(_ => throw new InvalidOperationException(secret))));
        var token = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<Rapport.Identity.ApiTokenHandlers>().CreateAsync(userId, new() { Name = "tests" })).Value);
        var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var organisation = new OrganisationInput { Name = "Акме", CountryCode = "BG", BaseCurrency = "EUR" };
        var parameter = new ParameterInput { CountryCode = "BG", Kind = ParameterKind.MinimumMonthlyWage, ValidFrom = new DateOnly(2031, 1, 1), Value = 1m, Currency = "EUR" };

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/v1/settings/organisation"),
            () => client.PutJsonAsync("/api/v1/settings/organisation", organisation),
            () => client.PostJsonAsync("/api/v1/settings/parameters", parameter),
        })
        {
            var response = await request();
            var body = await response.Content.ReadAsStringAsync();
            var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
            Assert.Equal(500, problem.GetProperty("status").GetInt32());
            Assert.True(problem.TryGetProperty("traceId", out _), body);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Rapport.", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Problems_are_json_even_to_a_client_that_asks_for_html()
    {
        app.EnsureAvailable();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var anonymous = await client.GetAsync("/api/v1/me");
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);

        var finance = await app.ApiClientAsync(null, Roles.Finance);
        finance.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await (await finance.GetAsync("/api/v1/accounts")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await finance.GetAsync("/api/v1/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Field_errors_are_named_as_the_json_names_them()
    {
        var (client, account) = await ManagerWithAccountAsync();

        var annotated = await ErrorsAsync(await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = "", CountryCode = "Bulgaria" }));
        Assert.Equal(["countryCode", "name"], annotated.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var byHandler = await ErrorsAsync(await client.PostJsonAsync("/api/v1/accounts",
            new AccountInput { Name = app.Unique("Грешен ЕИК "), RegistrationNumber = "123456787" }));
        Assert.Equal(["registrationNumber"], byHandler.EnumerateObject().Select(p => p.Name));

        var nested = await ErrorsAsync(await client.PostJsonAsync($"/api/v1/accounts/{account}/contacts",
            new ContactInput { FullName = "Петя", Emails = ["petya@example.bg", "not an address"] }));
        Assert.Equal(["emails[1]"], nested.EnumerateObject().Select(p => p.Name));

        var interaction = await ErrorsAsync(await client.PostJsonAsync("/api/v1/interactions",
            new InteractionInput { AccountId = account, Subject = "Среща", ContactIds = [Guid.NewGuid()] }));
        Assert.Equal(["contactIds"], interaction.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_unknown_enum_value_names_the_field_and_the_values_it_takes()
    {
        var (client, _) = await ManagerWithAccountAsync();

        var errors = await ErrorsAsync(await client.PostAsync("/api/v1/accounts", JsonBody("""{"name":"Enum","size":"Huge"}""")));

        var message = Assert.Single(errors.GetProperty("size").EnumerateArray()).GetString();
        Assert.Equal("Expected one of Micro, Small, Medium, Large.", message);
    }

    [Fact]
    public async Task An_enum_given_as_a_number_is_refused_like_an_unknown_name()
    {
        var (client, _) = await ManagerWithAccountAsync();

        var errors = await ErrorsAsync(await client.PostAsync("/api/v1/accounts", JsonBody("""{"name":"Enum","size":99}""")));

        Assert.True(errors.TryGetProperty("size", out _), errors.ToString());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field_even_inside_a_list_in_bulgarian_too()
    {
        var (client, account) = await ManagerWithAccountAsync();

        var text = await ErrorsAsync(await client.PostAsync("/api/v1/accounts", JsonBody("""{"name":5}""")));
        Assert.Equal("Expected text (a JSON string).", text.GetProperty("name")[0].GetString());

        var element = await ErrorsAsync(await client.PostAsync($"/api/v1/accounts/{account}/contacts",
            JsonBody("""{"fullName":"Петя","emails":["petya@example.bg",5]}""")));
        Assert.Equal(["emails[1]"], element.EnumerateObject().Select(p => p.Name));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/interactions")
        {
            Content = JsonBody($$"""{"accountId":"{{account}}","subject":"x","employeeIds":["not-a-guid"]}"""),
        };
        request.Headers.AcceptLanguage.ParseAdd("bg-BG");
        var id = await ErrorsAsync(await client.SendAsync(request));
        Assert.Equal("Очаква се идентификатор (UUID).", id.GetProperty("employeeIds[0]")[0].GetString());
    }

    [Fact]
    public async Task Truncated_json_is_a_problem_that_says_where_it_broke()
    {
        var (client, _) = await ManagerWithAccountAsync();

        var problem = await (await client.PostAsync("/api/v1/accounts", JsonBody("""{"name":"Trunc"""))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("The request body is not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_names_the_parameter_and_what_it_takes()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);

        var status = await ErrorsAsync(await admin.GetAsync("/api/v1/employees?status=Retired"));
        Assert.Equal("Expected one of Active, Left.", status.GetProperty("status")[0].GetString());

        var size = await ErrorsAsync(await admin.GetAsync("/api/v1/employees?size=many"));
        Assert.Equal("Expected a whole number.", size.GetProperty("size")[0].GetString());

        var team = await app.CreateTeamAsync(app.Unique("Екип "));
        var missing = await ErrorsAsync(await admin.DeleteAsync($"/api/v1/teams/{team}"));
        Assert.Equal("This value is required: a whole number.", missing.GetProperty("version")[0].GetString());
    }

    [Fact]
    public async Task A_missing_or_null_body_is_a_problem()
    {
        var (client, _) = await ManagerWithAccountAsync();

        var empty = await client.PostAsync("/api/v1/accounts", JsonBody(""));
        Assert.Equal("The request needs a JSON object as its body.", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        var nothing = await client.PostAsync("/api/v1/accounts", JsonBody("null"));
        await nothing.ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class ApiProblemsOnSqlite(SqliteApp app) : ApiProblemsTests(app), IClassFixture<SqliteApp>;

public sealed class ApiProblemsOnPostgres(PostgresApp app) : ApiProblemsTests(app), IClassFixture<PostgresApp>;
