using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>What a person does in Rapport, in a real browser.</summary>
public sealed partial class Journeys(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SignInAsync(string email, string locale = "en-GB")
    {
        var page = await app.NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(RapportApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        return page;
    }

    [Fact]
    public async Task An_administrator_signs_in_and_adds_an_employee()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var team = await app.CreateTeamAsync(app.Unique("Пловдив "));
        var page = await SignInAsync(email);

        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New employee" }).First.ClickAsync();
        var name = app.Unique("Радостина Илиева ");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync("radostina@example.bg");
        await page.GetByLabel("Position").FillAsync("Account Manager");
        await page.GetByLabel("Team").SelectOptionAsync(new SelectOptionValue { Value = team.ToString() });
        await page.GetByLabel("Capacity for the account-manager role").FillAsync("0.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);

        await page.GetByRole(AriaRole.Link, new() { Name = "Employees" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Searchbox).FillAsync(name.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_bad_form_keeps_the_input_and_says_what_is_wrong()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var page = await SignInAsync(email);
        await page.GotoAsync("/people/employees/new");
        await page.GetByLabel("E-mail").FillAsync("keep.me@example.bg");
        await page.GetByLabel("Employment start").FillAsync("2026-03-01");
        await page.GetByLabel("Employment end").FillAsync("2026-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Full name is required.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync("keep.me@example.bg");
        await page.GetByLabel("Full name").FillAsync("Борис Кирилов");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("The end date cannot be before the start date.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Борис Кирилов");
    }

    [Fact]
    public async Task Switching_to_bulgarian_translates_the_interface_and_is_remembered()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.HeadOfSales);
        var page = await SignInAsync(email);
        await page.GotoAsync("/people/employees");

        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Служители");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Хора" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "bg");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Служители");
    }

    [Fact]
    public async Task A_user_creates_an_api_token_and_sees_it_once()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Finance);
        var page = await SignInAsync(email);
        await page.GotoAsync("/account/tokens");
        await page.GetByLabel("Token name").FillAsync("Payroll script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var secret = await page.GetByTestId("token-secret").TextContentAsync();
        Assert.Matches(TokenPattern(), secret);
        await page.GotoAsync("/account/tokens");
        await Expect(page.GetByTestId("token-secret")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Payroll script" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^rpt_[A-Za-z0-9_-]{40,}$")]
    private static partial Regex TokenPattern();
}

/// <summary>A fresh installation in a browser: the one-time setup page.</summary>
public sealed class FirstRun(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_first_visit_sets_up_the_first_administrator()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));

        await page.GetByLabel("Organisation name").FillAsync("Акме ООД");
        await page.GetByLabel("Display name").FillAsync("Мария Петрова");
        await page.GetByLabel("E-mail").FillAsync("maria@acme.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Maria-admin-2026");
        await page.GetByLabel("Confirm password").FillAsync("Maria-admin-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Мария Петрова");
        await Expect(page.GetByText("Акме ООД")).ToBeVisibleAsync();
        var response = await page.GotoAsync("/setup");
        Assert.Equal(404, response!.Status);
    }
}
