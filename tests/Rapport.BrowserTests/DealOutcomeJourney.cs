using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>
/// A manager wins a deal from the board's keyboard form, in Bulgarian; the month's forecast then counts it as won and the
/// performance ranking as new business (a first win on the account), read in both languages.
/// </summary>
public sealed class DealOutcomeJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_won_deal_shows_in_the_months_forecast_as_won_and_in_the_ranking_as_new_business()
    {
        var name = app.Unique("Десислава Колева ");
        var employee = await app.CreateEmployeeAsync(name);
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
        var today = DateOnly.FromDateTime(DateTime.Now);
        var title = app.Unique("Складова система ");
        await app.WithServicesAsync(async sp =>
        {
            // A new account: no earlier won deal, so this win is new business.
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Родопа Мебел ") })).Value;
            var created = await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
            {
                AccountId = account, Title = title, Amount = 18_750.40m, ExpectedCloseOn = today.AddDays(21), StageId = DealDefaults.ProposalId,
            });
            Assert.True(created.IsSuccess);
            return true;
        });

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();

        await page.GotoAsync("/deals/board");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Фуния по етапи");
        var won = page.Locator($".board-column[data-stage=\"{DealDefaults.WonId}\"]");
        await Expect(won.GetByTestId("count")).ToHaveTextAsync("0");

        // The card's own form, no dragging: choosing Won brings up the close date.
        var card = page.Locator(".board-card", new() { HasText = title });
        var move = card.Locator("[data-move]");
        await Expect(move).ToContainTextAsync("Премести");
        await move.ClickAsync();
        // The board's one move form comes into this card, its stage list focused, and the page is not fetched again
        // (the link is for browsers without script: followed as well, its answer reset the form under the user).
        await Expect(card.Locator("form.board-move")).ToBeVisibleAsync();
        await Expect(card.GetByLabel("Премести в")).ToBeFocusedAsync();
        Assert.DoesNotContain("move=", page.Url, StringComparison.Ordinal);
        await card.GetByLabel("Премести в").SelectOptionAsync(DealDefaults.WonId.ToString());
        var date = card.GetByLabel("Дата на сключване (при „Спечелена“)");
        await Expect(date).ToBeVisibleAsync();
        await date.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await card.GetByRole(AriaRole.Button, new() { Name = "Премести сделката" }).ClickAsync();

        await Expect(won.GetByTestId("count")).ToHaveTextAsync("1");
        await Expect(won.GetByTestId("total")).ToHaveTextAsync("18 750,40 EUR");
        await Expect(won.Locator(".board-card", new() { HasText = title })).ToBeVisibleAsync();

        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await ExpectForecastAsync(page, month, "Прогноза", "Спечелено", today.ToString("MMMM yyyy", new CultureInfo("bg-BG")), "18 750,40 EUR", "0,00 EUR");
        await ExpectRankingAsync(page, employee, name, "Резултати", "Нов бизнес", "Нови сделки", "18 750,40 EUR");

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Performance");
        await ExpectRankingAsync(page, employee, name, "Performance", "New business", "New deals", "18,750.40 EUR");
        await ExpectForecastAsync(page, month, "Forecast", "Won", today.ToString("MMMM yyyy", new CultureInfo("en-GB")), "18,750.40 EUR", "0.00 EUR");
    }

    private static async Task ExpectForecastAsync(IPage page, string month, string heading, string wonHeader, string label, string amount, string zero)
    {
        await page.GotoAsync("/deals/forecast");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(page.Locator("table").First.Locator("thead th").Nth(1)).ToHaveTextAsync(wonHeader);
        var row = page.GetByTestId($"forecast-{month}");
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(label);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(amount);
        // Won, it has left the open pipeline.
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(zero);
    }

    private static async Task ExpectRankingAsync(IPage page, Guid employee, string name, string heading, string newValueHeader, string newDealsHeader, string amount)
    {
        await page.GotoAsync("/deals/performance");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        var headers = page.Locator("table thead th");
        await Expect(headers.Nth(3)).ToContainTextAsync(newDealsHeader);
        await Expect(headers.Nth(4)).ToContainTextAsync(newValueHeader);
        var row = page.GetByTestId($"perf-{employee}");
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(name);
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(amount);
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(amount);
    }
}
