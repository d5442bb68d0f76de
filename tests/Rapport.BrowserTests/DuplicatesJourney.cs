using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

public sealed partial class Journeys
{
    [Fact]
    public async Task An_account_manager_is_warned_of_a_namesake_creates_it_anyway_then_merges_the_two()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Стефан Тодоров "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var tag = app.Unique("");
        var (existing, typed) = ($"Технострой {tag} ООД", $"Техно Строй {tag} ООД");
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AccountHandlers>().CreateAsync(
            new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager }), new AccountInput { Name = existing, Industry = "Строителство" })).Value);
        var page = await SignInAsync(email);
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        // English: the warning lists the namesake and keeps what was typed.
        await page.GotoAsync("/accounts/new");
        await page.GetByLabel("Account name").FillAsync(typed);
        await page.GetByLabel("Region").FillAsync("Пловдив");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var warning = page.GetByRole(AriaRole.Alert);
        await Expect(warning.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Similar records already exist");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = existing })).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("Same name");
        await Expect(page.GetByLabel("Account name")).ToHaveValueAsync(typed);
        await Expect(page.GetByLabel("Region")).ToHaveValueAsync("Пловдив");

        // Bulgarian: the same warning, and creating anyway.
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("Нов клиент");
        await page.GetByLabel("Име на клиента").FillAsync(typed);
        await page.GetByLabel("Регион").FillAsync("Пловдив");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        await Expect(warning.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Вече има подобни записи");
        await Expect(warning).ToContainTextAsync("Еднакво име");
        await page.GetByRole(AriaRole.Button, new() { Name = "Създай въпреки това" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync(typed);

        // Back in English, the pair is on the duplicates page; the newer record stays with the older one's name and its own region.
        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await page.GotoAsync("/accounts/duplicates");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = typed }).GetByRole(AriaRole.Link, new() { Name = "Compare and merge" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("Merge accounts");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Account name" })).ToContainTextAsync("differs");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Industry" })).ToContainTextAsync("Строителство");
        await page.GetByLabel("Keep this record").Nth(1).CheckAsync();
        await page.GetByLabel(existing, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Review the merge" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm the merge" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"“{existing}” will be merged into “{typed}” and then deleted.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        var outcome = page.GetByRole(AriaRole.Status);
        await Expect(outcome).ToContainTextAsync($"“{existing}” was merged into “{typed}”.");
        await Expect(outcome).ToContainTextAsync("The record that stays kept:");
        await Expect(outcome).ToContainTextAsync("Строителство");
        await outcome.GetByRole(AriaRole.Link, new() { Name = "Open the account" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync(existing);
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Пловдив" })).ToBeVisibleAsync();
    }
}
