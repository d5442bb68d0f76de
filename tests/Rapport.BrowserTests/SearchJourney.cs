using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

public sealed partial class Journeys
{
    /// <summary>A manager with an account written in Cyrillic and a contact whose surname starts the same way.</summary>
    private async Task<(string Email, Guid Account)> ManagerWithPirinAsync(string name)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique(name));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var account = await app.WithServicesAsync(async sp =>
        {
            var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
            var id = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = "Пирин Текстил ООД", Domain = "pirin-tekstil.bg" })).Value;
            await sp.GetRequiredService<ContactHandlers>().CreateAsync(viewer, id, new ContactInput { FullName = "Ирина Пиринска", Role = BuyingRoles.DecisionMaker });
            return id;
        });
        return (email, account);
    }

    [Fact]
    public async Task Type_ahead_finds_a_cyrillic_account_typed_in_latin_under_its_heading_and_opens_it_from_the_keyboard()
    {
        var (email, account) = await ManagerWithPirinAsync("Мирослав Ангелов ");
        var page = await SignInAsync(email);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("pirin");

        var list = page.GetByRole(AriaRole.Listbox);
        var accounts = list.GetByRole(AriaRole.Group, new() { Name = "Accounts" });
        await Expect(accounts).ToContainTextAsync("Accounts");
        await Expect(accounts.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(accounts.GetByRole(AriaRole.Option)).ToContainTextAsync("Пирин Текстил ООД");
        await Expect(accounts.Locator("mark")).ToHaveTextAsync(["Пирин", "pirin"]);
        var contacts = list.GetByRole(AriaRole.Group, new() { Name = "Contacts" });
        await Expect(contacts.GetByRole(AriaRole.Option)).ToContainTextAsync("Ирина Пиринска");
        await Expect(contacts.Locator("mark")).ToHaveTextAsync("Пирин");
        await Expect(list.GetByRole(AriaRole.Option).Last).ToHaveTextAsync("All results for “pirin”");

        // Escape closes the list; typing opens it again; the arrows move through it and Enter opens the one chosen.
        await page.Keyboard.PressAsync("Escape");
        await Expect(list).ToBeHiddenAsync();
        await page.Keyboard.TypeAsync(" ");
        await Expect(list).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(contacts.GetByRole(AriaRole.Option)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(accounts.GetByRole(AriaRole.Option)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/accounts/{account}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Пирин Текстил ООД");
    }

    [Fact]
    public async Task In_bulgarian_the_type_ahead_groups_under_bulgarian_headings_and_leads_to_all_results()
    {
        var (email, _) = await ManagerWithPirinAsync("Надежда Колева ");
        var page = await SignInAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "bg");
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("пирин");

        var list = page.GetByRole(AriaRole.Listbox);
        await Expect(list.GetByRole(AriaRole.Group, new() { Name = "Клиенти" }).GetByRole(AriaRole.Option)).ToContainTextAsync("Пирин Текстил ООД");
        await Expect(list.GetByRole(AriaRole.Group, new() { Name = "Контакти" }).GetByRole(AriaRole.Option)).ToContainTextAsync("Ирина Пиринска");
        var all = list.GetByRole(AriaRole.Option).Last;
        await Expect(all).ToHaveTextAsync("Всички резултати за „пирин“");
        // Up from the box goes round to the last entry.
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(all).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=%D0%BF%D0%B8%D1%80%D0%B8%D0%BD$"));
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(["Клиенти", "Контакти"]);
        await Expect(page.GetByRole(AriaRole.Main).Locator("mark").First).ToHaveTextAsync("Пирин");
    }

    [Fact]
    public async Task Without_script_the_search_box_opens_the_results_page_grouped_and_marked()
    {
        var (email, account) = await ManagerWithPirinAsync("Борислав Денев ");
        var page = await app.NewPageAsync(javaScript: false);
        await BrowserApp.SignInAsync(page, email);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.FillAsync("pirin");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=pirin$"));
        var accounts = page.GetByRole(AriaRole.Region, new() { Name = "Accounts" });
        await Expect(accounts.GetByRole(AriaRole.Link)).ToHaveTextAsync("Пирин Текстил ООД");
        await Expect(accounts.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/accounts/{account}");
        await Expect(accounts.Locator("mark")).ToHaveTextAsync(["Пирин", "pirin"]);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Contacts" })).ToContainTextAsync("Ирина Пиринска");
    }
}
