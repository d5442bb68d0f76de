using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Service;

/// <summary>
/// Service cases through the API and the pages: opened, answered in time, waiting on the client, resolved; breached
/// and near-breach ones first in every list, in English and Bulgarian; who sees and changes whose; bad input refused.
/// </summary>
public abstract partial class CasesTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private sealed record Person(Guid EmployeeId, Guid UserId, string Email, string Name, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role = Roles.AccountManager, Guid? teamId = null)
    {
        app.EnsureAvailable();
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName, teamId);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, userId, email, fullName, await app.ApiClientForAsync(userId));
    }

    private async Task<(AccountDetails Account, ContactDetails Contact)> AccountAsync(Person owner, string name)
    {
        var account = await (await owner.Api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique(name), OwnerId = owner.EmployeeId }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await owner.Api.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts",
            new ContactInput { FullName = app.Unique("Мария Петрова "), Role = BuyingRoles.User })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        return (account, contact);
    }

    private static async Task<CaseDetails> OpenAsync(Person by, Guid accountId, Guid contactId, string subject, CasePriority priority = CasePriority.Normal) =>
        await (await by.Api.PostJsonAsync("/api/v1/cases", new CaseInput
        {
            AccountId = accountId, ContactId = contactId, Subject = subject, Description = "Описание", Priority = priority,
            Category = CaseCategory.Problem,
        })).ReadAsync<CaseDetails>(HttpStatusCode.Created);

    private static async Task<CaseDetails> GetAsync(HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/cases/{id}")).ReadAsync<CaseDetails>();

    /// <summary>The text a reader sees: tags out, entities decoded, white space as single spaces.</summary>
    private static string Visible(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_case_opened_over_the_api_is_answered_in_time_waits_on_the_client_and_is_resolved_and_the_page_says_so()
    {
        var me = await PersonAsync("Координатор ", Roles.Coordinator);
        var (account, contact) = await AccountAsync(me, "Клиент със заявка ");
        var opened = await OpenAsync(me, account.Id, contact.Id, "Не се генерират отчетите", CasePriority.Low);
        Assert.Equal((CaseStatus.New, me.EmployeeId, SlaState.OnTrack, SlaTimerState.OnTrack),
            (opened.Status, opened.AssigneeId, opened.Sla, opened.FirstResponse.State));
        Assert.NotNull(opened.FirstResponse.DueAt);

        var browser = await app.SignedInClientAsync(me.Email);
        var page = $"/cases/{opened.Id}";
        Assert.Contains("В срок, до", Visible(await browser.GetStringAsync($"{page}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains("On track, due", Visible(await browser.GetStringAsync($"{page}?{English}")), StringComparison.Ordinal);

        var replied = await RapportApp.PostFormAsync(browser, page, "case-reply", new() { ["Reply.Text"] = "Разглеждаме проблема." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var answered = await GetAsync(me.Api, opened.Id);
        Assert.Equal((CaseStatus.InProgress, SlaTimerState.MetInTime), (answered.Status, answered.FirstResponse.State));
        Assert.Contains("Answered in time", Visible(await browser.GetStringAsync($"{page}?{English}")), StringComparison.Ordinal);
        var bg = Visible(await browser.GetStringAsync($"{page}?{Bulgarian}"));
        Assert.Contains("Отговорено в срок", bg, StringComparison.Ordinal);
        Assert.Contains("Разглеждаме проблема.", bg, StringComparison.Ordinal);
        var thread = await (await me.Api.GetAsync($"{"/api/v1"}{page}/replies")).ReadAsync<List<ReplyRow>>();
        Assert.Equal((me.Name, false, false), (Assert.Single(thread).Author, thread[0].FromClient, thread[0].Internal));

        var waiting = await RapportApp.PostFormAsync(browser, page, "case-status",
            new() { ["StatusInput.Status"] = nameof(CaseStatus.WaitingOnClient), ["StatusInput.Version"] = answered.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, waiting.StatusCode);
        var paused = await GetAsync(me.Api, opened.Id);
        Assert.Equal((CaseStatus.WaitingOnClient, SlaTimerState.Paused, SlaState.OnTrack), (paused.Status, paused.Resolution.State, paused.Sla));
        Assert.Contains("Спрян: чака клиента", Visible(await browser.GetStringAsync($"{page}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains("Paused: waiting on the client", Visible(await browser.GetStringAsync($"{page}?{English}")), StringComparison.Ordinal);

        // The client's answer, written down for them, starts the clock again.
        var fromClient = await (await me.Api.PostJsonAsync($"/api/v1/cases/{opened.Id}/replies", new ReplyInput { Text = "Изпращам снимка.", FromClient = true }))
            .ReadAsync<ReplyRow>(HttpStatusCode.Created);
        Assert.Equal((contact.FullName, true), (fromClient.Author, fromClient.FromClient));
        var resumed = await GetAsync(me.Api, opened.Id);
        Assert.Equal((CaseStatus.InProgress, SlaTimerState.OnTrack), (resumed.Status, resumed.Resolution.State));

        var resolved = await (await me.Api.PutJsonAsync($"/api/v1/cases/{opened.Id}/status", new CaseStatusInput { Status = CaseStatus.Resolved, Version = resumed.Version }))
            .ReadAsync<CaseDetails>();
        Assert.Equal((SlaTimerState.MetInTime, SlaState.OnTrack), (resolved.Resolution.State, resolved.Sla));
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Contains("Решена в срок", Visible(await browser.GetStringAsync($"{page}?{Bulgarian}")), StringComparison.Ordinal);

        // Resolved, it leaves the open list and stays in "all".
        var open = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}")).ReadAsync<Page<CaseRow>>();
        Assert.Empty(open.Items);
        var all = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&all=true")).ReadAsync<Page<CaseRow>>();
        Assert.Equal(CaseStatus.Resolved, Assert.Single(all.Items).Status);
    }

    [Fact]
    public async Task Breached_and_near_breach_cases_lead_every_list_filter_by_sla_state_and_read_so_in_both_languages()
    {
        var head = await PersonAsync("Ръководител ", Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head.EmployeeId);
        var me = await PersonAsync("Мениджър ", teamId: team);
        var (account, contact) = await AccountAsync(me, "Клиент с просрочия ");
        var calm = await OpenAsync(me, account.Id, contact.Id, "Въпрос за фактура", CasePriority.Low);
        var late = await OpenAsync(me, account.Id, contact.Id, "Системата не работи", CasePriority.Urgent);
        var close = await OpenAsync(me, account.Id, contact.Id, "Бавен експорт", CasePriority.High);
        await app.BackdateCaseAsync(late.Id, Duration.FromHours(2));
        await app.BackdateCaseAsync(close.Id, Duration.FromMinutes(3 * 60 + 30));

        var list = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}")).ReadAsync<Page<CaseRow>>();
        Assert.Equal([(late.Id, SlaState.Breached), (close.Id, SlaState.NearBreach), (calm.Id, SlaState.OnTrack)],
            list.Items.Select(c => (c.Id, c.Sla)).ToList());
        var breached = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&sla=Breached")).ReadAsync<Page<CaseRow>>();
        Assert.Equal(late.Id, Assert.Single(breached.Items).Id);
        var near = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&sla=NearBreach")).ReadAsync<Page<CaseRow>>();
        Assert.Equal(close.Id, Assert.Single(near.Items).Id);
        var urgent = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&priority=Urgent")).ReadAsync<Page<CaseRow>>();
        Assert.Equal(late.Id, Assert.Single(urgent.Items).Id);

        // Keyset pages of one walk the same order.
        var first = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&size=2")).ReadAsync<Page<CaseRow>>();
        var second = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&size=2&after={first.Next}")).ReadAsync<Page<CaseRow>>();
        Assert.Equal([late.Id, close.Id, calm.Id], first.Items.Concat(second.Items).Select(c => c.Id).ToList());
        Assert.Null(second.Next);

        var browser = await app.SignedInClientAsync(me.Email);
        var bg = Visible(await browser.GetStringAsync($"/cases?account={account.Id}&{Bulgarian}"));
        Assert.Matches("Системата не работи.*Просрочен.*Бавен експорт.*Близо до просрочване.*Въпрос за фактура.*В срок", bg);
        var en = Visible(await browser.GetStringAsync($"/cases?account={account.Id}&sla=Breached&{English}"));
        Assert.Contains("Breached", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Бавен експорт", en, StringComparison.Ordinal);
        Assert.Contains("Cases", Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{English}")), StringComparison.Ordinal);
        Assert.Matches("Заявки.*Системата не работи.*Просрочен", Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{Bulgarian}")));
        Assert.Matches("Моите заявки по спешност на SLA.*Системата не работи.*Просрочен", Visible(await browser.GetStringAsync($"/?{Bulgarian}")));
        var page = Visible(await browser.GetStringAsync($"/cases/{late.Id}?{English}"));
        Assert.Contains("Breached since", page, StringComparison.Ordinal);

        var csv = await browser.GetStringAsync($"/cases/export.csv?account={account.Id}&{Bulgarian}");
        Assert.Matches("Системата не работи;.*;Просрочен;", csv);
        Assert.Equal(3 + 1, csv.Trim().Split('\n').Length);
        using var xlsx = await browser.GetAsync($"/cases/export.xlsx?account={account.Id}&{English}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        // The head sees the team's cases at risk on Home, not the calm one.
        var headHome = Visible(await (await app.SignedInClientAsync(head.Email)).GetStringAsync($"/?{English}"));
        Assert.Matches("breached and near-breach cases.*Системата не работи.*Бавен експорт", headHome);
        Assert.DoesNotContain("Въпрос за фактура", headHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyset_pages_of_all_cases_walk_ties_of_one_due_instant_as_one_long_page_does()
    {
        // Cases met in time all share one due instant (ServiceCase.Far); open ones may share one too. The pages' cursors
        // land inside both ties and step from a tie to later instants.
        var me = await PersonAsync("Координатор ", Roles.Coordinator);
        var (account, contact) = await AccountAsync(me, "Клиент с много заявки ");
        var open = new List<CaseDetails>();
        for (var i = 0; i < 4; i++)
        {
            open.Add(await OpenAsync(me, account.Id, contact.Id, $"Отворена {i}"));
        }

        var met = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var c = await OpenAsync(me, account.Id, contact.Id, $"Решена {i}");
            await (await me.Api.PostJsonAsync($"/api/v1/cases/{c.Id}/replies", new ReplyInput { Text = "Разглеждаме." }))
                .ReadAsync<ReplyRow>(HttpStatusCode.Created);
            var answered = await GetAsync(me.Api, c.Id);
            await (await me.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status", new CaseStatusInput { Status = CaseStatus.Resolved, Version = answered.Version }))
                .ReadAsync<CaseDetails>();
            met.Add(c.Id);
        }

        var tied = open.Take(3).Select(c => c.Id).ToList();
        var due = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var soonest = await db.Cases.Where(c => tied.Contains(c.Id)).MinAsync(c => c.SlaDueAt);
            await db.Cases.Where(c => tied.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.SlaDueAt, soonest));
            return await db.Cases.Where(c => c.AccountId == account.Id).Select(c => new { c.Id, c.SlaDueAt }).ToDictionaryAsync(c => c.Id, c => c.SlaDueAt);
        });
        Assert.All(met, id => Assert.Equal(ServiceCase.Far, due[id]));
        Assert.Single(tied.Select(id => due[id]).Distinct());

        var whole = (await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&all=true")).ReadAsync<Page<CaseRow>>()).Items
            .Select(c => c.Id).ToList();
        Assert.Equal(due.OrderBy(c => c.Value).ThenBy(c => c.Key).Select(c => c.Key).ToList(), whole);
        foreach (var size in new[] { 1, 2, 3, 4 })
        {
            var walked = new List<Guid>();
            string? after = null;
            do
            {
                var page = await (await me.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&all=true&size={size}"
                    + (after is null ? "" : $"&after={after}"))).ReadAsync<Page<CaseRow>>();
                Assert.True(page.Items.Count == size || page.Next is null);
                walked.AddRange(page.Items.Select(c => c.Id));
                after = page.Next;
            }
            while (after is not null);
            Assert.Equal(whole, walked);
        }
    }

    [Fact]
    public async Task The_assignee_filter_takes_a_colleague_by_name_in_either_alphabet_or_by_id_and_keeps_no_case_for_an_unclear_name()
    {
        var me = await PersonAsync("Координатор ", Roles.Coordinator);
        var stem = app.Unique("Двойник ");
        var other = await PersonAsync($"{stem} Първи ");
        await PersonAsync($"{stem} Втори ");
        var (account, contact) = await AccountAsync(me, "Клиент с двама изпълнители ");
        var mine = await OpenAsync(me, account.Id, contact.Id, "Моята заявка");
        var theirs = await OpenAsync(me, account.Id, contact.Id, "Заявка на колега");
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        await (await admin.PutJsonAsync($"/api/v1/cases/{theirs.Id}/assignee", new CaseAssignInput { AssigneeId = other.EmployeeId, Version = theirs.Version }))
            .ReadAsync<CaseDetails>();
        var browser = await app.SignedInClientAsync(me.Email);
        string Url(string assignee, string culture) => $"/cases?account={account.Id}&assignee={Uri.EscapeDataString(assignee)}&{culture}";

        // The name as typed (Cyrillic), its Latin form, and an id from a link: the box shows the name; no picker of everyone.
        foreach (var typed in new[] { other.Name, SearchText.Fold(other.Name), other.EmployeeId.ToString() })
        {
            var html = await browser.GetStringAsync(Url(typed, English));
            Assert.Contains($"name=\"assignee\" value=\"{other.Name}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"<option value=\"{me.EmployeeId}\"", html, StringComparison.OrdinalIgnoreCase);
            var text = Visible(html);
            Assert.Contains("Заявка на колега", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Моята заявка", text, StringComparison.Ordinal);
        }

        Assert.Contains("Моята заявка", Visible(await browser.GetStringAsync(Url(me.EmployeeId.ToString(), Bulgarian))), StringComparison.Ordinal);
        Assert.Contains("Заявка на колега", await browser.GetStringAsync($"/cases/export.csv?account={account.Id}&assignee={Uri.EscapeDataString(other.Name)}"),
            StringComparison.Ordinal);

        // A name that fits two colleagues, or none, lists no case and says why, in both languages; the export keeps none either.
        var several = Visible(await browser.GetStringAsync(Url(stem, English)));
        Assert.Contains($"Several colleagues match «{stem}»", several, StringComparison.Ordinal);
        Assert.DoesNotContain("Моята заявка", several, StringComparison.Ordinal);
        Assert.DoesNotContain("Заявка на колега", several, StringComparison.Ordinal);
        var nobody = Visible(await browser.GetStringAsync(Url("Никой Такъв", Bulgarian)));
        Assert.Contains("Няма активен колега с име „Никой Такъв“.", nobody, StringComparison.Ordinal);
        Assert.DoesNotContain("Моята заявка", nobody, StringComparison.Ordinal);
        var csv = await browser.GetStringAsync($"/cases/export.csv?account={account.Id}&assignee={Uri.EscapeDataString("Никой Такъв")}");
        Assert.Single(csv.Trim().Split('\n'));
    }

    [Fact]
    public async Task Another_persons_case_is_not_found_and_a_reader_may_read_but_not_change_it()
    {
        var owner = await PersonAsync("Собственик ");
        var stranger = await PersonAsync("Чужд ");
        var reader = await PersonAsync("Колега ");
        var (account, contact) = await AccountAsync(owner, "Клиент на друг ");
        var c = await OpenAsync(owner, account.Id, contact.Id, "Чужда заявка");
        (await owner.Api.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Kind = InteractionKind.Meeting, Subject = "Среща", EmployeeIds = [owner.EmployeeId, reader.EmployeeId],
            ContactIds = [contact.Id],
        })).EnsureSuccessStatusCode();

        foreach (var response in new[]
        {
            await stranger.Api.GetAsync($"/api/v1/cases/{c.Id}"),
            await stranger.Api.GetAsync($"/api/v1/cases/{c.Id}/replies"),
            await stranger.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status", new CaseStatusInput { Status = CaseStatus.Closed, Version = c.Version }),
            await stranger.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/assignee", new CaseAssignInput { AssigneeId = stranger.EmployeeId, Version = c.Version }),
            await stranger.Api.PostJsonAsync($"/api/v1/cases/{c.Id}/replies", new ReplyInput { Text = "Здравейте" }),
            await reader.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status", new CaseStatusInput { Status = CaseStatus.Closed, Version = c.Version }),
            await reader.Api.PostJsonAsync($"/api/v1/cases/{c.Id}/replies", new ReplyInput { Text = "Здравейте" }),
        })
        {
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Empty((await (await stranger.Api.GetAsync($"/api/v1/cases?accountId={account.Id}&all=true")).ReadAsync<Page<CaseRow>>()).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(stranger.Email)).GetAsync($"/cases/{c.Id}")).StatusCode);
        await (await stranger.Api.PostJsonAsync("/api/v1/cases", new CaseInput { AccountId = account.Id, ContactId = contact.Id, Subject = "Опит" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        // The reader holds a relationship on the account: they see the case, without the forms that change it.
        var seen = await GetAsync(reader.Api, c.Id);
        Assert.False(seen.MayEdit);
        var readerPage = await (await app.SignedInClientAsync(reader.Email)).GetStringAsync($"/cases/{c.Id}?{English}");
        Assert.Contains("Чужда заявка", readerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("case-reply", readerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("case-status", readerPage, StringComparison.Ordinal);

        // A manager hands nothing away; an administrator may, and the new assignee then moves the case along.
        var refused = await owner.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/assignee", new CaseAssignInput { AssigneeId = reader.EmployeeId, Version = c.Version });
        Assert.Equal(Texts.ValidationAssignOthers, await FieldErrorAsync(refused, "assigneeId"));
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var assigned = await (await admin.PutJsonAsync($"/api/v1/cases/{c.Id}/assignee", new CaseAssignInput { AssigneeId = reader.EmployeeId, Version = c.Version }))
            .ReadAsync<CaseDetails>();
        Assert.Equal(reader.Name, assigned.AssigneeName);
        Assert.True((await GetAsync(reader.Api, c.Id)).MayEdit);
        (await reader.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status", new CaseStatusInput { Status = CaseStatus.InProgress, Version = assigned.Version }))
            .EnsureSuccessStatusCode();

        // An edit against the version before that is stale: 409 over the API, the "someone changed it" message on the page.
        await (await owner.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status", new CaseStatusInput { Status = CaseStatus.Closed, Version = assigned.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var browser = await app.SignedInClientAsync(owner.Email);
        var stale = await RapportApp.PostFormAsync(browser, $"/cases/{c.Id}?{English}", "case-status",
            new() { ["StatusInput.Status"] = nameof(CaseStatus.Closed), ["StatusInput.Version"] = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Someone else changed this record after you opened it.", Visible(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_on_unknown_accounts_or_contacts_of_another_account_are_refused_beside_the_field_and_nothing_is_saved()
    {
        var me = await PersonAsync("Мениджър ");
        var (account, _) = await AccountAsync(me, "Първи клиент ");
        var (_, otherContact) = await AccountAsync(me, "Втори клиент ");
        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Cases.CountAsync());

        var unknown = await me.Api.PostJsonAsync("/api/v1/cases", new CaseInput { AccountId = Guid.NewGuid(), ContactId = otherContact.Id, Subject = "Х" });
        Assert.Equal(Texts.ErrorAccountNotFound, await FieldErrorAsync(unknown, "accountId"));
        var wrongContact = await me.Api.PostJsonAsync("/api/v1/cases", new CaseInput { AccountId = account.Id, ContactId = otherContact.Id, Subject = "Х" });
        Assert.Equal(ServiceTexts.ValidationContactOfAccount, await FieldErrorAsync(wrongContact, "contactId"));
        await (await me.Api.PostJsonAsync("/api/v1/cases", new CaseInput { AccountId = account.Id, ContactId = otherContact.Id }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        using var badEnum = new StringContent("""{"accountId":"00000000-0000-0000-0000-000000000001","contactId":"x","subject":"a","priority":"Huge"}""",
            System.Text.Encoding.UTF8, "application/json");
        await (await me.Api.PostAsync("/api/v1/cases", badEnum)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Cases.CountAsync()));

        var browser = await app.SignedInClientAsync(me.Email);
        var form = await RapportApp.PostFormAsync(browser, $"/cases/new?account={account.Id}&{Bulgarian}", "case-new",
            new() { ["Input.AccountId"] = account.Id.ToString(), ["Input.ContactId"] = otherContact.Id.ToString(), ["Input.Subject"] = "Опит" });
        Assert.Matches("validation-message\">Изберете контакт на този клиент.<", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sla_settings_refuse_zero_targets_overlapping_holidays_and_unknown_zones_and_are_for_administrators()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var settings = await (await admin.GetAsync("/api/v1/settings/sla")).ReadAsync<SlaSettingsDetails>();
        Assert.Equal([(CasePriority.Urgent, 1m, 8m), (CasePriority.High, 4m, 16m), (CasePriority.Normal, 8m, 40m), (CasePriority.Low, 16m, 80m)],
            settings.Policies.Where(p => p.Tier == ServiceTier.Standard).Select(p => (p.Priority, p.FirstResponseHours, p.ResolutionHours)).ToList());
        Assert.Equal([(CasePriority.Urgent, 0.25m, 2m), (CasePriority.High, 1m, 4m), (CasePriority.Normal, 2m, 12m), (CasePriority.Low, 4m, 20m)],
            settings.Policies.Where(p => p.Tier == ServiceTier.Strategic).Select(p => (p.Priority, p.FirstResponseHours, p.ResolutionHours)).ToList());
        Assert.Equal(12, settings.Policies.Count);
        Assert.Equal(("Europe/Sofia", new TimeOnly(9, 0), new TimeOnly(18, 0), 5), (settings.Calendar.TimeZoneId, settings.Calendar.DayStart,
            settings.Calendar.DayEnd, settings.Calendar.WorkingDays.Count));

        var zero = await admin.PutJsonAsync("/api/v1/settings/sla/policies/Standard/Urgent", new SlaPolicyInput { FirstResponseHours = 0, ResolutionHours = 8 });
        Assert.Equal(ServiceTexts.ValidationTargetPositive, await FieldErrorAsync(zero, "firstResponseHours"));
        var negative = await admin.PutJsonAsync("/api/v1/settings/sla/policies/Standard/Urgent", new SlaPolicyInput { FirstResponseHours = 1, ResolutionHours = -2 });
        Assert.Equal(ServiceTexts.ValidationTargetPositive, await FieldErrorAsync(negative, "resolutionHours"));
        await (await admin.PutJsonAsync("/api/v1/settings/sla/policies/Standard/Huge", new SlaPolicyInput { FirstResponseHours = 1, ResolutionHours = 2 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutJsonAsync("/api/v1/settings/sla/policies/Gold/Low", new SlaPolicyInput { FirstResponseHours = 1, ResolutionHours = 2 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var low = settings.Policies.Single(p => p.Tier == ServiceTier.Standard && p.Priority == CasePriority.Low);
        var saved = await (await admin.PutJsonAsync("/api/v1/settings/sla/policies/Standard/Low", new SlaPolicyInput { FirstResponseHours = 16, ResolutionHours = 80, Version = low.Version }))
            .ReadAsync<SlaSettingsDetails>();
        Assert.Equal(16m, saved.Policies.Single(p => p.Tier == ServiceTier.Standard && p.Priority == CasePriority.Low).FirstResponseHours);
        await (await admin.PutJsonAsync("/api/v1/settings/sla/policies/Standard/Low", new SlaPolicyInput { FirstResponseHours = 16, ResolutionHours = 80, Version = low.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);

        var christmas = await (await admin.PostJsonAsync("/api/v1/settings/sla/holidays", new HolidayInput { From = new(2031, 12, 24), To = new(2031, 12, 26), Name = "Коледа" }))
            .ReadAsync<HolidayRow>(HttpStatusCode.Created);
        var overlap = await admin.PostJsonAsync("/api/v1/settings/sla/holidays", new HolidayInput { From = new(2031, 12, 26), Name = "Втори ден" });
        Assert.Contains("Коледа", await FieldErrorAsync(overlap, "from"), StringComparison.Ordinal);
        var backwards = await admin.PostJsonAsync("/api/v1/settings/sla/holidays", new HolidayInput { From = new(2031, 5, 6), To = new(2031, 5, 1), Name = "Назад" });
        Assert.Equal(ServiceTexts.ValidationHolidayEndsBeforeStart, await FieldErrorAsync(backwards, "to"));
        var zone = await admin.PutJsonAsync("/api/v1/settings/sla/calendar", new WorkingCalendarInput
        {
            TimeZoneId = "Europe/Atlantis", WorkingDays = [DayOfWeek.Monday], DayStart = new(9, 0), DayEnd = new(18, 0), Version = settings.Calendar.Version,
        });
        Assert.Equal(ServiceTexts.ValidationTimeZoneUnknown, await FieldErrorAsync(zone, "timeZoneId"));
        var noDays = await admin.PutJsonAsync("/api/v1/settings/sla/calendar", new WorkingCalendarInput
        {
            TimeZoneId = "Europe/Sofia", WorkingDays = [], DayStart = new(9, 0), DayEnd = new(18, 0), Version = settings.Calendar.Version,
        });
        Assert.Equal(ServiceTexts.ValidationWorkingDays, await FieldErrorAsync(noDays, "workingDays"));
        var holidays = (await (await admin.GetAsync("/api/v1/settings/sla")).ReadAsync<SlaSettingsDetails>()).Holidays;
        Assert.Equal("Коледа", Assert.Single(holidays, h => h.From.Year == 2031).Name);

        // The page, for administrators only, in both languages, with the refused target beside its field.
        var (adminUser, adminEmail) = await app.CreateUserAsync(null, Roles.Administrator);
        _ = adminUser;
        var browser = await app.SignedInClientAsync(adminEmail);
        var bg = Visible(await browser.GetStringAsync($"/settings/sla?{Bulgarian}"));
        Assert.Matches("Срокове по ниво на обслужване и приоритет.*Стандартно Премиум Стратегическо Срокове „Стандартно“ "
            + "Спешен.*Висок.*Нормален.*Нисък.*Работен календар.*Официални празници.*Коледа", bg);
        Assert.Contains("Targets per tier and priority", Visible(await browser.GetStringAsync($"/settings/sla?{English}")), StringComparison.Ordinal);
        // Another tier's targets on its own tab, its numbers in the fields.
        var strategic = await browser.GetStringAsync($"/settings/sla?tier=Strategic&{English}");
        Assert.Contains("Strategic targets", Visible(strategic), StringComparison.Ordinal);
        Assert.Matches("id=\"response-Urgent\"[^>]*value=\"0.25\"|value=\"0.25\"[^>]*id=\"response-Urgent\"", strategic);
        var refused = await RapportApp.PostFormAsync(browser, $"/settings/sla?{Bulgarian}", "sla-Urgent",
            new() { ["Urgent.FirstResponseHours"] = "0", ["Urgent.ResolutionHours"] = "8" });
        Assert.Contains("validation-message\">Срокът трябва да е положителен брой работни часове.<", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await admin.DeleteAsync($"/api/v1/settings/sla/holidays/{christmas.Id}")).EnsureSuccessStatusCode();

        var manager = await PersonAsync("Без права ");
        await (await manager.Api.PutJsonAsync("/api/v1/settings/sla/policies/Standard/Low", new SlaPolicyInput { FirstResponseHours = 1, ResolutionHours = 2 }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.SignedInClientAsync(manager.Email)).GetAsync("/settings/sla")).StatusCode);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class CasesOnSqlite(SqliteApp app) : CasesTests(app), IClassFixture<SqliteApp>;

public sealed class CasesOnPostgres(PostgresApp app) : CasesTests(app), IClassFixture<PostgresApp>;
