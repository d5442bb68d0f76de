using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// Tasks (next steps and follow-ups): their words in the reader's language, marking done, snoozing and reopening
/// through the page forms and the API, the list's filters, counts and pages, who may change whose, and the migration.
/// </summary>
public abstract partial class TasksTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private sealed record Person(Guid EmployeeId, Guid UserId, string Email, string Name, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role = Roles.AccountManager, Guid? teamId = null)
    {
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName, teamId);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, userId, email, fullName, await app.ApiClientForAsync(userId));
    }

    /// <summary>An account of the owner's; a coordinator other than the owner is one an administrator assigns.</summary>
    private async Task<AccountDetails> AccountAsync(Person owner, string name, Guid? coordinatorId = null)
    {
        var api = coordinatorId is null ? owner.Api : await app.ApiClientAsync(null, Roles.Administrator);
        return await (await api.PostJsonAsync("/api/v1/accounts", new AccountInput
        {
            Name = app.Unique(name), OwnerId = owner.EmployeeId, CoordinatorId = coordinatorId,
        })).ReadAsync<AccountDetails>(HttpStatusCode.Created);
    }

    private static async Task<ContactDetails> ContactAsync(Person owner, Guid accountId, string name, string role = BuyingRoles.DecisionMaker) =>
        await (await owner.Api.PostJsonAsync($"/api/v1/accounts/{accountId}/contacts", new ContactInput { FullName = name, Role = role }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);

    /// <summary>Logs an interaction with a next step due that many days from today and returns the task it became.</summary>
    private async Task<FollowUpRow> NextStepAsync(Person by, Guid accountId, string step, int dueInDays, params Guid[] contacts)
    {
        var due = (await TodayAsync()).AddDays(dueInDays);
        (await by.Api.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = accountId, Kind = InteractionKind.Call, Subject = "Разговор", NextStep = step, NextStepDue = due, ContactIds = [.. contacts],
        })).EnsureSuccessStatusCode();
        var page = await (await by.Api.GetAsync($"/api/v1/follow-ups?accountId={accountId}&everyone=true&size=200")).ReadAsync<Page<FollowUpRow>>();
        return Assert.Single(page.Items, t => t.Title == step);
    }

    private Task<DateOnly> TodayAsync() => app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<FollowUps>().Today));

    private static async Task<FollowUpRow?> FindAsync(Person who, Guid id)
    {
        var response = await who.Api.GetAsync($"/api/v1/follow-ups/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.ReadAsync<FollowUpRow>();
    }

    private static async Task<string> ApiTitleAsync(HttpClient client, Guid id, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/follow-ups/{id}");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return (await (await client.SendAsync(request)).ReadAsync<FollowUpRow>()).Title;
    }

    /// <summary>The text a reader sees: tags out, entities decoded, white space as single spaces.</summary>
    private static string Visible(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    private static Task<HttpResponseMessage> PostTaskAsync(HttpClient client, string page, Guid id, string action, Dictionary<string, string>? fields = null) =>
        RapportApp.PostFormAsync(client, page, null, new Dictionary<string, string>(fields ?? []) { ["returnUrl"] = page }, action: $"/tasks/{id}/{action}");

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.ToString();

    [Fact]
    public async Task A_moved_contacts_task_reads_in_the_readers_language_on_home_the_account_the_contact_and_the_api()
    {
        var owner = await PersonAsync("Собственик ");
        var account = await AccountAsync(owner, "Стара фирма ");
        var contact = await ContactAsync(owner, account.Id, "Милена Тодорова");
        var newEmployer = app.Unique("Нова фирма ");

        // The move is recorded in English; the owner reads Bulgarian.
        using (var move = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/contacts/{contact.Id}/move")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new ContactMoveInput
            {
                NewAccountName = newEmployer, Role = BuyingRoles.DecisionMaker, Version = contact.Version,
            }, options: Api.Json),
        })
        {
            move.Headers.AcceptLanguage.ParseAdd("en-GB");
            (await owner.Api.SendAsync(move)).EnsureSuccessStatusCode();
        }

        var task = Assert.Single(await (await owner.Api.GetAsync("/api/v1/follow-ups/mine")).ReadAsync<List<FollowUpRow>>());
        Assert.Equal((FollowUpKind.RecoverRole, contact.Id, "Милена Тодорова", BuyingRoles.DecisionMaker, newEmployer),
            (task.Kind, task.ContactId, task.ContactName, task.RoleCode, task.TargetAccountName));
        var bulgarian = $"Покрийте отново ролята „Лице, вземащо решения“: Милена Тодорова премина в {newEmployer}";
        var english = $"Re-cover the Decision-maker role: Милена Тодорова moved to {newEmployer}";
        Assert.Equal(bulgarian, await ApiTitleAsync(owner.Api, task.Id, "bg-BG"));
        Assert.Equal(english, await ApiTitleAsync(owner.Api, task.Id, "en-GB"));

        var browser = await app.SignedInClientAsync(owner.Email);
        Assert.Contains(bulgarian, Visible(await browser.GetStringAsync($"/?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains(bulgarian, Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains(bulgarian, Visible(await browser.GetStringAsync($"/contacts/{contact.Id}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains(bulgarian, Visible(await browser.GetStringAsync($"/tasks?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains(english, Visible(await browser.GetStringAsync($"/?{English}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Re-cover", Visible(await browser.GetStringAsync($"/?{Bulgarian}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_step_becomes_a_task_that_stands_out_when_overdue_and_is_snoozed_done_and_reopened_through_the_page()
    {
        var me = await PersonAsync("Изпълнител ");
        var account = await AccountAsync(me, "Клиент със задачи ");
        var today = await TodayAsync();
        var overdue = await NextStepAsync(me, account.Id, "Изпрати оферта", -3);
        var later = await NextStepAsync(me, account.Id, "Обади се за договора", 20);
        Assert.Equal((FollowUpKind.NextStep, 3, me.EmployeeId), (overdue.Kind, overdue.DaysOverdue, overdue.AssigneeId));
        Assert.True(overdue.Overdue);

        var browser = await app.SignedInClientAsync(me.Email);
        var home = Visible(await browser.GetStringAsync($"/?{Bulgarian}"));
        Assert.Contains("просрочена с 3 дни", home, StringComparison.Ordinal);
        Assert.Contains("Изпрати оферта", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Обади се за договора", home, StringComparison.Ordinal);
        var list = await browser.GetStringAsync($"/tasks?{English}");
        Assert.Contains("3 days overdue", Visible(list), StringComparison.Ordinal);
        Assert.Matches($"data-testid=\"task-{overdue.Id}\"[^>]*class=\"task overdue|class=\"task overdue[^\"]*\" data-testid=\"task-{overdue.Id}\"", list);
        Assert.Contains("data-testid=\"count-overdue\">1<", list, StringComparison.Ordinal);

        // To next week, from Home: the task is on Monday of next week and no longer overdue.
        var snoozed = await PostTaskAsync(browser, "/", overdue.Id, "snooze", new() { ["to"] = "NextWeek" });
        Assert.Equal(HttpStatusCode.Redirect, snoozed.StatusCode);
        Assert.Equal("/?task=snoozed", PathOf(snoozed));
        Assert.Contains("Задачата е отложена.", Visible(await browser.GetStringAsync($"/?task=snoozed&{Bulgarian}")), StringComparison.Ordinal);
        var moved = (await FindAsync(me, overdue.Id))!;
        Assert.Equal((TaskDates.NextWeek(today), 0), (moved.DueOn, moved.DaysOverdue));
        Assert.Equal(DayOfWeek.Monday, moved.DueOn.DayOfWeek);

        // To a chosen day, then a day in the past, which is refused with a message.
        var chosen = today.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await PostTaskAsync(browser, "/tasks", later.Id, "snooze", new() { ["until"] = chosen })).StatusCode);
        Assert.Equal(today.AddDays(12), (await FindAsync(me, later.Id))!.DueOn);
        var past = await PostTaskAsync(browser, "/tasks", later.Id, "snooze", new() { ["until"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal("/tasks?task=invalid", PathOf(past));
        Assert.Contains("Choose today or a later day.", Visible(await browser.GetStringAsync($"/tasks?task=invalid&{English}")), StringComparison.Ordinal);
        Assert.Equal(today.AddDays(12), (await FindAsync(me, later.Id))!.DueOn);

        // Done from the task list: it leaves the open list and is counted among the done ones.
        var done = await PostTaskAsync(browser, "/tasks?due=later", later.Id, "done");
        Assert.Equal("/tasks?due=later&task=done", PathOf(done));
        var after = await browser.GetStringAsync($"/tasks?due=later&task=done&{English}");
        Assert.Contains("Task marked done.", Visible(after), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"task-{later.Id}\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-done\">1<", after, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"task-{later.Id}\"", await browser.GetStringAsync("/tasks?state=done"), StringComparison.Ordinal);
        Assert.NotNull((await FindAsync(me, later.Id))!.DoneAt);

        // Snoozing a done task is refused; reopening it brings it back.
        var refused = await me.Api.PostJsonAsync($"/api/v1/follow-ups/{later.Id}/snooze", new SnoozeInput { To = SnoozePreset.Tomorrow });
        await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await me.Api.PostAsync($"/api/v1/follow-ups/{later.Id}/reopen", null)).StatusCode);
        var snoozedByApi = await (await me.Api.PostJsonAsync($"/api/v1/follow-ups/{later.Id}/snooze", new SnoozeInput { To = SnoozePreset.Tomorrow }))
            .ReadAsync<FollowUpRow>();
        Assert.Equal((today.AddDays(1), (DateTime?)null), (snoozedByApi.DueOn, snoozedByApi.DoneAt));
        await (await me.Api.PostJsonAsync($"/api/v1/follow-ups/{later.Id}/snooze", new SnoozeInput())).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_task_list_filters_by_state_due_date_and_account_counts_and_pages_by_due_date()
    {
        var me = await PersonAsync("Списък ");
        var first = await AccountAsync(me, "Първи ");
        var second = await AccountAsync(me, "Втори ");
        var today = await TodayAsync();
        var days = new[] { 10, -2, 0, 1 };
        var tasks = new List<FollowUpRow>();
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            tasks.Add(await NextStepAsync(me, i % 2 == 0 ? first.Id : second.Id, $"Стъпка {i}", day));
        }

        var expected = Enum.GetValues<TaskDue>().ToDictionary(d => d, d => days.Count(day => TaskDates.Bucket(today.AddDays(day), today) == d));
        var counts = await (await me.Api.GetAsync("/api/v1/follow-ups/counts")).ReadAsync<TaskCounts>();
        Assert.Equal((expected[TaskDue.Overdue], expected[TaskDue.Today], expected[TaskDue.Week], expected[TaskDue.Later], 0),
            (counts.Overdue, counts.Today, counts.Week, counts.Later, counts.Done));

        // Two at a time, soonest first, the second page after the first.
        var page1 = await (await me.Api.GetAsync("/api/v1/follow-ups?size=2")).ReadAsync<Page<FollowUpRow>>();
        var page2 = await (await me.Api.GetAsync($"/api/v1/follow-ups?size=2&after={page1.Next}")).ReadAsync<Page<FollowUpRow>>();
        Assert.Equal(["Стъпка 1", "Стъпка 2"], page1.Items.Select(t => t.Title));
        Assert.Equal(["Стъпка 3", "Стъпка 0"], page2.Items.Select(t => t.Title));
        Assert.Null(page2.Next);

        var overdue = await (await me.Api.GetAsync("/api/v1/follow-ups?due=Overdue")).ReadAsync<Page<FollowUpRow>>();
        Assert.Equal(["Стъпка 1"], overdue.Items.Select(t => t.Title));
        var onSecond = await (await me.Api.GetAsync($"/api/v1/follow-ups?accountId={second.Id}")).ReadAsync<Page<FollowUpRow>>();
        Assert.Equal(["Стъпка 1", "Стъпка 3"], onSecond.Items.Select(t => t.Title));
        Assert.Equal(2, (await (await me.Api.GetAsync($"/api/v1/follow-ups/counts?accountId={second.Id}")).ReadAsync<TaskCounts>()).Open);

        var browser = await app.SignedInClientAsync(me.Email);
        var later = Visible(await browser.GetStringAsync($"/tasks?due=later&{English}"));
        Assert.Contains("Стъпка 0", later, StringComparison.Ordinal);
        Assert.DoesNotContain("Стъпка 1", later, StringComparison.Ordinal);
        var account = Visible(await browser.GetStringAsync($"/tasks?account={first.Id}&{Bulgarian}"));
        Assert.Contains("Стъпка 2", account, StringComparison.Ordinal);
        Assert.DoesNotContain("Стъпка 3", account, StringComparison.Ordinal);
        Assert.Contains(first.Name, account, StringComparison.Ordinal);
        Assert.Contains("No tasks match these filters.", Visible(await browser.GetStringAsync($"/tasks?state=done&{English}")), StringComparison.Ordinal);

        var newcomer = await PersonAsync("Новак ");
        var empty = Visible(await (await app.SignedInClientAsync(newcomer.Email)).GetStringAsync($"/tasks?{Bulgarian}"));
        Assert.Contains("Няма отворени задачи. Когато запишете взаимодействие със следваща стъпка и срок, тя става задача тук.", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_assignee_the_accounts_editors_the_assignees_head_of_sales_and_administrators_may_change_a_task()
    {
        var headEmployee = await app.CreateEmployeeAsync(app.Unique("Ръководител "));
        var team = await app.CreateTeamAsync(app.Unique("Екип "), headEmployee);
        var (headUser, headEmail) = await app.CreateUserAsync(headEmployee, Roles.HeadOfSales);
        var head = new Person(headEmployee, headUser, headEmail, "", await app.ApiClientForAsync(headUser));
        var owner = await PersonAsync("Собственик ", teamId: team);
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var reader = await PersonAsync("Читател ");
        var outsider = await PersonAsync("Външен ");
        var otherHeadEmployee = await app.CreateEmployeeAsync(app.Unique("Друг ръководител "));
        await app.CreateTeamAsync(app.Unique("Друг екип "), otherHeadEmployee);
        var (otherHeadUser, _) = await app.CreateUserAsync(otherHeadEmployee, Roles.HeadOfSales);
        var otherHead = await app.ApiClientForAsync(otherHeadUser);
        var admin = await app.ApiClientAsync(null, Roles.Administrator);

        var account = await AccountAsync(owner, "Пазен клиент ", coordinator.EmployeeId);
        var contact = await ContactAsync(owner, account.Id, "Огнян Василев");
        // The reader holds a relationship with the account's contact, so reads the account, but edits nothing.
        (await owner.Api.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Kind = InteractionKind.Meeting, Subject = "Среща", EmployeeIds = [owner.EmployeeId, reader.EmployeeId], ContactIds = [contact.Id],
        })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await reader.Api.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        var task = await NextStepAsync(owner, account.Id, "Подготви анекс", 2);
        var readersOwn = await NextStepAsync(reader, account.Id, "Изпрати материали", 4);
        Assert.Equal(reader.EmployeeId, readersOwn.AssigneeId);

        async Task AssertOpenAsync() => Assert.Null((await FindAsync(owner, task.Id))!.DoneAt);

        // Refused: not found, through the API and the page form, and the task stays as it was.
        foreach (var client in new[] { reader.Api, outsider.Api, otherHead })
        {
            await (await client.PostAsync($"/api/v1/follow-ups/{task.Id}/done", null)).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostJsonAsync($"/api/v1/follow-ups/{task.Id}/snooze", new SnoozeInput { To = SnoozePreset.NextWeek }))
                .ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync($"/api/v1/follow-ups/{task.Id}/reopen", null)).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/follow-ups/{task.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        }

        var readerBrowser = await app.SignedInClientAsync(reader.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await PostTaskAsync(readerBrowser, "/tasks", task.Id, "done")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostTaskAsync(readerBrowser, "/tasks", task.Id, "snooze", new() { ["to"] = "Tomorrow" })).StatusCode);
        var outsiderBrowser = await app.SignedInClientAsync(outsider.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await PostTaskAsync(outsiderBrowser, "/tasks", task.Id, "done")).StatusCode);
        await AssertOpenAsync();
        Assert.Equal(task.DueOn, (await FindAsync(owner, task.Id))!.DueOn);
        var readersPage = await readerBrowser.GetStringAsync($"/accounts/{account.Id}");
        Assert.DoesNotContain($"/tasks/{task.Id}/", readersPage, StringComparison.Ordinal);
        Assert.Contains($"/tasks/{readersOwn.Id}/done", readersPage, StringComparison.Ordinal);

        // Allowed: the assignee, the coordinator (an editor of the account), the assignee's head of sales, an administrator.
        foreach (var client in new[] { owner.Api, coordinator.Api, head.Api, admin })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/follow-ups/{task.Id}/done", null)).StatusCode);
            Assert.NotNull((await FindAsync(owner, task.Id))!.DoneAt);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/follow-ups/{task.Id}/reopen", null)).StatusCode);
            await AssertOpenAsync();
        }

        var coordinatorBrowser = await app.SignedInClientAsync(coordinator.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await PostTaskAsync(coordinatorBrowser, $"/accounts/{account.Id}", task.Id, "done")).StatusCode);
        Assert.NotNull((await FindAsync(owner, task.Id))!.DoneAt);
        var headBrowser = await app.SignedInClientAsync(head.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await PostTaskAsync(headBrowser, "/tasks", task.Id, "reopen")).StatusCode);
        await AssertOpenAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostTaskAsync(readerBrowser, "/tasks", readersOwn.Id, "done")).StatusCode);
        Assert.NotNull((await FindAsync(reader, readersOwn.Id))!.DoneAt);
    }

    [Fact]
    public async Task A_head_of_sales_sees_the_teams_tasks_with_a_filter_per_person_and_not_another_teams()
    {
        var headEmployee = await app.CreateEmployeeAsync(app.Unique("Началник "));
        var team = await app.CreateTeamAsync(app.Unique("Екип Юг "), headEmployee);
        var (headUser, headEmail) = await app.CreateUserAsync(headEmployee, Roles.HeadOfSales);
        var headApi = await app.ApiClientForAsync(headUser);
        var ana = await PersonAsync("Ана ", teamId: team);
        var boris = await PersonAsync("Борис ", teamId: team);
        var stranger = await PersonAsync("Чужденец ");
        var anas = await NextStepAsync(ana, (await AccountAsync(ana, "На Ана ")).Id, "Задача на Ана", 1);
        var boriss = await NextStepAsync(boris, (await AccountAsync(boris, "На Борис ")).Id, "Задача на Борис", 1);
        var strangers = await NextStepAsync(stranger, (await AccountAsync(stranger, "Чужд ")).Id, "Чужда задача", 1);

        var all = await (await headApi.GetAsync("/api/v1/follow-ups?everyone=true")).ReadAsync<Page<FollowUpRow>>();
        Assert.Contains(all.Items, t => t.Id == anas.Id);
        Assert.Contains(all.Items, t => t.Id == boriss.Id);
        Assert.DoesNotContain(all.Items, t => t.Id == strangers.Id);
        var onlyAna = await (await headApi.GetAsync($"/api/v1/follow-ups?assigneeId={ana.EmployeeId}")).ReadAsync<Page<FollowUpRow>>();
        Assert.Equal([anas.Id], onlyAna.Items.Select(t => t.Id));
        var strangersByFilter = await (await headApi.GetAsync($"/api/v1/follow-ups?assigneeId={stranger.EmployeeId}")).ReadAsync<Page<FollowUpRow>>();
        Assert.Empty(strangersByFilter.Items);

        var browser = await app.SignedInClientAsync(headEmail);
        var page = await browser.GetStringAsync($"/tasks?who={ana.EmployeeId}&{Bulgarian}");
        Assert.Contains($"<option value=\"{boris.EmployeeId}\">{boris.Name}</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger.Name, page, StringComparison.Ordinal);
        Assert.Contains("Задача на Ана", Visible(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Задача на Борис", Visible(page), StringComparison.Ordinal);
        var everyone = Visible(await browser.GetStringAsync($"/tasks?who=all&{Bulgarian}"));
        Assert.Contains($"Задача на Борис", everyone, StringComparison.Ordinal);
        Assert.Contains(boris.Name, everyone, StringComparison.Ordinal);
        Assert.DoesNotContain("Чужда задача", everyone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migration_keeps_old_titles_as_free_text_and_makes_next_steps_tasks()
    {
        await using var fresh = await app.FreshDatabaseAsync();
        var (db, migrator) = (fresh.Db, fresh.Migrator);
        await migrator.MigrateAsync("ContactChannels");

        // The tables an interaction needs are as they were; the follow-up is written as its old row was.
        var owner = await OldRows.EmployeeAsync(db, "Migrated Owner");
        var logger = await OldRows.EmployeeAsync(db, "Migrated Logger");
        var account = await OldRows.AccountAsync(db, owner, "Migrated Ltd");
        var contact = await OldRows.ContactAsync(db, account, "Единствен Контакт");
        var bySomeone = new Interaction
        {
            AccountId = account, Subject = "Среща", OccurredAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
            NextStep = "Изпрати оферта", NextStepDue = new DateOnly(2026, 11, 9), LoggedById = logger,
        };
        bySomeone.Contacts.Add(new InteractionContact { ContactId = contact });
        var byNobody = new Interaction
        {
            AccountId = account, Subject = "Бележка", OccurredAt = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc),
            NextStep = "Провери плащането", NextStepDue = new DateOnly(2026, 11, 20),
        };
        var noDate = new Interaction { AccountId = account, Subject = "Без срок", OccurredAt = new DateTime(2026, 11, 4, 9, 0, 0, DateTimeKind.Utc), NextStep = "Някога" };
        db.Interactions.AddRange(bySomeone, byNobody, noDate);
        await db.SaveChangesAsync();
        var oldId = Guid.CreateVersion7();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "FollowUps" ("Id", "AssigneeId", "AccountId", "ContactId", "Title", "DueOn", "CreatedAt")
            VALUES ({oldId}, {owner}, {account}, {contact}, {"Re-cover the role: Единствен Контакт moved to Друга"}, {new DateOnly(2026, 11, 10)}, {new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc)})
            """);

        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        var tasks = await db.FollowUps.AsNoTracking().OrderBy(f => f.DueOn).ToListAsync();
        Assert.Equal(3, tasks.Count);
        var old = Assert.Single(tasks, t => t.Id == oldId);
        Assert.Equal((FollowUpKind.Text, "Re-cover the role: Единствен Контакт moved to Друга"), (old.Kind, old.Title));
        var step = Assert.Single(tasks, t => t.InteractionId == bySomeone.Id);
        Assert.Equal((FollowUpKind.NextStep, "Изпрати оферта", new DateOnly(2026, 11, 9), logger, (Guid?)contact, (DateTime?)null),
            (step.Kind, step.Title, step.DueOn, step.AssigneeId, step.ContactId, step.DoneAt));
        var owners = Assert.Single(tasks, t => t.InteractionId == byNobody.Id);
        Assert.Equal((owner, (Guid?)null, "Провери плащането"), (owners.AssigneeId, owners.ContactId, owners.Title));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class TasksOnSqlite(SqliteApp app) : TasksTests(app), IClassFixture<SqliteApp>;

public sealed class TasksOnPostgres(PostgresApp app) : TasksTests(app), IClassFixture<PostgresApp>;
