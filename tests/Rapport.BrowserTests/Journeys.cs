using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
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
        await BrowserApp.SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task An_administrator_signs_in_and_adds_an_employee()
    {
        var (_, email) = await app.CreateUserAsync(null, Roles.Administrator);
        var team = await app.CreateTeamAsync(app.Unique("Пловдив "));
        var page = await SignInAsync(email);

        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        // Enhanced navigation swaps the page in; a click before it lands would go to the page it replaces.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Employees");
        await page.GetByRole(AriaRole.Link, new() { Name = "New employee" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New employee");
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
        await page.GetByPlaceholder("Name or e-mail").FillAsync(name.ToUpperInvariant());
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

    [Fact]
    public async Task An_account_manager_logs_a_meeting_and_the_decision_maker_becomes_covered()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Виктория Маринова "));
        var (_, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var page = await SignInAsync(email);
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Areas" }).GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("Accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "New account" }).First.ClickAsync();
        var account = app.Unique("Дунав Логистик ");
        await page.GetByLabel("Account name").FillAsync(account);
        await page.GetByLabel("Size").SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(heading).ToHaveTextAsync(account);
        await Expect(page.GetByTestId("coverage-summary")).ToHaveTextAsync("0/2 roles covered");
        await Expect(page.GetByTestId("coverage-DecisionMaker")).ToContainTextAsync("Not covered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add contact" }).First.ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Петър Стоянов");
        await page.GetByLabel("Job title").FillAsync("Управител");
        await page.GetByLabel("Buying role").SelectOptionAsync(new SelectOptionValue { Label = "Decision-maker" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(heading).ToHaveTextAsync("Петър Стоянов");

        // A second address goes in the empty box below the first; saving offers one more empty box.
        await page.GetByLabel("E-mail 1", new() { Exact = true }).FillAsync("petar@dunav.example");
        await page.GetByLabel("E-mail 2", new() { Exact = true }).FillAsync("p.stoyanov@home.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByTestId("contact-emails").GetByRole(AriaRole.Link)).ToHaveTextAsync(["petar@dunav.example", "p.stoyanov@home.example"]);
        await Expect(page.GetByLabel("E-mail 3", new() { Exact = true })).ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Log interaction" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("Log an interaction");
        await Expect(page.GetByLabel("Петър Стоянов")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Our people" }).GetByRole(AriaRole.Checkbox).First).ToBeCheckedAsync();
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Meeting" });
        // The subject has the focus, so a user types straight away and sends with Ctrl+Enter.
        await page.GetByLabel("Subject").FocusAsync();
        await page.Keyboard.TypeAsync("Годишен преглед на договора");
        await page.Keyboard.PressAsync("Control+Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Interaction logged.");
        await Expect(heading).ToHaveTextAsync(account);
        var contactRow = page.Locator("#contacts").GetByRole(AriaRole.Row, new() { Name = "Петър Стоянов" });
        await Expect(contactRow).ToContainTextAsync("45");
        await Expect(contactRow).ToContainTextAsync("Виктория Маринова");
        await Expect(page.GetByTestId("coverage-DecisionMaker")).ToContainTextAsync("✓ Covered");
        await Expect(page.GetByTestId("coverage-DecisionMaker")).ToContainTextAsync("45");
        await Expect(page.GetByTestId("coverage-Signatory")).ToContainTextAsync("Not covered");
        await Expect(page.GetByTestId("coverage-summary")).ToHaveTextAsync("1/2 roles covered");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Годишен преглед на договора");
    }

    [Fact]
    public async Task Type_ahead_finds_a_contact_typed_in_cyrillic_capitals_and_a_move_keeps_the_person()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Калина Георгиева "));
        var (_, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var tag = app.Unique("т").ToLowerInvariant();
        var (accountId, contactId) = await app.WithServicesAsync(async sp =>
        {
            var viewer = new Viewer(Guid.NewGuid(), employee, new HashSet<string> { Roles.AccountManager });
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = $"Родопа Мляко {tag}" })).Value;
            var contact = (await sp.GetRequiredService<ContactHandlers>().CreateAsync(viewer, account,
                new ContactInput { FullName = $"Йоана Благоева {tag}", Role = BuyingRoles.Signatory })).Value;
            return (account, contact);
        });
        var page = await SignInAsync(email);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync($"БЛАГОЕВА {tag.ToUpperInvariant()}");
        var suggestion = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Group, new() { Name = "Contacts" }).GetByRole(AriaRole.Option);
        await Expect(suggestion).ToHaveCountAsync(1);
        await Expect(suggestion).ToContainTextAsync($"Йоана Благоева {tag}");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contactId}$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Moved to another company" }).ClickAsync();
        await page.GetByLabel("or a company not in Rapport yet").FillAsync($"Нова Мандра {tag}");
        await page.GetByLabel("Job title").FillAsync("Финансов директор");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the move" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Йоана Благоева {tag}");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Нова Мандра {tag}");
        await page.GotoAsync($"/accounts/{accountId}");
        await Expect(page.Locator("#contacts")).ToContainTextAsync("Moved on");
    }

    [Fact]
    public async Task My_relationships_show_the_contact_on_the_heat_map_and_a_shortcut_opens_the_log_form()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Стефан Колев "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var contact = app.Unique("Невена Тодорова ");
        var account = await app.WithServicesAsync(async sp =>
        {
            var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
            var accountId = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Родопа Фарм ") })).Value;
            var contactId = (await sp.GetRequiredService<ContactHandlers>().CreateAsync(viewer, accountId,
                new ContactInput { FullName = contact, Role = BuyingRoles.DecisionMaker })).Value;
            var logged = await sp.GetRequiredService<InteractionHandlers>().LogAsync(viewer, new InteractionInput
            {
                AccountId = accountId, Kind = InteractionKind.Meeting, Subject = "Запознанство", ContactIds = [contactId],
            });
            Assert.True(logged.IsSuccess);
            return accountId;
        });
        var page = await SignInAsync(email);

        await page.GotoAsync("/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "My relationships" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My relationships");
        var chip = page.Locator("li.chip", new() { HasText = contact });
        await Expect(chip).ToContainTextAsync("45");
        await Expect(page.GetByText("Nothing is going cold")).ToBeVisibleAsync();

        await page.GotoAsync($"/accounts/{account}");
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("l");
        await Expect(page).ToHaveURLAsync(new Regex($"/interactions/new\\?account={account}$"));
        await Expect(page.GetByLabel(contact)).ToBeVisibleAsync();
        // The form's first field has the focus: what the user types goes into it.
        await Expect(page.GetByLabel("Subject")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Обаждане след срещата");
        await Expect(page.GetByLabel("Subject")).ToHaveValueAsync("Обаждане след срещата");
        await page.GotoAsync("/relationships");
        await page.Keyboard.PressAsync("Alt+l");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log an interaction");
        await Expect(page.GetByLabel("Account", new() { Exact = true })).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("bg-BG", "Подписващо лице", "Лице, вземащо решения", "Непокрита", "Влияещо лице")]
    [InlineData("en-GB", "Signatory", "Decision-maker", "Not covered", "Influencer")]
    public async Task Buying_roles_read_by_their_names_on_every_screen_that_shows_them(
        string locale, string signatory, string decisionMaker, string notCovered, string influencer)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Роли "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var (account, signer) = await app.WithServicesAsync(async sp =>
        {
            var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
            var accountId = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Роли и имена ") })).Value;
            var contacts = sp.GetRequiredService<ContactHandlers>();
            var signerId = (await contacts.CreateAsync(viewer, accountId, new ContactInput { FullName = "Сийка Подписова", Role = BuyingRoles.Signatory })).Value;
            var influencerId = (await contacts.CreateAsync(viewer, accountId, new ContactInput { FullName = "Иво Влиятелев", Role = BuyingRoles.Influencer })).Value;
            await sp.GetRequiredService<InteractionHandlers>().LogAsync(viewer, new InteractionInput
            {
                AccountId = accountId, Kind = InteractionKind.Meeting, Subject = "Отдавнашна среща", ContactIds = [signerId, influencerId],
                OccurredAt = DateTime.UtcNow.AddDays(-120),
            });
            return (accountId, signerId);
        });
        var page = await SignInAsync(email);
        if (locale.StartsWith("bg", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        }

        await page.GotoAsync($"/accounts/{account}");
        await Expect(page.Locator("#contacts").GetByRole(AriaRole.Row, new() { Name = "Сийка Подписова" })).ToContainTextAsync(signatory);
        await Expect(page.Locator("#contacts").GetByRole(AriaRole.Row, new() { Name = "Иво Влиятелев" })).ToContainTextAsync(influencer);
        await Expect(page.GetByTestId("coverage-DecisionMaker")).ToContainTextAsync($"{decisionMaker} {notCovered}");
        await Expect(page.GetByTestId("coverage-Signatory")).ToContainTextAsync(signatory);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("c.Role");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("role.Role");

        await page.GotoAsync($"/contacts/{signer}");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(signatory);

        await page.GotoAsync("/relationships");
        // The heat map names her too; the list's row says her role.
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Сийка Подписова" }).Filter(new() { HasText = signatory }).First)
            .ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("r.Role");
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

        // Setting up hashes a password and writes the organisation: on a busy machine it takes longer than a click.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Мария Петрова", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Акме ООД")).ToBeVisibleAsync();
        var response = await page.GotoAsync("/setup");
        Assert.Equal(404, response!.Status);
    }
}
