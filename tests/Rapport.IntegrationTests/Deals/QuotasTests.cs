using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// Quotas through the API and their page: who sets whose (heads of sales their team's, administrators anyone's,
/// nobody their own), bad input beside its field with nothing saved, the team's quota as the sum of its people's,
/// and attainment as the won amount credited in the period over the quota.
/// </summary>
public abstract class QuotasTests(RapportApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly SalesPeriod Quarter = SalesPeriod.Of(PeriodKind.Quarter, Today);
    private static readonly SalesPeriod Month = SalesPeriod.Of(PeriodKind.Month, Today);

    /// <summary>A team with its head and two account managers, each with an API client; the head also signed in to the pages.</summary>
    private async Task<Team> TeamAsync()
    {
        var head = await app.CreateEmployeeAsync(app.Unique("Ръководител "));
        var teamId = await app.CreateTeamAsync(app.Unique("Екип "), head);
        var (headUser, headEmail) = await app.CreateUserAsync(head, Roles.HeadOfSales);
        var first = await app.CreateEmployeeAsync(app.Unique("Първи "), teamId);
        var second = await app.CreateEmployeeAsync(app.Unique("Втори "), teamId);
        return new Team(teamId, head, await app.ApiClientForAsync(headUser), await app.SignedInClientAsync(headEmail),
            first, await app.ApiClientAsync(first, Roles.AccountManager), second, await app.ApiClientAsync(second, Roles.AccountManager));
    }

    private sealed record Team(Guid Id, Guid Head, HttpClient HeadApi, HttpClient HeadPages, Guid First, HttpClient FirstApi, Guid Second, HttpClient SecondApi);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid employee, string period, decimal? amount, int? newDeals = null, long version = 0) =>
        client.PutJsonAsync("/api/v1/quotas", new QuotaInput { EmployeeId = employee, Period = period, Amount = amount, NewDeals = newDeals, Version = version });

    private static string FieldError(JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateObject().First(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString()!;

    private async Task WinAsync(HttpClient client, decimal amount)
    {
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Клиент ") })).ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var deal = await (await client.PostJsonAsync("/api/v1/deals", new DealInput
        {
            AccountId = account.Id, Title = "Лиценз", Amount = amount, ExpectedCloseOn = Today,
        })).ReadAsync<DealDetails>(HttpStatusCode.Created);
        (await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = Today, Version = deal.Version })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_head_of_sales_sets_the_team_s_quotas_and_the_team_quota_is_their_sum_with_attainment_from_credited_wins()
    {
        var team = await TeamAsync();
        var quarterly = await (await PutAsync(team.HeadApi, team.First, Quarter.Code, 30_000m, 2)).ReadAsync<QuotaRow>();
        Assert.Equal((PeriodKind.Quarter, Quarter.Start, Quarter.End, 30_000m, 2), (quarterly.Kind, quarterly.Start, quarterly.End, quarterly.Amount, quarterly.NewDeals));
        await (await PutAsync(team.HeadApi, team.Second, Month.Code, 10_000m)).ReadAsync<QuotaRow>();

        await WinAsync(team.FirstApi, 12_000m);
        var mine = await (await team.FirstApi.GetAsync($"/api/v1/quotas/{quarterly.Id}")).ReadAsync<QuotaRow>();
        Assert.Equal((12_000m, 1, 40.0m), (mine.Won, mine.NewDealsWon, mine.Attainment));

        var rollup = await (await team.HeadApi.GetAsync($"/api/v1/quotas/rollup?teamId={team.Id}&period={Quarter.Code}")).ReadAsync<ScopeQuota>();
        Assert.Equal((40_000m, 12_000m, 30.0m), (rollup.Amount, rollup.Won, rollup.Attainment));
        Assert.Equal(30_000m, rollup.Members.Single(m => m.EmployeeId == team.First).Amount);

        // The month alone: a third of the quarter quota (to the cent) and the month's own quota.
        var month = await (await team.HeadApi.GetAsync($"/api/v1/quotas/rollup?teamId={team.Id}&period={Month.Code}")).ReadAsync<ScopeQuota>();
        Assert.Equal(10_000m + 10_000m, month.Amount);

        // Changing a quota takes the version read; a stale one is refused.
        await (await PutAsync(team.HeadApi, team.First, Quarter.Code, 36_000m, 2, version: quarterly.Version + 7)).ProblemAsync(HttpStatusCode.Conflict);
        var changed = await (await PutAsync(team.HeadApi, team.First, Quarter.Code, 36_000m, 2, quarterly.Version)).ReadAsync<QuotaRow>();
        Assert.Equal((quarterly.Id, 36_000m), (changed.Id, changed.Amount));

        var page = await team.HeadPages.GetStringAsync($"/deals/quotas?period={Quarter.Code}");
        Assert.Contains("Quotas", page, StringComparison.Ordinal);
        Assert.Contains("46,000.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"attainment-total\">26.1 %", page, StringComparison.Ordinal);
        Assert.Contains($"credited={team.First}", page, StringComparison.Ordinal);
        var bulgarian = await team.HeadPages.GetStringAsync($"/deals/quotas?period={Quarter.Code}&culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Планове", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Изпълнение", bulgarian, StringComparison.Ordinal);
        Assert.Contains("26,1 %", bulgarian, StringComparison.Ordinal);
        Assert.Contains($"{Quarter.Quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" }} тримесечие {Quarter.Start.Year} г.", bulgarian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_sets_their_own_quota_a_head_not_another_team_s_and_a_manager_reads_only_their_own()
    {
        var team = await TeamAsync();
        var other = await TeamAsync();

        await (await PutAsync(team.FirstApi, team.First, Quarter.Code, 1m)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PutAsync(team.FirstApi, team.Second, Quarter.Code, 1m)).ProblemAsync(HttpStatusCode.Forbidden);
        var own = await (await PutAsync(team.HeadApi, team.Head, Quarter.Code, 1m)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("your own quota", own.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await PutAsync(team.HeadApi, other.First, Quarter.Code, 1m)).ProblemAsync(HttpStatusCode.Forbidden);

        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var set = await (await PutAsync(admin, other.First, Quarter.Code, 5_000m)).ReadAsync<QuotaRow>();
        Assert.Equal(HttpStatusCode.NotFound, (await team.FirstApi.GetAsync($"/api/v1/quotas/{set.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.HeadApi.GetAsync($"/api/v1/quotas/{set.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.HeadApi.GetAsync($"/api/v1/quotas/{set.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.FirstApi.GetAsync($"/api/v1/quotas/{set.Id}")).StatusCode);
        Assert.DoesNotContain(await (await team.FirstApi.GetAsync("/api/v1/quotas")).ReadAsync<List<QuotaRow>>(), q => q.Id == set.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await team.FirstApi.GetAsync($"/api/v1/quotas/rollup?teamId={team.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.HeadApi.GetAsync($"/api/v1/quotas/rollup?teamId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.HeadPages.GetAsync($"/deals/quotas?scope=team-{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.HeadPages.GetAsync($"/deals/quotas?scope=employee-{other.First}")).StatusCode);
    }

    [Fact]
    public async Task Bad_quotas_are_refused_beside_their_field_and_nothing_is_saved()
    {
        var team = await TeamAsync();
        await (await PutAsync(team.HeadApi, team.First, Quarter.Code, 9_000m)).ReadAsync<QuotaRow>();
        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Set<Quota>().CountAsync());

        Assert.Contains("negative", FieldError(await (await PutAsync(team.HeadApi, team.Second, Quarter.Code, -1m)).ProblemAsync(HttpStatusCode.BadRequest), "Amount"),
            StringComparison.Ordinal);
        Assert.Equal("There is no such employee.",
            FieldError(await (await PutAsync(team.HeadApi, Guid.NewGuid(), Quarter.Code, 1m)).ProblemAsync(HttpStatusCode.BadRequest), "EmployeeId"));
        Assert.Contains("overlaps this period", FieldError(await (await PutAsync(team.HeadApi, team.First, Month.Code, 1m)).ProblemAsync(HttpStatusCode.BadRequest), "Period"),
            StringComparison.Ordinal);
        Assert.Contains("2026-Q1", FieldError(await (await PutAsync(team.HeadApi, team.First, "2026", 1m)).ProblemAsync(HttpStatusCode.BadRequest), "Period"),
            StringComparison.Ordinal);

        // On the page: the team's form with one good row and one negative one saves neither and says why beside the field.
        var posted = await RapportApp.PostFormAsync(team.HeadPages, $"/deals/quotas?period={Month.Code}&scope=team-{team.Id}", "quotas", new()
        {
            ["Form.Rows[0].EmployeeId"] = team.Second.ToString(), ["Form.Rows[0].Period"] = Month.Code, ["Form.Rows[0].Version"] = "0",
            ["Form.Rows[0].Amount"] = "500",
            ["Form.Rows[1].EmployeeId"] = team.Head.ToString(), ["Form.Rows[1].Period"] = Month.Code, ["Form.Rows[1].Version"] = "0",
            ["Form.Rows[1].Amount"] = "-5",
        });
        var shown = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("The amount cannot be negative.", shown, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Set<Quota>().CountAsync()));

        var saved = await RapportApp.PostFormAsync(team.HeadPages, $"/deals/quotas?period={Month.Code}&scope=team-{team.Id}", "quotas", new()
        {
            ["Form.Rows[0].EmployeeId"] = team.Second.ToString(), ["Form.Rows[0].Period"] = Month.Code, ["Form.Rows[0].Version"] = "0",
            ["Form.Rows[0].Amount"] = "500",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Set<Quota>().CountAsync()));
        _ = CultureInfo.InvariantCulture;
    }
}

public sealed class QuotasOnSqlite(SqliteApp app) : QuotasTests(app), IClassFixture<SqliteApp>;

public sealed class QuotasOnPostgres(PostgresApp app) : QuotasTests(app), IClassFixture<PostgresApp>;
