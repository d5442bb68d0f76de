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
/// A manager works the pipeline board: a deal dragged onto Won, the close date given, the Won column counts it; another
/// dropped on an open stage, then moved again with the keyboard alone.
/// </summary>
public sealed class DealBoardJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_drags_a_deal_to_won_enters_the_close_date_and_sees_it_in_the_won_column_with_its_total()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Гергана Русева "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
        var today = DateOnly.FromDateTime(DateTime.Now);
        var (other, title) = (app.Unique("Поддръжка "), app.Unique("Внедряване на ERP "));
        await app.WithServicesAsync(async sp =>
        {
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Тракия Логистик ") })).Value;
            var deals = sp.GetRequiredService<DealHandlers>();
            foreach (var (name, amount) in new[] { (title, 18_750.40m), (other, 2_000m) })
            {
                var created = await deals.CreateAsync(viewer, new DealInput
                {
                    AccountId = account, Title = name, Amount = amount, ExpectedCloseOn = today.AddDays(14), StageId = DealDefaults.NegotiationId,
                });
                Assert.True(created.IsSuccess);
            }

            return true;
        });

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        await page.GotoAsync("/deals/board");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pipeline board");

        var negotiation = page.Locator($".board-column[data-stage=\"{DealDefaults.NegotiationId}\"]");
        var won = page.Locator($".board-column[data-stage=\"{DealDefaults.WonId}\"]");
        await Expect(negotiation.GetByTestId("count")).ToHaveTextAsync("2");
        await Expect(negotiation.GetByTestId("total")).ToHaveTextAsync("20,750.40 EUR");
        await Expect(won.GetByTestId("count")).ToHaveTextAsync("0");

        var card = page.Locator(".board-card", new() { HasText = title });
        await card.DragToAsync(won);

        // Won asks for the close date: the card's form opens at it, showing only what a win needs.
        var date = card.GetByLabel("Close date (for Won)");
        await Expect(date).ToBeVisibleAsync();
        await Expect(date).ToBeFocusedAsync();
        await Expect(card.GetByLabel("Lost reason (for Lost)")).ToBeHiddenAsync();
        await Expect(card.GetByLabel("Move to")).ToHaveValueAsync(DealDefaults.WonId.ToString());
        await date.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await card.GetByRole(AriaRole.Button, new() { Name = "Move the deal" }).ClickAsync();

        await Expect(won.GetByTestId("count")).ToHaveTextAsync("1");
        await Expect(won.GetByTestId("total")).ToHaveTextAsync("18,750.40 EUR");
        await Expect(won.Locator(".board-card", new() { HasText = title })).ToBeVisibleAsync();
        await Expect(negotiation.GetByTestId("count")).ToHaveTextAsync("1");
        await Expect(negotiation.GetByTestId("total")).ToHaveTextAsync("2,000.00 EUR");

        // Dropped on an open stage, a card moves at once.
        var otherCard = page.Locator(".board-card", new() { HasText = other });
        await otherCard.DragToAsync(page.Locator($".board-column[data-stage=\"{DealDefaults.ProposalId}\"]"));
        await Expect(page.Locator($".board-column[data-stage=\"{DealDefaults.ProposalId}\"]").Locator(".board-card", new() { HasText = other }))
            .ToBeVisibleAsync();
        await Expect(negotiation.GetByTestId("count")).ToHaveTextAsync("0");

        // The page has one move form, whichever card it serves.
        await Expect(page.Locator("form.board-move")).ToHaveCountAsync(1);

        // By keyboard: the card's "Move" brings the form into the card with Enter, at the stage, whose arrow keys
        // choose among the other stages; Tab reaches the button.
        var proposed = page.Locator($".board-column[data-stage=\"{DealDefaults.ProposalId}\"]").Locator(".board-card", new() { HasText = other });
        await proposed.GetByRole(AriaRole.Link, new() { Name = "Move" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(proposed.GetByLabel("Move to")).ToBeFocusedAsync();
        await Expect(proposed.GetByLabel("Move to")).ToHaveValueAsync(DealDefaults.QualificationId.ToString());
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(proposed.GetByLabel("Move to")).ToHaveValueAsync(DealDefaults.NeedsAnalysisId.ToString());
        await page.Keyboard.PressAsync("Tab");
        await Expect(proposed.GetByRole(AriaRole.Button, new() { Name = "Move the deal" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($".board-column[data-stage=\"{DealDefaults.NeedsAnalysisId}\"]").Locator(".board-card", new() { HasText = other }))
            .ToBeVisibleAsync();
    }
}
