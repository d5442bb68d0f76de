using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Rapport.ClientBase;
using Rapport.IntegrationTests;
using Rapport.IntegrationTests.Service;
using Rapport.Service;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>
/// A case arrives close to its first-response deadline; the account's health says so, the coordinator answers before
/// breach, and the health panel gives the points back with the reason, in Bulgarian and in English.
/// </summary>
public sealed class HealthJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_case_answered_before_breach_gives_the_account_back_its_health_and_the_panel_says_why()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Ралица Костова "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.Coordinator);
        var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.Coordinator });
        var (account, opened) = await app.WithServicesAsync(async sp =>
        {
            var id = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput
            {
                Name = app.Unique("Марица Логистик "), OwnerId = employee, CoordinatorId = employee,
            })).Value;
            var contact = (await sp.GetRequiredService<ContactHandlers>().CreateAsync(viewer, id,
                new ContactInput { FullName = app.Unique("Иво Маринов "), Role = BuyingRoles.User })).Value;
            var opened = (await sp.GetRequiredService<CaseHandlers>().CreateAsync(viewer, new CaseInput
            {
                AccountId = id, ContactId = contact, Subject = "Спря синхронизацията на складовете", Priority = CasePriority.Urgent,
            })).Value;
            return (id, opened);
        });

        // It arrived fifty working minutes ago: the urgent first response (one hour) is near breach.
        await app.BackdateCaseAsync(opened, Duration.FromMinutes(50));

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Добре дошли");

        await page.GotoAsync($"/accounts/{account}");
        var health = page.Locator("#health");
        var cases = health.Locator("[data-factor=Cases]");
        await Expect(health.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Състояние на клиента");
        await Expect(cases).ToContainTextAsync("Заявки за обслужване");
        await Expect(cases.Locator("[data-points]")).ToHaveTextAsync("15 / 20");
        await Expect(cases).ToContainTextAsync("С нарушен срок: 0; близо до нарушение: 1.");
        var before = int.Parse(await health.Locator("[data-health]").GetAttributeAsync("data-health") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

        // The coordinator opens the case from the account's Cases panel and answers it.
        await page.Locator("#cases").GetByRole(AriaRole.Link, new() { Name = "Спря синхронизацията на складовете" }).ClickAsync();
        await Expect(page.GetByTestId("first-response")).ToContainTextAsync("Близо до просрочване");
        await page.GetByLabel("Отговор", new() { Exact = true }).FillAsync("Рестартирахме услугата, проверете, моля.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Изпрати" }).ClickAsync();
        await Expect(page.GetByTestId("first-response")).ToHaveTextAsync("Отговорено в срок");

        // Back on the account, the cases factor has its twenty points again, and says why.
        await page.GotoAsync($"/accounts/{account}");
        await Expect(cases.Locator("[data-points]")).ToHaveTextAsync("20 / 20");
        await Expect(cases).ToContainTextAsync("Отворени заявки: 1, всички в срок по SLA.");
        await Expect(health.Locator("[data-health]")).ToHaveAttributeAsync("data-health", (before + 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator(".facts [data-health]")).ToContainTextAsync($"{before + 5} ·");

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(health.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Account health");
        await Expect(cases).ToContainTextAsync("Service cases");
        await Expect(cases).ToContainTextAsync("Open cases: 1, all within their SLA.");
        
    }
}
