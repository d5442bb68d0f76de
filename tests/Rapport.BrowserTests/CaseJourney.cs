using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>A coordinator's case, in Bulgarian and then English: opened from the account page, answered before it falls due.</summary>
public sealed class CaseJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_coordinator_opens_a_case_from_the_account_answers_it_before_breach_and_reads_it_answered_in_time()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Гергана Илиева "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.Coordinator);
        var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.Coordinator });
        var contactName = app.Unique("Стоян Русев ");
        var account = await app.WithServicesAsync(async sp =>
        {
            var id = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput
            {
                Name = app.Unique("Дунав Софт "), OwnerId = employee, CoordinatorId = employee,
            })).Value;
            Assert.True((await sp.GetRequiredService<ContactHandlers>().CreateAsync(viewer, id,
                new ContactInput { FullName = contactName, Role = BuyingRoles.User })).IsSuccess);
            return id;
        });

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Добре дошли");

        // The account's Cases panel says there is nothing open, and offers a new case.
        await page.GotoAsync($"/accounts/{account}");
        var panel = page.Locator("#cases");
        await Expect(panel).ToContainTextAsync("Няма отворени заявки.");
        await panel.GetByRole(AriaRole.Link, new() { Name = "Нова заявка" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Нова заявка");
        await page.GetByLabel("Подадена от").SelectOptionAsync(new SelectOptionValue { Label = contactName });
        await page.GetByLabel("Тема").FillAsync("Не се генерират месечните отчети");
        await page.GetByLabel("Приоритет").SelectOptionAsync(new SelectOptionValue { Label = "Спешен" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Открий заявка" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Не се генерират месечните отчети");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Нова");
        await Expect(page.GetByTestId("priority")).ToHaveTextAsync("Спешен");
        await Expect(page.GetByTestId("first-response")).ToContainTextAsync("В срок, до");
        await Expect(page.Locator(".page-head [data-sla]")).ToHaveTextAsync("В срок");

        await page.GetByLabel("Отговор", new() { Exact = true }).FillAsync("Здравейте, проверяваме и ще ви пишем до час.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Изпрати" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Запазено.");
        await Expect(page.GetByTestId("first-response")).ToHaveTextAsync("Отговорено в срок");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("В работа");
        await Expect(page.Locator("#thread")).ToContainTextAsync("Здравейте, проверяваме и ще ви пишем до час.");

        // In English the same case reads the same.
        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(page.GetByTestId("first-response")).ToHaveTextAsync("Answered in time");
        await Expect(page.Locator(".page-head [data-sla]")).ToHaveTextAsync("On track");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("In progress");
    }
}
