using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.IntegrationTests;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>
/// Pay in the browser: Finance tries a plan in its worked preview, then calculates, approves, locks and exports a month;
/// the account manager reads the statement in Bulgarian and asks Finance about a line.
/// </summary>
public sealed class PayJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly Viewer Finance = new(Guid.Empty, null, new HashSet<string> { Roles.Finance });

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await app.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserApp.SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task Finance_closes_a_month_and_the_manager_asks_about_a_line_of_the_statement()
    {
        var month = new DateOnly(2024, 4, 1);
        var manager = await app.CreateEmployeeAsync(app.Unique("Веселина Маринова "));
        var (managerUser, managerEmail) = await app.CreateUserAsync(manager, Roles.AccountManager);
        var (_, financeEmail) = await app.CreateUserAsync(null, Roles.Finance);
        var planName = app.Unique("Продажби пет процента ");
        var plan = await app.WithServicesAsync(async sp =>
        {
            var plans = sp.GetRequiredService<PlanHandlers>();
            var id = (await plans.CreateAsync(Finance, new PlanInput
            {
                Name = planName, EffectiveFrom = month.AddYears(-1),
                Document = PlanDocument.Write(new PayPlan
                {
                    Name = planName, Currency = "EUR", Base = new BasePay(BaseKind.Fixed, Amount: 1_000), Commission = new CommissionPlan { Rate = 5 },
                }),
            })).Value;
            Assert.True((await plans.AssignAsync(Finance, id, new AssignmentInput { EmployeeId = manager, From = month })).IsSuccess);
            return id;
        });

        // The manager won a 10,000 EUR deal in the month.
        var me = new Viewer(managerUser, manager, new HashSet<string> { Roles.AccountManager });
        var number = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Rapport.Data.RapportDb>();
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(me, new AccountInput
            {
                Name = app.Unique("Родопа Трейд "), OwnerId = manager,
            })).Value;
            var deals = sp.GetRequiredService<DealHandlers>();
            var id = (await deals.CreateAsync(me, new DealInput
            {
                AccountId = account, Title = "Складова система", Amount = 10_000m, Currency = "EUR", ExpectedCloseOn = month.AddDays(9),
            })).Value;
            var version = db.Deals.Where(d => d.Id == id).Select(d => d.Version).Single();
            Assert.True((await deals.WinAsync(me, id, new WinInput { ClosedOn = month.AddDays(9), Version = version })).IsSuccess);
            return DealNumber.Format(db.Deals.Where(d => d.Id == id).Select(d => d.Number).Single());
        });

        // Finance tries the plan on typed amounts first: the preview computes as they are typed, with no button to
        // press. The sample shown on arrival is 5 % of 20,500 on top of the base; then 5 % of 20,000, then of 30,000.
        var finance = await SignInAsync(financeEmail);
        await finance.GotoAsync($"/pay/plans/{plan}");
        var total = finance.GetByTestId("preview-result").GetByTestId("statement-total");
        await Expect(total).ToContainTextAsync("2,025.00 EUR");
        await Expect(finance.Locator("[data-testid=preview-form][data-live=on]")).ToBeVisibleAsync();
        await Expect(finance.GetByRole(AriaRole.Button, new() { Name = "Compute" })).ToHaveCountAsync(0);
        await finance.GetByLabel("Month").FillAsync("2024-04");
        await finance.GetByLabel("Credited amounts, one per line").FillAsync("20000 new");
        await Expect(total).ToContainTextAsync("2,000.00 EUR");
        await finance.GetByLabel("Credited amounts, one per line").FillAsync("20000 new\n10000");
        await Expect(total).ToContainTextAsync("2,500.00 EUR");
        await finance.GetByLabel("Credited amounts, one per line").FillAsync("20000 new\nten");
        await Expect(finance.GetByTestId("preview-outcome").GetByRole(AriaRole.Alert)).ToHaveTextAsync("Line 2 does not start with an amount.");

        // In Bulgarian, the same preview live.
        await finance.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(finance.Locator("[data-testid=preview-form][data-live=on]")).ToBeVisibleAsync();
        await finance.GetByLabel("Кредитирани суми, по една на ред").FillAsync("40000");
        await Expect(total).ToContainTextAsync("3 000,00 EUR");
        await finance.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(finance.Locator("[data-testid=preview-form][data-live=on]")).ToBeVisibleAsync();

        // Then the month: opened, calculated, approved, locked and exported.
        await finance.GotoAsync("/pay/periods");
        await finance.GetByLabel("Month").FillAsync("2024-04");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Open period" }).ClickAsync();
        await Expect(finance.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("April 2024");
        await Expect(finance.GetByTestId("period-status")).ToHaveTextAsync("Open");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();
        await Expect(finance.GetByTestId("period-status")).ToHaveTextAsync("Calculated");
        var row = finance.GetByTestId($"statement-{manager}");
        await Expect(row).ToContainTextAsync("1,500.00");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(finance.GetByTestId("period-status")).ToHaveTextAsync("Approved");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Lock" }).ClickAsync();
        await Expect(finance.GetByTestId("period-status")).ToHaveTextAsync("Locked");
        await Expect(finance.GetByRole(AriaRole.Button, new() { Name = "Calculate again" })).ToHaveCountAsync(0);
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        Assert.Equal("payroll-2024-04.csv", download.SuggestedFilename);
        await finance.ReloadAsync();
        await Expect(finance.GetByTestId("period-status")).ToHaveTextAsync("Exported");

        // The manager, in Bulgarian, finds the statement among theirs and asks about the commission line.
        var mine = await SignInAsync(managerEmail);
        await mine.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await mine.GotoAsync("/pay");
        var history = mine.GetByTestId("history-2024-04");
        await Expect(history).ToContainTextAsync("1 500,00 EUR");
        await history.GetByRole(AriaRole.Link, new() { Name = "април 2024 г." }).ClickAsync();
        var line = mine.GetByTestId("line-2");
        await Expect(line).ToContainTextAsync($"Комисиона за {number}");
        await Expect(line).ToContainTextAsync("500,00 EUR");
        await Expect(mine.GetByTestId("statement-total")).ToContainTextAsync("1 500,00 EUR");
        await line.GetByRole(AriaRole.Link, new() { Name = "Попитай за този ред" }).ClickAsync();
        await mine.GetByLabel("Вашият въпрос").FillAsync("Защо комисионата е само 5 %?");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Изпрати на Финанси" }).ClickAsync();
        await Expect(mine.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Запитване по ред от извлечение");
        await Expect(mine.GetByTestId("inquiry-status")).ToHaveTextAsync("Отворено");
        await Expect(mine.GetByTestId("inquiry-line")).ToContainTextAsync(number);
        await Expect(mine.Locator(".timeline")).ToContainTextAsync("Защо комисионата е само 5 %?");
    }
}
