using System.Net;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class TeamsAndSettingsApiTests(RapportApp app)
{
    [Fact]
    public async Task Team_names_are_unique_whatever_their_case()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var name = app.Unique("Търговски екип ");
        (await admin.PostJsonAsync("/api/v1/teams", new TeamInput { Name = name })).EnsureSuccessStatusCode();

        var duplicate = await admin.PostJsonAsync("/api/v1/teams", new TeamInput { Name = name.ToUpperInvariant() });
        var errors = (await duplicate.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_team_with_members_cannot_be_deleted_but_an_empty_one_can()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var team = await (await admin.PostJsonAsync("/api/v1/teams", new TeamInput { Name = app.Unique("Delete me ") }))
            .ReadAsync<TeamRow>(HttpStatusCode.Created);
        var member = await app.CreateEmployeeAsync(app.Unique("Member "), teamId: team.Id);

        await (await admin.DeleteAsync($"/api/v1/teams/{team.Id}?version={team.Version}")).ProblemAsync(HttpStatusCode.Conflict);

        var employee = await (await admin.GetAsync($"/api/v1/employees/{member}")).ReadAsync<EmployeeDetails>();
        var moved = employee.ToInput();
        moved.TeamId = null;
        (await admin.PutJsonAsync($"/api/v1/employees/{member}", moved)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{team.Id}?version={team.Version}")).StatusCode);
        await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_bulgarian_minimum_wage_is_seeded_as_effective_dated_data()
    {
        var client = await app.ApiClientAsync(null, Roles.Finance);

        var in2025 = await (await client.GetAsync("/api/v1/settings/parameters/in-force?country=bg&kind=MinimumMonthlyWage&on=2025-07-01"))
            .ReadAsync<ParameterRow>();
        Assert.Equal((1077m, "BGN"), (in2025.Value, in2025.Currency));

        var in2026 = await (await client.GetAsync("/api/v1/settings/parameters/in-force?country=BG&kind=MinimumMonthlyWage&on=2026-03-15"))
            .ReadAsync<ParameterRow>();
        Assert.Equal((620.20m, "EUR"), (in2026.Value, in2026.Currency));

        var rate = await (await client.GetAsync("/api/v1/settings/parameters/in-force?country=BG&kind=FixedEuroRate&on=2026-01-01"))
            .ReadAsync<ParameterRow>();
        Assert.Equal(1.95583m, rate.Value);

        await (await client.GetAsync("/api/v1/settings/parameters/in-force?country=BG&kind=MinimumMonthlyWage&on=2019-01-01"))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_value_takes_over_from_its_date_and_closes_the_previous_one()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        // A country of its own, so the values of other tests in this database do not interfere.
        var others = Countries.Codes.Where(c => c != "BG").Order(StringComparer.Ordinal).ToList();
        var country = others[Random.Shared.Next(others.Count)];
        var first = new ParameterInput { CountryCode = country, Kind = ParameterKind.MinimumMonthlyWage, ValidFrom = new DateOnly(2026, 1, 1), Value = 800m, Currency = "EUR" };
        var second = new ParameterInput { CountryCode = country, Kind = ParameterKind.MinimumMonthlyWage, ValidFrom = new DateOnly(2026, 7, 1), Value = 850.50m, Currency = "EUR" };
        (await admin.PostJsonAsync("/api/v1/settings/parameters", first)).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync("/api/v1/settings/parameters", second)).EnsureSuccessStatusCode();

        var rows = await (await admin.GetAsync($"/api/v1/settings/parameters?country={country}")).ReadAsync<List<ParameterRow>>();
        Assert.Equal(new DateOnly(2026, 6, 30), rows[0].ValidUntil);
        Assert.Null(rows[1].ValidUntil);
        var july = await (await admin.GetAsync($"/api/v1/settings/parameters/in-force?country={country}&kind=MinimumMonthlyWage&on=2026-07-01"))
            .ReadAsync<ParameterRow>();
        Assert.Equal(850.50m, july.Value);

        var duplicate = await admin.PostJsonAsync("/api/v1/settings/parameters", second);
        Assert.True((await duplicate.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("validFrom", out _));
    }

    [Fact]
    public async Task Only_administrators_change_settings()
    {
        var finance = await app.ApiClientAsync(null, Roles.Finance);
        var parameter = new ParameterInput { CountryCode = "BG", Kind = ParameterKind.MinimumMonthlyWage, ValidFrom = new DateOnly(2030, 1, 1), Value = 1m, Currency = "EUR" };
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostJsonAsync("/api/v1/settings/parameters", parameter)).StatusCode);
        var organisation = new OrganisationInput { Name = "Taken over", CountryCode = "BG", BaseCurrency = "EUR" };
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PutJsonAsync("/api/v1/settings/organisation", organisation)).StatusCode);
    }

    [Fact]
    public async Task A_stale_organisation_edit_is_a_conflict()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var current = await (await admin.GetAsync("/api/v1/settings/organisation")).ReadAsync<OrganisationDetails>();
        var input = new OrganisationInput { Name = "Акме ООД", CountryCode = "bg", BaseCurrency = "eur", Version = current.Version };

        var saved = await (await admin.PutJsonAsync("/api/v1/settings/organisation", input)).ReadAsync<OrganisationDetails>();
        Assert.Equal(("Акме ООД", "BG", "EUR"), (saved.Name, saved.CountryCode, saved.BaseCurrency));
        await (await admin.PutJsonAsync("/api/v1/settings/organisation", input)).ProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class TeamsAndSettingsApiOnSqlite(SqliteApp app) : TeamsAndSettingsApiTests(app), IClassFixture<SqliteApp>;

public sealed class TeamsAndSettingsApiOnPostgres(PostgresApp app) : TeamsAndSettingsApiTests(app), IClassFixture<PostgresApp>;
