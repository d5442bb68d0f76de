using System.Net;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// The forecast through the API and its page: won through the splits, commit, best case, pipeline and weighted per
/// month and quarter against the quota, every figure a link to its deals, the weekly snapshot and the deals that
/// moved the forecast since, and whose forecast each person may read.
/// </summary>
public abstract class ForecastTests(RapportApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly SalesPeriod Quarter = SalesPeriod.Of(PeriodKind.Quarter, Today);
    private static readonly SalesPeriod Month = SalesPeriod.Of(PeriodKind.Month, Today);

    private sealed record Seller(Guid Id, HttpClient Api, HttpClient Pages);

    private async Task<Seller> SellerAsync(Guid? team, string role = Roles.AccountManager)
    {
        var id = await app.CreateEmployeeAsync(app.Unique("Продавач "), team);
        return await SignInAsync(id, role);
    }

    private async Task<Seller> SignInAsync(Guid id, string role)
    {
        var (user, email) = await app.CreateUserAsync(id, role);
        return new Seller(id, await app.ApiClientForAsync(user), await app.SignedInClientAsync(email));
    }

    private async Task<(Guid Team, Seller Head, Seller Me, Seller Colleague)> TeamAsync()
    {
        var headId = await app.CreateEmployeeAsync(app.Unique("Ръководител "));
        var team = await app.CreateTeamAsync(app.Unique("Екип "), headId);
        return (team, await SignInAsync(headId, Roles.HeadOfSales), await SellerAsync(team), await SellerAsync(team));
    }

    private async Task<DealDetails> DealAsync(Seller seller, string title, decimal amount, Guid stage, ForecastCategory forecast)
    {
        var account = await (await seller.Api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Клиент ") })).ReadAsync<AccountDetails>(HttpStatusCode.Created);
        return await (await seller.Api.PostJsonAsync("/api/v1/deals", new DealInput
        {
            AccountId = account.Id, Title = title, Amount = amount, StageId = stage, Forecast = forecast, ExpectedCloseOn = Today,
        })).ReadAsync<DealDetails>(HttpStatusCode.Created);
    }

    private static async Task<DealDetails> WinAsync(HttpClient client, DealDetails deal) =>
        await (await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = Today, Version = deal.Version })).ReadAsync<DealDetails>();

    /// <summary>Won 5,000 split 60/40 with the colleague; open: commit 8,000 at 50 %, best case 2,000 at 10 %, pipeline 1,000 at 75 %; a month quota of 20,000.</summary>
    private async Task<(Guid Team, Seller Head, Seller Me, Seller Colleague, DealDetails Commit)> ForecastAsync()
    {
        var (team, head, me, colleague) = await TeamAsync();
        var won = await DealAsync(me, app.Unique("Спечелена "), 5_000m, DealDefaults.ProposalId, ForecastCategory.Commit);
        won = await (await me.Api.PutJsonAsync($"/api/v1/deals/{won.Id}/splits", new SplitsInput
        {
            Splits = [new SplitInput { EmployeeId = me.Id, Percent = 60 }, new SplitInput { EmployeeId = colleague.Id, Percent = 40 }], Version = won.Version,
        })).ReadAsync<DealDetails>();
        await WinAsync(me.Api, won);
        var commit = await DealAsync(me, app.Unique("Сигурна "), 8_000m, DealDefaults.ProposalId, ForecastCategory.Commit);
        await DealAsync(me, app.Unique("Възможна "), 2_000m, DealDefaults.QualificationId, ForecastCategory.BestCase);
        await DealAsync(me, app.Unique("Фуния "), 1_000m, DealDefaults.NegotiationId, ForecastCategory.Pipeline);
        (await head.Api.PutJsonAsync("/api/v1/quotas", new QuotaInput { EmployeeId = me.Id, Period = Month.Code, Amount = 20_000m })).EnsureSuccessStatusCode();
        return (team, head, me, colleague, commit);
    }

    [Fact]
    public async Task A_team_s_forecast_read_a_moment_ago_counts_a_deal_won_since()
    {
        var (team, head, me, _, commit) = await ForecastAsync();
        async Task<ForecastRow> TeamQuarterAsync() =>
            (await (await head.Api.GetAsync($"/api/v1/forecast?teamId={team}&period={Quarter.Code}")).ReadAsync<ForecastView>()).Total;

        Assert.Equal((5_000m, 8_000m), ((await TeamQuarterAsync()).Won, (await TeamQuarterAsync()).Commit));

        // A team's sums are kept between reads like the company's; the win commits a change of credits, so the next read counts it.
        await WinAsync(me.Api, commit);
        var after = await TeamQuarterAsync();
        Assert.Equal((13_000m, 0m), (after.Won, after.Commit));
    }

    [Fact]
    public async Task A_manager_s_month_shows_won_through_the_split_the_owner_s_calls_weighted_and_attainment_of_the_quota()
    {
        var (team, head, me, colleague, _) = await ForecastAsync();

        var mine = await (await me.Api.GetAsync("/api/v1/forecast")).ReadAsync<ForecastView>();
        Assert.Equal((ScopeKind.Employee, me.Id, Quarter.Code), (mine.ScopeKind, mine.ScopeId, mine.Period));
        var month = mine.Months.Single(m => m.Period == Month.Code);
        Assert.Equal((3_000m, 8_000m, 2_000m, 1_000m), (month.Won, month.Commit, month.BestCase, month.Pipeline));
        Assert.Equal(4_000m + 200m + 750m, month.Weighted);
        Assert.Equal((20_000m, 15.0m), (month.Quota, month.Attainment));
        Assert.Equal((3_000m, 20_000m), (mine.Total.Won, mine.Total.Quota));

        var theirs = await (await head.Api.GetAsync($"/api/v1/forecast?employeeId={colleague.Id}")).ReadAsync<ForecastView>();
        Assert.Equal(2_000m, theirs.Months.Single(m => m.Period == Month.Code).Won);
        var teamView = await (await head.Api.GetAsync($"/api/v1/forecast?teamId={team}&period={Quarter.Start.Year}")).ReadAsync<ForecastView>();
        Assert.Equal(12, teamView.Months.Count);
        Assert.Equal(4, teamView.Quarters.Count);
        Assert.Equal((5_000m, 8_000m, 20_000m, 25.0m), (teamView.Total.Won, teamView.Total.Commit, teamView.Total.Quota, teamView.Total.Attainment));
        var byDefault = await (await head.Api.GetAsync("/api/v1/forecast")).ReadAsync<ForecastView>();
        Assert.Equal((ScopeKind.Team, team), (byDefault.ScopeKind, byDefault.ScopeId));

        var page = await me.Pages.GetStringAsync("/deals/forecast");
        Assert.Contains("Forecast", page, StringComparison.Ordinal);
        Assert.Contains("Best case", page, StringComparison.Ordinal);
        Assert.Contains("8,000.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("4,950.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("15 %", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var commitLink = $"/deals?credited={me.Id}&amp;from={Month.Start:yyyy-MM-dd}&amp;to={Month.End:yyyy-MM-dd}&amp;outcome=Open&amp;forecast=Commit";
        Assert.Contains(commitLink, page, StringComparison.Ordinal);
        var bulgarian = await me.Pages.GetStringAsync("/deals/forecast?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Прогноза", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Сигурна", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Претеглено", bulgarian, StringComparison.Ordinal);
        Assert.Contains("15 %", bulgarian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_figure_links_to_the_deals_behind_it_and_the_deal_list_shows_just_those()
    {
        var (_, _, me, colleague, commit) = await ForecastAsync();
        var list = await me.Pages.GetStringAsync($"/deals?credited={me.Id}&from={Month.Start:yyyy-MM-dd}&to={Month.End:yyyy-MM-dd}&outcome=Open&forecast=Commit");
        Assert.Contains(commit.Title, list, StringComparison.Ordinal);
        Assert.DoesNotContain("Възможна", list, StringComparison.Ordinal);
        var won = await colleague.Pages.GetStringAsync($"/deals?credited={colleague.Id}&from={Month.Start:yyyy-MM-dd}&to={Month.End:yyyy-MM-dd}&outcome=Won");
        Assert.Contains("Спечелена", won, StringComparison.Ordinal);
        var api = await (await colleague.Api.GetAsync($"/api/v1/deals?creditedTo={colleague.Id}&outcome=Won")).ReadAsync<Page<DealRow>>();
        Assert.Equal(5_000m, Assert.Single(api.Items).AmountBase);
    }

    [Fact]
    public async Task Nobody_reads_the_forecast_of_someone_outside_what_they_may_see()
    {
        var (team, head, me, colleague, _) = await ForecastAsync();
        var other = await TeamAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await me.Api.GetAsync($"/api/v1/forecast?employeeId={colleague.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Api.GetAsync($"/api/v1/forecast?teamId={team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Pages.GetAsync($"/deals/forecast?scope=employee-{colleague.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Api.GetAsync($"/api/v1/forecast?teamId={other.Team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Api.GetAsync($"/api/v1/forecast?employeeId={other.Me.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Pages.GetAsync($"/deals/forecast?scope=team-{other.Team}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.Api.PostAsync("/api/v1/forecast/snapshots", null)).StatusCode);

        var finance = await app.ApiClientAsync(null, Roles.Finance);
        var company = await (await finance.GetAsync("/api/v1/forecast")).ReadAsync<ForecastView>();
        Assert.Equal(ScopeKind.Company, company.ScopeKind);
        Assert.True(company.Months.Single(m => m.Period == Month.Code).Won >= 5_000m);
    }

    [Fact]
    public async Task The_weekly_snapshot_is_taken_once_and_the_page_shows_how_the_forecast_moved_and_which_deal_moved_it()
    {
        var (_, head, me, _, commit) = await ForecastAsync();
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var first = await (await admin.PostAsync("/api/v1/forecast/snapshots", null)).ReadAsync<SnapshotResult>();
        var again = await (await head.Api.PostAsync("/api/v1/forecast/snapshots", null)).ReadAsync<SnapshotResult>();
        Assert.True(first.Taken);
        Assert.False(again.Taken);
        Assert.Equal((first.Week, first.TakenAt), (again.Week, again.TakenAt.ToUniversalTime()));
        Assert.Equal(DayOfWeek.Monday, first.Week.DayOfWeek);

        var won = await WinAsync(me.Api, commit);
        var view = await (await me.Api.GetAsync("/api/v1/forecast")).ReadAsync<ForecastView>();
        var change = view.Change!;
        Assert.Equal((3_000m, 8_000m), (change.Won, change.Commit));
        Assert.Equal((8_000m, -8_000m, -4_000m), (change.WonChange, change.CommitChange, change.WeightedChange));
        var move = Assert.Single(change.Moves);
        Assert.Equal((won.Number, DealEventKind.Won), (move.Number, move.Kind));

        var page = await me.Pages.GetStringAsync("/deals/forecast");
        Assert.Contains("Change since the snapshot of", page, StringComparison.Ordinal);
        var delta = page[page.IndexOf("data-testid=\"forecast-delta\"", StringComparison.Ordinal)..];
        delta = delta[..delta.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("8,000.00 EUR</td>", delta, StringComparison.Ordinal);
        Assert.Contains("-8,000.00 EUR</td>", delta, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"move-{won.Number}\"", page, StringComparison.Ordinal);
        var bulgarian = await me.Pages.GetStringAsync("/deals/forecast?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Промяна от снимката на", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Сделки, които я промениха", bulgarian, StringComparison.Ordinal);
    }

    private sealed record SnapshotResult(bool Taken, DateOnly Week, DateTime TakenAt);
}

public sealed class ForecastOnSqlite(SqliteApp app) : ForecastTests(app), IClassFixture<SqliteApp>;

public sealed class ForecastOnPostgres(PostgresApp app) : ForecastTests(app), IClassFixture<PostgresApp>;
