using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// The pipeline board and Home's deals as a browser gets them: the columns with their counts and totals in both
/// languages, moving a card with its plain form (the close date a win needs said beside its field, a stale card
/// refused), other people's deals neither shown nor movable, and what Home says with deals and without.
/// </summary>
public abstract class DealBoardPagesTests(RapportApp app)
{
    private static readonly CultureInfo Bulgarian = CultureInfo.GetCultureInfo("bg-BG");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly string TodayText = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(Guid Employee, HttpClient Page, Viewer Viewer)> ManagerAsync(Guid? team = null, string role = Roles.AccountManager)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "), team);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return (employee, await app.SignedInClientAsync(email), new Viewer(userId, employee, new HashSet<string> { role }));
    }

    private Task<Guid> DealAsync(Viewer viewer, string title, decimal amount, Guid? stage = null, DateOnly? expected = null) =>
        app.WithServicesAsync(async sp =>
        {
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Клиент ") })).Value;
            return (await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
            {
                AccountId = account, Title = title, Amount = amount, ExpectedCloseOn = expected ?? Today.AddDays(20), StageId = stage,
            })).Value;
        });

    private Task<DealDetails?> GetAsync(Guid deal) => app.WithServicesAsync(sp => sp.GetRequiredService<DealQueries>().GetAsync(RapportApp.Admin, deal));

    private static string Bg(string key) => DealTexts.ResourceManager.GetString(key, Bulgarian)!;

    private static string Money(decimal amount, CultureInfo culture) => amount.ToString("N2", culture) + " EUR";

    /// <summary>One column of the board's HTML: from its section to the next.</summary>
    private static string Column(string board, Guid stage)
    {
        var start = board.IndexOf($"data-stage=\"{stage}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no column for stage {stage}");
        return board[start..board.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string CountOf(string column) => Between(column, "data-testid=\"count\">", "<");

    private static string TotalOf(string column) => Between(column, "data-testid=\"total\">", "<");

    private static string Between(string text, string before, string after)
    {
        var start = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        return text[start..text.IndexOf(after, start, StringComparison.Ordinal)];
    }

    /// <summary>The text of some HTML as a reader sees it: without tags, spaces collapsed.</summary>
    private static string Words(string html) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Trim();

    private static Dictionary<string, string> Move(Guid deal, Guid stage, long version, string? closedOn = null, Guid? reason = null) => new()
    {
        ["deal"] = deal.ToString(), ["stage"] = stage.ToString(), ["version"] = version.ToString(CultureInfo.InvariantCulture), ["closedOn"] = closedOn ?? "",
        ["lostReasonId"] = reason?.ToString() ?? "",
    };

    /// <summary>The board's one move form, whichever card it is for.</summary>
    private const string MoveForm = "board-move";

    [Fact]
    public async Task The_board_shows_each_stage_with_its_count_and_total_and_won_this_month_in_english_and_bulgarian()
    {
        var (_, page, viewer) = await ManagerAsync();
        var first = await DealAsync(viewer, app.Unique("Лицензи "), 1000m, DealDefaults.ProposalId);
        var second = await DealAsync(viewer, app.Unique("Внедряване "), 2500.50m, DealDefaults.ProposalId);
        var small = await DealAsync(viewer, app.Unique("Обучение "), 300m);
        var won = await DealAsync(viewer, app.Unique("Сървъри "), 12_345.60m, DealDefaults.NegotiationId);
        var win = await app.WithServicesAsync(sp => sp.GetRequiredService<DealHandlers>()
            .WinAsync(viewer, won, new WinInput { ClosedOn = Today, Version = 0 }));
        Assert.True(win.IsSuccess);

        var english = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board"));

        Assert.Contains("<h1>Pipeline board</h1>", english, StringComparison.Ordinal);
        var proposal = Column(english, DealDefaults.ProposalId);
        Assert.Contains(">Proposal</h2>", proposal, StringComparison.Ordinal);
        Assert.Equal("2", CountOf(proposal));
        Assert.Equal(Money(3500.50m, English), TotalOf(proposal));
        Assert.Contains((await GetAsync(first))!.Title, proposal, StringComparison.Ordinal);
        Assert.Contains((await GetAsync(second))!.Number, proposal, StringComparison.Ordinal);
        var qualification = Column(english, DealDefaults.QualificationId);
        Assert.Equal(("1", Money(300m, English)), (CountOf(qualification), TotalOf(qualification)));
        Assert.Contains((await GetAsync(small))!.Title, qualification, StringComparison.Ordinal);
        var wonColumn = Column(english, DealDefaults.WonId);
        Assert.Equal(("1", Money(12_345.60m, English)), (CountOf(wonColumn), TotalOf(wonColumn)));
        Assert.Contains("closed in " + Today.ToString("MMMM yyyy", English), wonColumn, StringComparison.Ordinal);
        Assert.Equal(("0", Money(0m, English)), (CountOf(Column(english, DealDefaults.LostId)), TotalOf(Column(english, DealDefaults.LostId))));
        Assert.Contains("No deals", Column(english, DealDefaults.NegotiationId), StringComparison.Ordinal);

        // Without committee there is nobody in the deciding roles: the card is flagged, the reason as its title.
        Assert.Contains("title=\"Nobody is named in the role", proposal, StringComparison.Ordinal);

        var bulgarian = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board?culture=bg-BG&ui-culture=bg-BG"));

        Assert.Contains($"<h1>{Bg(nameof(DealTexts.BoardTitle))}</h1>", bulgarian, StringComparison.Ordinal);
        var оферта = Column(bulgarian, DealDefaults.ProposalId);
        Assert.Contains(">Оферта</h2>", оферта, StringComparison.Ordinal);
        Assert.Equal(("2", Money(3500.50m, Bulgarian)), (CountOf(оферта), TotalOf(оферта)));
        Assert.Contains(">Спечелена</h2>", Column(bulgarian, DealDefaults.WonId), StringComparison.Ordinal);
        Assert.Equal(Money(12_345.60m, Bulgarian), TotalOf(Column(bulgarian, DealDefaults.WonId)));
        Assert.Contains(">Квалификация</h2>", bulgarian, StringComparison.Ordinal);
        Assert.Contains(Bg(nameof(DealTexts.BoardColumnEmpty)), Column(bulgarian, DealDefaults.NegotiationId), StringComparison.Ordinal);
        Assert.Contains(Bg(nameof(DealTexts.RiskAtRisk)), оферта, StringComparison.Ordinal);

        // Filtered by a close month with nothing in it, the open columns are empty and the filter is in the address.
        var filtered = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board?month=2031-01"));
        Assert.Equal("0", CountOf(Column(filtered, DealDefaults.ProposalId)));
        Assert.Contains("value=\"2031-01\"", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_moves_by_its_plain_form_a_win_without_date_is_refused_beside_the_field_and_a_stale_card_is_told()
    {
        var (_, page, viewer) = await ManagerAsync();
        var deal = await DealAsync(viewer, app.Unique("Поддръжка "), 4200m);

        var moved = await RapportApp.PostFormAsync(page, "/deals/board", MoveForm, Move(deal, DealDefaults.NegotiationId, 0));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/deals/board", moved.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Equal(DealDefaults.NegotiationId, (await GetAsync(deal))!.StageId);
        var board = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board"));
        Assert.Contains((await GetAsync(deal))!.Title, Column(board, DealDefaults.NegotiationId), StringComparison.Ordinal);

        var undated = await RapportApp.PostFormAsync(page, "/deals/board", MoveForm, Move(deal, DealDefaults.WonId, 1));
        var refused = WebUtility.HtmlDecode(await undated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, undated.StatusCode);
        Assert.Contains($"data-testid=\"closed-error\">{DealTexts.ValidationWinNeedsDate}</div>", refused, StringComparison.Ordinal);
        Assert.Equal(DealOutcome.Open, (await GetAsync(deal))!.Outcome);

        var undatedBg = await RapportApp.PostFormAsync(page, "/deals/board?culture=bg-BG&ui-culture=bg-BG", MoveForm, Move(deal, DealDefaults.WonId, 1));
        Assert.Contains(Bg(nameof(DealTexts.ValidationWinNeedsDate)), WebUtility.HtmlDecode(await undatedBg.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var stale = await RapportApp.PostFormAsync(page, "/deals/board", MoveForm, Move(deal, DealDefaults.ProposalId, 0));
        Assert.Contains(Texts.ErrorStaleVersion, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(DealDefaults.NegotiationId, (await GetAsync(deal))!.StageId);

        var unreasoned = await RapportApp.PostFormAsync(page, "/deals/board", MoveForm, Move(deal, DealDefaults.LostId, 1));
        Assert.Contains(DealTexts.ValidationLoseNeedsReason, WebUtility.HtmlDecode(await unreasoned.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var win = await RapportApp.PostFormAsync(page, "/deals/board", MoveForm, Move(deal, DealDefaults.WonId, 1, TodayText));
        Assert.Equal(HttpStatusCode.Redirect, win.StatusCode);
        var shown = await GetAsync(deal);
        Assert.Equal((DealOutcome.Won, Today), (shown!.Outcome, shown.ClosedOn));
        var after = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board"));
        var wonColumn = Column(after, DealDefaults.WonId);
        Assert.Contains(shown.Title, wonColumn, StringComparison.Ordinal);
        Assert.Equal(Money(4200m, English), TotalOf(wonColumn));
        Assert.DoesNotContain($"move={deal}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_has_one_move_form_and_a_card_s_move_link_shows_it_in_that_card_in_english_and_bulgarian()
    {
        var (_, page, viewer) = await ManagerAsync();
        var first = await DealAsync(viewer, app.Unique("Миграция "), 700m, DealDefaults.ProposalId);
        var second = await DealAsync(viewer, app.Unique("Лиценз "), 800m, DealDefaults.ProposalId);

        var board = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board"));

        // One form and one antiforgery token for the page, however many cards; each card links to its own move.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(board, "<form method=\"post\" class=\"board-move\""));
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(board, "<form method=\"post\""),
            System.Text.RegularExpressions.Regex.Count(board, "name=\"__RequestVerificationToken\""));
        var proposal = Column(board, DealDefaults.ProposalId);
        Assert.Contains($"href=\"/deals/board?move={first}#board-move\"", proposal, StringComparison.Ordinal);
        Assert.Contains($"Move <span class=\"sr-only\">{(await GetAsync(second))!.Number}</span>", proposal, StringComparison.Ordinal);

        // Without script the link is the board with the form in the card, not offering the card's own stage.
        var moving = WebUtility.HtmlDecode(await page.GetStringAsync($"/deals/board?move={first}"));
        var card = Between(moving, $"data-deal=\"{first}\"", "</li>");
        Assert.Contains($"name=\"deal\" value=\"{first}\"", card, StringComparison.Ordinal);
        Assert.Contains(">Move to</label>", card, StringComparison.Ordinal);
        Assert.Contains(">Close date (for Won)</label>", card, StringComparison.Ordinal);
        Assert.Contains(">Lost reason (for Lost)</label>", card, StringComparison.Ordinal);
        Assert.Contains(">Move the deal</button>", card, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DealDefaults.ProposalId}\" data-kind=\"Open\" disabled hidden>Proposal</option>", card, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DealDefaults.WonId}\" data-kind=\"Won\">Won</option>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"deal\"", Between(moving, $"data-deal=\"{second}\"", "</li>"), StringComparison.Ordinal);

        var bulgarian = WebUtility.HtmlDecode(await page.GetStringAsync($"/deals/board?move={first}&culture=bg-BG&ui-culture=bg-BG"));
        var карта = Between(bulgarian, $"data-deal=\"{first}\"", "</li>");
        Assert.Contains($">{Bg(nameof(DealTexts.BoardMoveTo))}</label>", карта, StringComparison.Ordinal);
        Assert.Contains(">Дата на сключване (при „Спечелена“)</label>", карта, StringComparison.Ordinal);
        Assert.Contains(">Причина за загубата (при „Загубена“)</label>", карта, StringComparison.Ordinal);
        Assert.Contains(">Премести сделката</button>", карта, StringComparison.Ordinal);
        Assert.Contains($"Премести <span class=\"sr-only\">{(await GetAsync(second))!.Number}</span>", bulgarian, StringComparison.Ordinal);

        // Sent from there, the deal moves and the board comes back without the form in a card.
        var moved = await RapportApp.PostFormAsync(page, $"/deals/board?move={first}", MoveForm, Move(first, DealDefaults.NegotiationId, 0));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/deals/board", moved.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Equal(DealDefaults.NegotiationId, (await GetAsync(first))!.StageId);
    }

    [Fact]
    public async Task Another_manager_s_deal_is_not_on_the_board_and_a_post_to_move_it_changes_nothing()
    {
        var (_, _, owner) = await ManagerAsync();
        var (_, stranger, _) = await ManagerAsync();
        var deal = await DealAsync(owner, app.Unique("Чужда сделка "), 999m);
        var title = (await GetAsync(deal))!.Title;

        Assert.DoesNotContain(title, await stranger.GetStringAsync("/deals/board"), StringComparison.Ordinal);
        var posted = await RapportApp.PostFormAsync(stranger, "/deals/board", MoveForm, Move(deal, DealDefaults.NegotiationId, 0));

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(DealDefaults.QualificationId, (await GetAsync(deal))!.StageId);
        var won = await RapportApp.PostFormAsync(stranger, "/deals/board", MoveForm, Move(deal, DealDefaults.WonId, 0, TodayText));
        Assert.Equal(HttpStatusCode.NotFound, won.StatusCode);
        Assert.Equal(DealOutcome.Open, (await GetAsync(deal))!.Outcome);
    }

    [Fact]
    public async Task A_full_column_shows_its_first_twenty_cards_and_links_the_rest_to_the_list_filtered_by_its_stage()
    {
        var (_, page, viewer) = await ManagerAsync();
        for (var i = 0; i < DealBoardQueries.CardsPerColumn + 3; i++)
        {
            await DealAsync(viewer, app.Unique("Абонамент "), 100m, DealDefaults.NeedsAnalysisId);
        }

        var board = WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board"));
        var column = Column(board, DealDefaults.NeedsAnalysisId);

        Assert.Equal("23", CountOf(column));
        Assert.Equal(Money(2300m, English), TotalOf(column));
        Assert.Equal(20, column.Split("class=\"board-card").Length - 1);
        Assert.Contains($"href=\"/deals?stage={DealDefaults.NeedsAnalysisId}\">3 more — open the list</a>", column, StringComparison.Ordinal);

        var bulgarian = Column(WebUtility.HtmlDecode(await page.GetStringAsync("/deals/board?culture=bg-BG&ui-culture=bg-BG")), DealDefaults.NeedsAnalysisId);
        Assert.Equal(("23", Money(2300m, Bulgarian)), (CountOf(bulgarian), TotalOf(bulgarian)));
        Assert.Contains(string.Format(Bulgarian, Bg(nameof(DealTexts.BoardMore)), 3), bulgarian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_shows_the_deals_closing_this_month_and_those_at_risk_and_a_head_of_sales_sees_the_team_s()
    {
        var (headEmployee, head, _) = await ManagerAsync(null, Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), headEmployee);
        var (_, page, viewer) = await ManagerAsync(team);
        var monthEnd = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1).AddDays(-1);
        var closing = await DealAsync(viewer, app.Unique("Договор до края на месеца "), 800m, DealDefaults.NegotiationId, monthEnd);
        var later = await DealAsync(viewer, app.Unique("Следващо тримесечие "), 500m, null, monthEnd.AddMonths(3));
        var (closingDeal, laterDeal) = (await GetAsync(closing), await GetAsync(later));

        var home = WebUtility.HtmlDecode(await page.GetStringAsync("/"));

        Assert.Contains("Deals expected to close this month", home, StringComparison.Ordinal);
        var closingList = home[home.IndexOf("id=\"deals-closing\"", StringComparison.Ordinal)..home.IndexOf("id=\"deals-risk\"", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"/deals/{closing}\">{closingDeal!.Number} {closingDeal.Title}</a>", closingList, StringComparison.Ordinal);
        Assert.Contains(Money(800m, English), closingList, StringComparison.Ordinal);
        Assert.DoesNotContain(laterDeal!.Title, closingList, StringComparison.Ordinal);
        var riskList = home[home.IndexOf("id=\"deals-risk\"", StringComparison.Ordinal)..];
        Assert.Contains("Deals at risk", riskList, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/deals/{later}\">{laterDeal.Number} {laterDeal.Title}</a>", riskList, StringComparison.Ordinal);
        Assert.Contains("Nobody is named in the role", riskList, StringComparison.Ordinal);
        Assert.Contains("href=\"/deals?outcome=Open&risk=AtRisk\"", riskList, StringComparison.Ordinal);

        var headHome = WebUtility.HtmlDecode(await head.GetStringAsync("/?culture=bg-BG&ui-culture=bg-BG"));
        Assert.Contains(Bg(nameof(DealTexts.HomeDealsClosing)), headHome, StringComparison.Ordinal);
        var line = Words(Between(headHome, $"data-testid=\"closing-{closingDeal.Number}\">", "</li>"));
        Assert.StartsWith($"{closingDeal.Number} {closingDeal.Title} · {closingDeal.AccountName} · {Money(800m, Bulgarian)} · ", line, StringComparison.Ordinal);
        Assert.EndsWith(" · " + closingDeal.OwnerName, line, StringComparison.Ordinal);
        Assert.Contains(Bg(nameof(DealTexts.HomeDealsAtRisk)), headHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_says_so_when_nothing_closes_this_month_and_nothing_is_at_risk_in_both_languages()
    {
        var (_, page, _) = await ManagerAsync();

        var english = WebUtility.HtmlDecode(await page.GetStringAsync("/"));
        var bulgarian = WebUtility.HtmlDecode(await page.GetStringAsync("/?culture=bg-BG&ui-culture=bg-BG"));

        Assert.Contains("No deal is expected to close this month.", english, StringComparison.Ordinal);
        Assert.Contains("No open deal is at risk: the people who decide are warm.", english, StringComparison.Ordinal);
        Assert.Contains("Няма сделки, които се очаква да приключат този месец.", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Няма отворени сделки в риск: отношенията с хората, които решават, са топли.", bulgarian, StringComparison.Ordinal);
    }
}

public sealed class DealBoardPagesOnSqlite(SqliteApp app) : DealBoardPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DealBoardPagesOnPostgres(PostgresApp app) : DealBoardPagesTests(app), IClassFixture<PostgresApp>;
