using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>A manager's day with tasks, in Bulgarian: an overdue next step on Home snoozed, another marked done on the task list.</summary>
public sealed class TaskJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_snoozes_an_overdue_next_step_from_home_and_marks_another_done_in_my_tasks()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Десислава Ангелова "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
        var (today, overdue, dueToday) = await app.WithServicesAsync(async sp =>
        {
            var tasks = sp.GetRequiredService<FollowUps>();
            var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Марица Агро ") })).Value;
            foreach (var (step, days) in new[] { ("Изпрати оферта за сеялките", -2), ("Уточни срока на доставка", 0) })
            {
                var logged = await sp.GetRequiredService<InteractionHandlers>().LogAsync(viewer, new InteractionInput
                {
                    AccountId = account, Kind = InteractionKind.Call, Subject = "Разговор", NextStep = step, NextStepDue = tasks.Today.AddDays(days),
                });
                Assert.True(logged.IsSuccess);
            }

            var mine = await tasks.MineAsync(viewer);
            return (tasks.Today, mine.Single(t => t.DaysOverdue == 2).Id, mine.Single(t => t.DueOn == tasks.Today).Id);
        });

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Добре дошли");

        // Home: the overdue next step stands out with its days, and goes to next week.
        var late = page.GetByTestId($"task-{overdue}");
        await Expect(late).ToContainTextAsync("Изпрати оферта за сеялките");
        await Expect(late.Locator(".badge.overdue")).ToHaveTextAsync("просрочена с 2 дни");
        await Expect(late).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boverdue\b"));
        await late.GetByRole(AriaRole.Button, new() { Name = "Следващата седмица" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Задачата е отложена.");
        await Expect(page.GetByTestId($"task-{overdue}").Locator(".badge.overdue")).ToHaveCountAsync(0);
        var monday = TaskDates.NextWeek(today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId($"task-{overdue}").Locator("time")).ToHaveAttributeAsync("datetime", monday);

        // My tasks: the one due today is marked done; the counts follow.
        await page.GetByRole(AriaRole.Link, new() { Name = "Всички мои задачи" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Задачи");
        await Expect(page.GetByTestId("count-open")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-overdue")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("count-today")).ToHaveTextAsync("1");
        var todays = page.GetByTestId($"task-{dueToday}");
        await Expect(todays.Locator(".badge")).ToHaveTextAsync("за днес");
        await todays.GetByRole(AriaRole.Button, new() { Name = "Готово" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Задачата е отбелязана като изпълнена.");
        await Expect(page.GetByTestId($"task-{dueToday}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("count-open")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("count-today")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("count-later")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("count-done")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Изпълнени 1" }).ClickAsync();
        await Expect(page.GetByTestId($"task-{dueToday}")).ToContainTextAsync("Уточни срока на доставка");
        await Expect(page.GetByTestId($"task-{dueToday}").GetByRole(AriaRole.Button, new() { Name = "Отвори отново" })).ToBeVisibleAsync();
    }
}
