using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// The performance ranking through the API, its page and its exports: new business, won value, growth against the
/// prior period and last year (none from an empty base), win rate, cycle, attainment, per unit of capacity, sorting,
/// links to the deals behind each figure, and whose ranking each person may read.
/// </summary>
public abstract class PerformanceTests(RapportApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly SalesPeriod Quarter = SalesPeriod.Of(PeriodKind.Quarter, Today);

    private sealed record Seller(Guid Id, string Name, HttpClient Api, HttpClient Pages);

    private async Task<Seller> SellerAsync(Guid? team, string role = Roles.AccountManager, string prefix = "Продавач ")
    {
        var name = app.Unique(prefix);
        var id = await app.CreateEmployeeAsync(name, team);
        var (user, email) = await app.CreateUserAsync(id, role);
        return new Seller(id, name, await app.ApiClientForAsync(user), await app.SignedInClientAsync(email));
    }

    private async Task<Guid> AccountAsync(Seller seller) =>
        (await (await seller.Api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Клиент ") })).ReadAsync<AccountDetails>(HttpStatusCode.Created)).Id;

    private static async Task<DealDetails> DealAsync(Seller seller, Guid account, decimal amount, string title = "Сделка") =>
        await (await seller.Api.PostJsonAsync("/api/v1/deals", new DealInput { AccountId = account, Title = title, Amount = amount, ExpectedCloseOn = Today }))
            .ReadAsync<DealDetails>(HttpStatusCode.Created);

    private static async Task WinAsync(Seller seller, DealDetails deal, DateOnly on) =>
        (await seller.Api.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = on, Version = deal.Version })).EnsureSuccessStatusCode();

    /// <summary>
    /// A: won 10,000 new business and 2,000 existing this quarter (one created 30 days ago), lost one, won 8,000 in the
    /// prior quarter, quarter quota 24,000. B, half time: won 3,000 new business this quarter.
    /// </summary>
    private async Task<(Guid Team, Seller Head, Seller A, Seller B)> RankingAsync()
    {
        var head = await SellerAsync(null, Roles.HeadOfSales, "Ръководител ");
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head.Id);
        var a = await SellerAsync(team, prefix: "Алфа ");
        var b = await SellerAsync(team, prefix: "Бета ");
        await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Employees.Where(e => e.Id == b.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Capacity, 0.5m)));

        var first = await AccountAsync(a);
        var big = await DealAsync(a, first, 10_000m, "Голяма");
        await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.Where(d => d.Id == big.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.CreatedAt, DateTime.UtcNow.AddDays(-30))));
        await WinAsync(a, big, Today);
        await WinAsync(a, await DealAsync(a, first, 2_000m, "Допълнителна"), Today);
        var lost = await DealAsync(a, await AccountAsync(a), 4_000m, "Загубена");
        var reasons = await (await a.Api.GetAsync("/api/v1/settings/lost-reasons")).ReadAsync<List<LostReasonRow>>();
        (await a.Api.PostJsonAsync($"/api/v1/deals/{lost.Id}/lose", new LoseInput { LostReasonId = reasons[0].Id, Version = lost.Version })).EnsureSuccessStatusCode();
        await WinAsync(a, await DealAsync(a, await AccountAsync(a), 8_000m, "Миналата"), Quarter.Prior.Start.AddDays(10));
        await WinAsync(b, await DealAsync(b, await AccountAsync(b), 3_000m, "Бетина"), Today);
        (await head.Api.PutJsonAsync("/api/v1/quotas", new QuotaInput { EmployeeId = a.Id, Period = Quarter.Code, Amount = 24_000m })).EnsureSuccessStatusCode();
        return (team, head, a, b);
    }

    [Fact]
    public async Task The_team_s_ranking_counts_new_business_growth_win_rate_cycle_and_attainment()
    {
        var (team, head, a, b) = await RankingAsync();
        var view = await (await head.Api.GetAsync($"/api/v1/performance?teamId={team}&period={Quarter.Code}&sort=Won")).ReadAsync<PerformanceView>();
        Assert.Equal((Quarter.Prior.Code, Quarter.YearEarlier.Code), (view.PriorPeriod, view.YearEarlierPeriod));
        Assert.Equal([a.Id, b.Id], view.Rows.Where(r => r.EmployeeId == a.Id || r.EmployeeId == b.Id).Select(r => r.EmployeeId));
        var ra = view.Rows.Single(r => r.EmployeeId == a.Id);
        Assert.Equal((1, 1m, 10_000m, 12_000m), (ra.Rank, ra.NewDeals, ra.NewValue, ra.Won));
        Assert.Equal((8_000m, 50.0m, 0m, (decimal?)null), (ra.Prior, ra.GrowthPrior, ra.YearEarlier, ra.GrowthYear));
        Assert.Equal((2, 1, 66.7m, 15.0), (ra.WonDeals, ra.LostDeals, ra.WinRate, ra.AverageCycleDays));
        Assert.Equal((24_000m, 50.0m), (ra.Quota, ra.Attainment));
        var rb = view.Rows.Single(r => r.EmployeeId == b.Id);
        Assert.Equal((0.5m, 3_000m, (decimal?)null, 100.0m), (rb.Capacity, rb.Won, rb.GrowthPrior, rb.WinRate));

        var perCapacity = await (await head.Api.GetAsync($"/api/v1/performance?teamId={team}&period={Quarter.Code}&perCapacity=true")).ReadAsync<PerformanceView>();
        var half = perCapacity.Rows.Single(r => r.EmployeeId == b.Id);
        Assert.Equal((2m, 6_000m, 6_000m, 100.0m), (half.NewDeals, half.NewValue, half.Won, half.WinRate));

        var ascending = await (await head.Api.GetAsync($"/api/v1/performance?teamId={team}&period={Quarter.Code}&sort=Won&asc=true")).ReadAsync<PerformanceView>();
        Assert.Equal([b.Id, a.Id], ascending.Rows.Where(r => r.EmployeeId == a.Id || r.EmployeeId == b.Id).Select(r => r.EmployeeId));

        var year = await (await head.Api.GetAsync($"/api/v1/performance?employeeId={a.Id}&period={Quarter.Start.Year}")).ReadAsync<PerformanceView>();
        Assert.Equal(Quarter.Prior.Start.Year == Quarter.Start.Year ? 20_000m : 12_000m, Assert.Single(year.Rows).Won);
    }

    [Fact]
    public async Task The_page_shows_the_figures_in_both_languages_links_them_to_their_deals_and_exports_them()
    {
        var (team, head, a, _) = await RankingAsync();
        var page = await head.Pages.GetStringAsync($"/deals/performance?scope=team-{team}&period={Quarter.Code}");
        Assert.Contains("Performance", page, StringComparison.Ordinal);
        Assert.Contains("Win rate", page, StringComparison.Ordinal);
        Assert.Contains(a.Name, page, StringComparison.Ordinal);
        Assert.Contains("12,000.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("50 %", page, StringComparison.Ordinal);
        Assert.Contains("66.7 %", page, StringComparison.Ordinal);
        Assert.Contains("15 days", page, StringComparison.Ordinal);
        Assert.Contains("of 8,000.00 EUR", page, StringComparison.Ordinal);
        var newLink = $"/deals?credited={a.Id}&amp;from={Quarter.Start:yyyy-MM-dd}&amp;to={Quarter.End:yyyy-MM-dd}&amp;outcome=Won&amp;business=new";
        Assert.Contains(newLink, page, StringComparison.Ordinal);
        var behind = await head.Pages.GetStringAsync(System.Net.WebUtility.HtmlDecode(newLink));
        Assert.Contains("Голяма", behind, StringComparison.Ordinal);
        Assert.DoesNotContain("Допълнителна", behind, StringComparison.Ordinal);

        var bulgarian = await head.Pages.GetStringAsync($"/deals/performance?scope=team-{team}&period={Quarter.Code}&culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Резултати", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Успеваемост", bulgarian, StringComparison.Ordinal);
        Assert.Contains("66,7 %", bulgarian, StringComparison.Ordinal);
        Assert.Contains("15 дни", bulgarian, StringComparison.Ordinal);
        Assert.Contains("На единица капацитет", bulgarian, StringComparison.Ordinal);

        var csv = await head.Pages.GetStringAsync($"/deals/performance/export.csv?scope=team-{team}&period={Quarter.Code}");
        Assert.Contains(a.Name, csv, StringComparison.Ordinal);
        Assert.Contains("Win rate", csv, StringComparison.Ordinal);
        Assert.Contains("12000", csv, StringComparison.Ordinal);
        var xlsx = await head.Pages.GetAsync($"/deals/performance/export.xlsx?scope=team-{team}&period={Quarter.Code}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Growth_per_account_sums_what_each_account_brought_the_scope_against_both_bases_in_both_languages()
    {
        var head = await SellerAsync(null, Roles.HeadOfSales, "Ръководител ");
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head.Id);
        var a = await SellerAsync(team, prefix: "Алфа ");
        var b = await SellerAsync(team, prefix: "Бета ");
        // Growing: 6,000 now on 4,000 the quarter before and 3,000 a year ago. Fallen away: 5,000 the quarter before, nothing now.
        var growing = await AccountAsync(a);
        await WinAsync(a, await DealAsync(a, growing, 6_000m), Today);
        await WinAsync(a, await DealAsync(a, growing, 4_000m), Quarter.Prior.Start.AddDays(3));
        await WinAsync(a, await DealAsync(a, growing, 3_000m), Quarter.YearEarlier.Start.AddDays(3));
        var fallen = await AccountAsync(a);
        await WinAsync(a, await DealAsync(a, fallen, 5_000m), Quarter.Prior.Start.AddDays(5));
        // Shared half and half with B: A is credited their half, the company the whole.
        var sharedAccount = await AccountAsync(a);
        var shared = await DealAsync(a, sharedAccount, 1_000.02m);
        var split = await (await a.Api.PutJsonAsync($"/api/v1/deals/{shared.Id}/splits", new SplitsInput
        {
            Splits = [new SplitInput { EmployeeId = a.Id, Percent = 50m }, new SplitInput { EmployeeId = b.Id, Percent = 50m }], Version = shared.Version,
        })).ReadAsync<DealDetails>();
        await WinAsync(a, split, Today);

        var mine = await (await a.Api.GetAsync($"/api/v1/performance/accounts?period={Quarter.Code}")).ReadAsync<AccountGrowthView>();
        Assert.Equal(3, mine.Accounts);
        Assert.Equal(
            [(growing, 6_000m, 4_000m, 3_000m, (decimal?)50.0m, (decimal?)100.0m), (sharedAccount, 500.01m, 0m, 0m, null, null), (fallen, 0m, 5_000m, 0m, -100.0m, null)],
            mine.Rows.Select(r => (r.AccountId, r.Won, r.Prior, r.YearEarlier, r.GrowthPrior, r.GrowthYear)));
        var theirs = await (await head.Api.GetAsync($"/api/v1/performance/accounts?employeeId={b.Id}&period={Quarter.Code}")).ReadAsync<AccountGrowthView>();
        Assert.Equal([(sharedAccount, 500.01m)], theirs.Rows.Select(r => (r.AccountId, r.Won)));
        var teamView = await (await head.Api.GetAsync($"/api/v1/performance/accounts?teamId={team}&period={Quarter.Code}&top=1")).ReadAsync<AccountGrowthView>();
        Assert.Equal((3, growing), (teamView.Accounts, Assert.Single(teamView.Rows).AccountId));
        var company = await (await app.ApiClientAsync(null, Roles.Administrator)).GetAsync($"/api/v1/performance/accounts?period={Quarter.Code}&top=500");
        Assert.Equal(1_000.02m, (await company.ReadAsync<AccountGrowthView>()).Rows.Single(r => r.AccountId == sharedAccount).Won);

        // Nobody reads another's: a manager asking for a colleague, or a head for another team.
        await (await a.Api.GetAsync($"/api/v1/performance/accounts?employeeId={b.Id}&period={Quarter.Code}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await a.Api.GetAsync("/api/v1/performance/accounts?period=2026-Q9")).ProblemAsync(HttpStatusCode.BadRequest);

        var growingName = (await (await a.Api.GetAsync($"/api/v1/accounts/{growing}")).ReadAsync<AccountDetails>()).Name;
        var bulgarian = Visible(await a.Pages.GetStringAsync($"/deals/performance?period={Quarter.Code}&culture=bg-BG&ui-culture=bg-BG"));
        Assert.Contains("Ръст по клиенти 3 клиента, донесли най-много, от 3 със спечелени сделки в тези периоди", bulgarian, StringComparison.Ordinal);
        Assert.Contains($"{growingName} 6 000,00 EUR 50 % от 4 000,00 EUR 100 % от 3 000,00 EUR", bulgarian.Replace('\u00a0', ' '), StringComparison.Ordinal);
        var english = Visible(await a.Pages.GetStringAsync($"/deals/performance?period={Quarter.Code}&culture=en-GB&ui-culture=en-GB"));
        Assert.Contains($"Growth per account The 3 accounts that brought most, of 3 with deals won in these periods", english, StringComparison.Ordinal);
        Assert.Contains($"{growingName} 6,000.00 EUR 50 % of 4,000.00 EUR 100 % of 3,000.00 EUR", english.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("-100 % of 5,000.00 EUR", english.Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charts_draw_the_team_s_months_against_a_year_earlier_and_its_first_people_each_bar_linked_to_its_deals_in_both_languages()
    {
        var (team, head, a, b) = await RankingAsync();
        // A year earlier in the same month: 5,000 won by A.
        await WinAsync(a, await DealAsync(a, await AccountAsync(a), 5_000m, "Миналогодишна"), Today.AddYears(-1));
        var month = SalesPeriod.Of(PeriodKind.Month, Today);
        var monthAgo = month.YearEarlier;
        var english = await head.Pages.GetStringAsync($"/deals/performance?scope=team-{team}&period={Quarter.Code}&culture=en-GB&ui-culture=en-GB");
        var en = CultureInfo.GetCultureInfo("en-GB");
        Assert.Contains("Sales trend", Visible(english), StringComparison.Ordinal);
        Assert.Contains($"Won per month in Q{Quarter.Quarter} {Quarter.Start.Year}, beside the same months of Q{Quarter.Quarter} {Quarter.Start.Year - 1}", AriaLabels(english));
        var titles = Titles(english);
        // The month of today: A's 10,000 and 2,000 and B's 3,000; the same month a year earlier: A's 5,000. The prior quarter's 8,000 is in neither.
        Assert.Contains($"{month.Start.ToString("MMMM yyyy", en)}: won 15,000.00 EUR", titles);
        Assert.Contains($"{monthAgo.Start.ToString("MMMM yyyy", en)}: won 5,000.00 EUR", titles);
        var monthLink = $"/deals?creditedteam={team}&from={month.Start:yyyy-MM-dd}&to={month.End:yyyy-MM-dd}&outcome=Won";
        Assert.Contains(WebUtility.HtmlEncode(monthLink), english, StringComparison.Ordinal);
        var behind = await head.Pages.GetStringAsync(monthLink);
        Assert.Contains("Голяма", behind, StringComparison.Ordinal);
        Assert.Contains("Допълнителна", behind, StringComparison.Ordinal);
        Assert.Contains("Бетина", behind, StringComparison.Ordinal);
        Assert.DoesNotContain("Миналата", behind, StringComparison.Ordinal);
        var agoLink = $"/deals?creditedteam={team}&from={monthAgo.Start:yyyy-MM-dd}&to={monthAgo.End:yyyy-MM-dd}&outcome=Won";
        Assert.Contains(WebUtility.HtmlEncode(agoLink), english, StringComparison.Ordinal);
        Assert.Contains("Миналогодишна", await head.Pages.GetStringAsync(agoLink), StringComparison.Ordinal);

        // The ranking as sorted (new business first): A's bar stacks 10,000 new and 2,000 existing, B's is marked half time.
        Assert.Contains("The first 3 by amount won", Visible(english), StringComparison.Ordinal);
        Assert.Contains($"Amount won per person in Q{Quarter.Quarter} {Quarter.Start.Year}, new business and existing, the first 3 of the ranking as sorted", AriaLabels(english));
        Assert.Contains($"{a.Name} · New business: 10,000.00 EUR", titles);
        Assert.Contains($"{a.Name} · Existing business: 2,000.00 EUR", titles);
        Assert.Contains($"{b.Name} (capacity 0.50) · New business: 3,000.00 EUR", titles);
        var legend = Legend(english);
        Assert.Contains($"Q{Quarter.Quarter} {Quarter.Start.Year}", legend, StringComparison.Ordinal);
        Assert.Contains("New business", legend, StringComparison.Ordinal);
        Assert.Contains("Existing business", legend, StringComparison.Ordinal);
        var existingLink = $"/deals?credited={a.Id}&from={Quarter.Start:yyyy-MM-dd}&to={Quarter.End:yyyy-MM-dd}&outcome=Won&business=existing";
        Assert.Contains(WebUtility.HtmlEncode(existingLink), english, StringComparison.Ordinal);
        var existing = await head.Pages.GetStringAsync(existingLink);
        Assert.Contains("Допълнителна", existing, StringComparison.Ordinal);
        Assert.DoesNotContain("Голяма", existing, StringComparison.Ordinal);

        var bulgarian = await head.Pages.GetStringAsync($"/deals/performance?scope=team-{team}&period={Quarter.Code}&culture=bg-BG&ui-culture=bg-BG");
        var bg = CultureInfo.GetCultureInfo("bg-BG");
        string[] numerals = ["I", "II", "III", "IV"];
        var (quarterBg, agoBg) = ($"{numerals[Quarter.Quarter - 1]} тримесечие {Quarter.Start.Year} г.", $"{numerals[Quarter.Quarter - 1]} тримесечие {Quarter.Start.Year - 1} г.");
        Assert.Contains("Динамика на продажбите", Visible(bulgarian), StringComparison.Ordinal);
        Assert.Contains($"Спечелено по месеци за {quarterBg} редом със същите месеци на {agoBg}", AriaLabels(bulgarian));
        Assert.Contains($"Спечелено по хора за {quarterBg}, нов и съществуващ бизнес, първите 3 от класирането в избрания ред", AriaLabels(bulgarian));
        var titlesBg = Titles(bulgarian);
        Assert.Contains($"{month.Start.ToString("MMMM yyyy", bg)}: спечелено 15 000,00 EUR", titlesBg);
        Assert.Contains($"{b.Name} (капацитет 0,50) · Нов бизнес: 3 000,00 EUR", titlesBg);
        Assert.Contains($"{a.Name} · Съществуващ бизнес: 2 000,00 EUR", titlesBg);
        Assert.Contains(WebUtility.HtmlEncode(monthLink), bulgarian, StringComparison.Ordinal);

        // The same months over the API: the team's, the manager's own, nobody else's.
        var trend = await (await head.Api.GetAsync($"/api/v1/performance/trend?teamId={team}&period={Quarter.Code}")).ReadAsync<List<TrendMonth>>();
        Assert.Equal(Quarter.MonthsIn.Select(m => m.Code), trend.Select(m => m.Period));
        var thisMonth = trend.Single(m => m.Start == month.Start);
        Assert.Equal((15_000m, 5_000m, monthAgo.Start), (thisMonth.Won, thisMonth.YearEarlier, thisMonth.YearEarlierStart));
        Assert.Equal(15_000m, trend.Sum(m => m.Won));
        var own = await (await a.Api.GetAsync($"/api/v1/performance/trend?period={Quarter.Code}")).ReadAsync<List<TrendMonth>>();
        Assert.Equal((12_000m, 5_000m), (own.Sum(m => m.Won), own.Sum(m => m.YearEarlier)));
        await (await a.Api.GetAsync($"/api/v1/performance/trend?employeeId={b.Id}&period={Quarter.Code}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await a.Api.GetAsync("/api/v1/performance/trend?period=2026-Q9")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task With_nothing_won_the_charts_say_so_in_words_in_both_languages()
    {
        var seller = await SellerAsync(null, prefix: "Нов ");
        var english = await seller.Pages.GetStringAsync("/deals/performance?period=2001-Q1&culture=en-GB&ui-culture=en-GB");
        Assert.Contains("Nothing was won in Q1 2001 or in Q1 2000, so there is no trend to draw.", Visible(english), StringComparison.Ordinal);
        Assert.Contains("Nobody in this ranking won a deal in Q1 2001, so there are no bars to draw.", Visible(english), StringComparison.Ordinal);
        Assert.DoesNotContain("Won per month", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Amount won per person", english, StringComparison.Ordinal);
        var bulgarian = await seller.Pages.GetStringAsync("/deals/performance?period=2001-Q1&culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Няма спечелени сделки нито за I тримесечие 2001 г., нито за I тримесечие 2000 г., затова няма динамика за показване.",
            Visible(bulgarian), StringComparison.Ordinal);
        Assert.Contains("Никой в това класиране не е спечелил сделка за I тримесечие 2001 г., затова няма стълбове за показване.", Visible(bulgarian), StringComparison.Ordinal);
    }

    /// <summary>What a reader of the page's SVG bars is told of each: the text of every <c>title</c>, spaces as spaces.</summary>
    private static List<string> Titles(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<title>([^<]*)</title>").Select(m => Plain(m.Groups[1].Value))];

    private static List<string> AriaLabels(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "role=\"img\"[^>]*aria-label=\"([^\"]*)\"").Select(m => Plain(m.Groups[1].Value))];

    private static string Legend(string html) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "<ul class=\"legend\".*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => Visible(m.Value)));

    private static string Plain(string text) => WebUtility.HtmlDecode(text).Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static string Visible(string html) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");

    [Fact]
    public async Task A_team_larger_than_a_page_is_ranked_fifty_people_a_page_in_both_languages()
    {
        var head = await SellerAsync(null, Roles.HeadOfSales, "Ръководител ");
        var team = await app.CreateTeamAsync(app.Unique("Голям екип "), head.Id);
        var prefix = app.Unique("Член ");
        for (var i = 1; i <= 52; i++)
        {
            await app.CreateEmployeeAsync($"{prefix}{i:00}", team);
        }

        static int Rows(string page) => page.Split("<tr data-testid=\"perf-", StringSplitOptions.None).Length - 1;
        var url = $"/deals/performance?scope=team-{team}&period={Quarter.Code}&sort=Name&asc=True";
        var first = await head.Pages.GetStringAsync(url);
        Assert.Equal(50, Rows(first));
        Assert.Contains("People 1–50 of 53, in the order chosen above.", first, StringComparison.Ordinal);
        Assert.Contains("Next page", first, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">50</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">51</td>", first, StringComparison.Ordinal);

        var second = await head.Pages.GetStringAsync(url + "&page=2");
        Assert.Equal(3, Rows(second));
        Assert.Contains("People 51–53 of 53", second, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">53</td>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">50</td>", second, StringComparison.Ordinal);
        Assert.Contains("← Previous", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", second, StringComparison.Ordinal);

        var bulgarian = await head.Pages.GetStringAsync(url + "&page=2&culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Служители 51–53 от 53, в избрания по-горе ред.", bulgarian, StringComparison.Ordinal);
        Assert.Contains("← Предишна", bulgarian, StringComparison.Ordinal);

        // A page past the end shows the last; the export keeps every row.
        Assert.Contains("People 51–53 of 53", await head.Pages.GetStringAsync(url + "&page=9"), StringComparison.Ordinal);
        var csv = await head.Pages.GetStringAsync($"/deals/performance/export.csv?scope=team-{team}&period={Quarter.Code}");
        Assert.Contains($"{prefix}01", csv, StringComparison.Ordinal);
        Assert.Contains($"{prefix}52", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_row_and_nobody_another_team_s_ranking()
    {
        var (team, head, a, b) = await RankingAsync();
        var other = await SellerAsync(null, Roles.HeadOfSales, "Друг ");
        var otherTeam = await app.CreateTeamAsync(app.Unique("Екип "), other.Id);

        var mine = await (await a.Api.GetAsync("/api/v1/performance")).ReadAsync<PerformanceView>();
        Assert.Equal(a.Id, Assert.Single(mine.Rows).EmployeeId);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Api.GetAsync($"/api/v1/performance?employeeId={b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Api.GetAsync($"/api/v1/performance?teamId={team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Pages.GetAsync($"/deals/performance?scope=team-{team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Pages.GetAsync($"/deals/performance/export.csv?scope=employee-{b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.GetAsync($"/api/v1/performance?teamId={team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Api.GetAsync($"/api/v1/performance?teamId={otherTeam}")).StatusCode);
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var company = await (await admin.GetAsync("/api/v1/performance")).ReadAsync<PerformanceView>();
        Assert.Equal(ScopeKind.Company, company.ScopeKind);
        Assert.Contains(company.Rows, r => r.EmployeeId == a.Id && r.Won == 12_000m);
    }
}

public sealed class PerformanceOnSqlite(SqliteApp app) : PerformanceTests(app), IClassFixture<SqliteApp>;

public sealed class PerformanceOnPostgres(PostgresApp app) : PerformanceTests(app), IClassFixture<PostgresApp>;
