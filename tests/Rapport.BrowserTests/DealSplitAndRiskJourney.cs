using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>
/// On a deal's page: a manager shares the credit with a colleague (the amounts add up to the cent, a split that does
/// not make 100 % is refused and nothing changes); a deal whose decision-maker went cold is flagged with the reason
/// in both languages, and a meeting with her clears it.
/// </summary>
public sealed class DealSplitAndRiskJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly int[] SignatoryMeetings = [12, 6, 1];

    private async Task<(Guid Employee, Viewer Viewer, string Email, string Name)> ManagerAsync(string name)
    {
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName);
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        return (employee, new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager }), email, fullName);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_manager_splits_a_deal_with_a_colleague_and_the_credited_amounts_add_up_to_the_cent()
    {
        var (me, viewer, email, myName) = await ManagerAsync("Радослав Енчев ");
        var colleagueName = app.Unique("Гергана Тошева ");
        var colleague = await app.CreateEmployeeAsync(colleagueName);
        var dealId = await app.WithServicesAsync(async sp =>
        {
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Марица Агро ") })).Value;
            var created = await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
            {
                AccountId = account, Title = app.Unique("Напоителна система "), Amount = 10_000.01m,
                ExpectedCloseOn = DateOnly.FromDateTime(DateTime.Now).AddDays(30), StageId = DealDefaults.ProposalId,
            });
            return created.Value;
        });

        var page = await SignInAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await page.GotoAsync($"/deals/{dealId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Разпределение на кредита" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"split-{me}")).ToContainTextAsync("100 %");

        // A split that does not make 100 % is refused beside the form, and the credit stays as it was.
        await page.GetByText("Промяна на разпределението").ClickAsync();
        // The holder is a row of their own, named; the one more row adds someone.
        await Expect(page.Locator("#split-person-0")).ToHaveTextAsync(myName);
        await Expect(page.Locator("#split-person-1")).ToHaveAttributeAsync("name", "SplitsForm.Splits[1].EmployeeId");
        await Expect(page.GetByLabel("Добавяне на човек")).ToHaveCountAsync(1);
        await page.Locator("#split-percent-0").FillAsync("60");
        await page.Locator("#split-person-1").SelectOptionAsync(colleague.ToString());
        await page.Locator("#split-percent-1").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запиши разпределението" }).ClickAsync();
        await Expect(page.Locator("#splits")).ToContainTextAsync("Дяловете трябва да са точно 100 % общо.");
        await Expect(page.GetByTestId($"split-{me}")).ToContainTextAsync("100 %");
        await Expect(page.GetByTestId($"split-{colleague}")).ToHaveCountAsync(0);

        // The form kept what was typed; 40 makes it whole.
        await Expect(page.Locator("#split-percent-1")).ToHaveValueAsync("30");
        await page.Locator("#split-percent-1").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запиши разпределението" }).ClickAsync();
        var mine = page.GetByTestId($"split-{me}");
        var theirs = page.GetByTestId($"split-{colleague}");
        await Expect(mine.Locator("td")).ToHaveTextAsync([myName, "60 %", "6 000,01 EUR"]);
        await Expect(theirs.Locator("td")).ToHaveTextAsync([colleagueName, "40 %", "4 000,00 EUR"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Credit split" })).ToBeVisibleAsync();
        await Expect(mine.Locator("td")).ToHaveTextAsync([myName, "60 %", "6,000.01 EUR"]);
        await Expect(theirs.Locator("td")).ToHaveTextAsync([colleagueName, "40 %", "4,000.00 EUR"]);

        // A share of 0 would take the colleague off: only a head of sales or an administrator may, so it is refused
        // beside the form and both shares stay.
        await page.GetByText("Change the split").ClickAsync();
        await Expect(page.Locator("#split-person-1")).ToHaveTextAsync(colleagueName);
        await page.Locator("#split-percent-1").FillAsync("0");
        await page.Locator("#split-percent-0").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save split" }).ClickAsync();
        await Expect(page.Locator("#splits")).ToContainTextAsync("Only a head of sales or an administrator lowers or removes a colleague's share.");
        await Expect(mine.Locator("td")).ToHaveTextAsync([myName, "60 %", "6,000.01 EUR"]);
        await Expect(theirs.Locator("td")).ToHaveTextAsync([colleagueName, "40 %", "4,000.00 EUR"]);
    }

    [Fact]
    public async Task A_deal_whose_decision_maker_went_cold_is_flagged_with_the_reason_and_a_meeting_with_her_clears_it()
    {
        var (_, viewer, email, _) = await ManagerAsync("Теодор Паунов ");
        var decider = app.Unique("Силвия Маринова ");
        var signatoryName = app.Unique("Пламен Вълев ");
        var (accountId, deciderId, dealId) = await app.WithServicesAsync(async sp =>
        {
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Струма Логистик ") })).Value;
            var contacts = sp.GetRequiredService<ContactHandlers>();
            var dm = (await contacts.CreateAsync(viewer, account, new ContactInput { FullName = decider, Role = BuyingRoles.DecisionMaker })).Value;
            var signatory = (await contacts.CreateAsync(viewer, account, new ContactInput { FullName = signatoryName, Role = BuyingRoles.Signatory })).Value;
            var interactions = sp.GetRequiredService<InteractionHandlers>();
            // Warm with the signatory, met three times these two weeks; the decision-maker last met two hundred days ago, gone cold since.
            foreach (var daysAgo in SignatoryMeetings)
            {
                Assert.True((await interactions.LogAsync(viewer, new InteractionInput
                {
                    AccountId = account, Kind = InteractionKind.Meeting, Subject = "Преговори по цената", ContactIds = [signatory],
                    OccurredAt = DateTime.UtcNow.AddDays(-daysAgo),
                })).IsSuccess);
            }

            Assert.True((await interactions.LogAsync(viewer, new InteractionInput
            {
                AccountId = account, Kind = InteractionKind.Meeting, Subject = "Първа среща", ContactIds = [dm], OccurredAt = DateTime.UtcNow.AddDays(-200),
            })).IsSuccess);
            var deal = (await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
            {
                AccountId = account, Title = app.Unique("Складов софтуер "), Amount = 42_000m,
                ExpectedCloseOn = DateOnly.FromDateTime(DateTime.Now).AddDays(45), StageId = DealDefaults.NegotiationId,
            })).Value;
            return (account, dm, deal);
        });

        var page = await SignInAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await page.GotoAsync($"/deals/{dealId}");
        var risk = page.GetByTestId("risk");
        await Expect(risk).ToContainTextAsync("В риск");
        // Nobody warm with her, the deal hangs on the signatory alone.
        await Expect(risk.Locator("li")).ToHaveTextAsync(
            [$"Никой от нас няма топла връзка с {decider} (Лице, вземащо решения).", $"Сделката зависи от един-единствен контакт: {signatoryName}."]);
        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(risk).ToContainTextAsync("At risk");
        await Expect(risk.Locator("li")).ToHaveTextAsync(
            [$"None of us has a warm relationship with {decider} (Decision-maker).", $"The deal hangs on one contact: {signatoryName}."]);

        // The manager meets her; the deal is no longer at risk.
        await page.GotoAsync($"/interactions/new?account={accountId}&contact={deciderId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log an interaction");
        await page.GetByLabel("Subject").FillAsync("Среща за внедряването");
        await page.GetByLabel("Kind").SelectOptionAsync(nameof(InteractionKind.Meeting));
        await Expect(page.GetByLabel(decider)).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Log an interaction");

        await page.GotoAsync($"/deals/{dealId}");
        await Expect(risk).ToHaveTextAsync("The decision-maker and signatory are warm with our people.");
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(risk).ToHaveTextAsync("Лицето, вземащо решения, и подписващото лице имат топли връзки с наши хора.");
    }
}
