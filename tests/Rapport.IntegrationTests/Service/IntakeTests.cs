using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Service;

/// <summary>
/// The e-mail intake: a message from a known contact becomes a case or the client's reply on the case it refers to;
/// one from an unknown sender, or from a sender on several accounts, waits in triage, where it is filed or dismissed,
/// in English and Bulgarian; who may post, see and file; another account's case is never touched.
/// </summary>
public abstract partial class IntakeTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private sealed record Person(Guid EmployeeId, string Email, string Name, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role, Guid? teamId = null)
    {
        app.EnsureAvailable();
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName, teamId);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, email, fullName, await app.ApiClientForAsync(userId));
    }

    private string Address(string name) => $"{app.Unique(name)}@klient.example".ToLowerInvariant();

    /// <summary>An account owned by one person and coordinated by another, with a contact who writes from these addresses.</summary>
    private async Task<(AccountDetails Account, ContactDetails Contact)> AccountAsync(
        Person owner, Person? coordinator, string name, params string[] emails)
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var account = await (await admin.PostJsonAsync("/api/v1/accounts", new AccountInput
        {
            Name = app.Unique(name), OwnerId = owner.EmployeeId, CoordinatorId = coordinator?.EmployeeId,
        })).ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await admin.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput
        {
            FullName = app.Unique("Десислава Николова "), Role = BuyingRoles.User, Emails = [.. emails],
        })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        return (account, contact);
    }

    /// <summary>
    /// Gives a contact an address another active contact already has. The client base refuses that in its forms (an
    /// address is one person's among active contacts); it happens to records that were shared before, or to a contact
    /// made active again after a move, so it is written here directly.
    /// </summary>
    private Task<int> ShareAsync(Guid contactId, string address) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<RapportDb>();
        var contact = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.Id == contactId);
        contact.AddEmails([address]);
        return await db.SaveChangesAsync();
    });

    private static Task<HttpResponseMessage> PostAsync(HttpClient gateway, string from, string subject, string? body = "Здравейте, имаме проблем.") =>
        gateway.PostJsonAsync("/api/v1/intake/messages", new IntakeInput { From = from, Subject = subject, Body = body });

    private Task<IntakeMessage> MessageAsync(Guid id) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().IntakeMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<int> CountAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().IntakeMessages.CountAsync());

    private static async Task<List<Guid>> FiledAsync(HttpClient api)
    {
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            var page = await (await api.GetAsync($"/api/v1/intake/messages?state=filed&size=200{(after is null ? "" : "&after=" + after)}")).ReadAsync<Page<IntakeRow>>();
            ids.AddRange(page.Items.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }

    /// <summary>The text a reader sees: tags out, entities decoded, white space as single spaces.</summary>
    private static string Visible(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [Fact]
    public async Task A_message_from_a_contact_opens_a_case_for_the_coordinator_and_an_answer_quoting_it_is_the_clients_reply()
    {
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager);
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var address = Address("maria");
        var (account, contact) = await AccountAsync(owner, coordinator, "Клиент по пощата ", address);
        var gateway = await app.ApiClientAsync(null, Roles.Coordinator);

        var opened = await (await PostAsync(gateway, $"Мария Петрова <{address.ToUpperInvariant()}>", "Не излиза фактурата",
            "Здравейте,\nфактурата за март не се генерира.")).ReadAsync<IntakeOutcome>(HttpStatusCode.Created);
        Assert.Equal((IntakeState.Filed, (IntakeReason?)null, (Guid?)null), (opened.State, opened.Reason, opened.ReplyId));
        var c = await (await coordinator.Api.GetAsync($"/api/v1/cases/{opened.CaseId}")).ReadAsync<CaseDetails>();
        Assert.Equal((account.Id, contact.Id, "Не излиза фактурата", CaseCategory.Other, CasePriority.Normal, CaseStatus.New, coordinator.EmployeeId),
            (c.AccountId, c.ContactId, c.Subject, c.Category, c.Priority, c.Status, c.AssigneeId));
        Assert.Equal("Здравейте,\nфактурата за март не се генерира.", c.Description);
        var stored = await MessageAsync(opened.MessageId);
        Assert.Equal((address, IntakeState.Filed, c.Id), (stored.FromKey, stored.State, stored.CaseId));

        // The case page shows the reference to quote, in both languages.
        var reference = $"[case {c.Id}]";
        var browser = await app.SignedInClientAsync(coordinator.Email);
        Assert.Contains($"Референция за имейл {reference}", Visible(await browser.GetStringAsync($"/cases/{c.Id}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains($"Reference for e-mail {reference}", Visible(await browser.GetStringAsync($"/cases/{c.Id}?{English}")), StringComparison.Ordinal);

        // Waiting on the client, the client's answer by e-mail starts the clock again.
        var waiting = await (await coordinator.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status",
            new CaseStatusInput { Status = CaseStatus.WaitingOnClient, Version = c.Version })).ReadAsync<CaseDetails>();
        Assert.Equal(SlaTimerState.Paused, waiting.Resolution.State);
        var replied = await (await PostAsync(gateway, address, $"RE: Не излиза фактурата [Case {c.Id.ToString().ToUpperInvariant()}]",
            "Изпращам ви снимка на грешката.")).ReadAsync<IntakeOutcome>();
        Assert.Equal((IntakeState.Filed, c.Id), (replied.State, replied.CaseId));
        Assert.NotNull(replied.ReplyId);
        var resumed = await (await coordinator.Api.GetAsync($"/api/v1/cases/{c.Id}")).ReadAsync<CaseDetails>();
        Assert.Equal((CaseStatus.InProgress, SlaTimerState.OnTrack), (resumed.Status, resumed.Resolution.State));
        var thread = await (await coordinator.Api.GetAsync($"/api/v1/cases/{c.Id}/replies")).ReadAsync<List<ReplyRow>>();
        var reply = Assert.Single(thread);
        Assert.Equal((replied.ReplyId, contact.FullName, true, "Изпращам ви снимка на грешката."), ((Guid?)reply.Id, reply.Author, reply.FromClient, reply.Text));

        // A reference to a case that is resolved opens a new one.
        (await coordinator.Api.PutJsonAsync($"/api/v1/cases/{c.Id}/status", new CaseStatusInput { Status = CaseStatus.Resolved, Version = resumed.Version }))
            .EnsureSuccessStatusCode();
        var again = await (await PostAsync(gateway, address, $"RE: {reference}", "Пак не работи.")).ReadAsync<IntakeOutcome>(HttpStatusCode.Created);
        Assert.NotEqual(c.Id, again.CaseId);
        Assert.Single(await (await coordinator.Api.GetAsync($"/api/v1/cases/{c.Id}/replies")).ReadAsync<List<ReplyRow>>());

        // Without a coordinator the account's owner is put in charge.
        var ownAddress = Address("ivan");
        await AccountAsync(owner, null, "Клиент без координатор ", ownAddress);
        var toOwner = await (await PostAsync(gateway, ownAddress, "Въпрос за договора")).ReadAsync<IntakeOutcome>(HttpStatusCode.Created);
        Assert.Equal(owner.EmployeeId, (await (await owner.Api.GetAsync($"/api/v1/cases/{toOwner.CaseId}")).ReadAsync<CaseDetails>()).AssigneeId);
    }

    [Fact]
    public async Task Unknown_senders_and_senders_on_several_accounts_wait_in_triage_oldest_first_and_read_so_in_both_languages()
    {
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager);
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var shared = Address("schetovoditel");
        var (first, _) = await AccountAsync(owner, coordinator, "Първа фирма ", shared);
        var (second, secondContact) = await AccountAsync(owner, coordinator, "Втора фирма ");
        await ShareAsync(secondContact.Id, shared);
        var gateway = await app.ApiClientAsync(null, Roles.Administrator);

        var stranger = Address("neznaen");
        var unknown = await (await PostAsync(gateway, stranger, app.Unique("Оферта за сътрудничество "), "Здравейте, предлагаме ви " + new string('х', 300)))
            .ReadAsync<IntakeOutcome>(HttpStatusCode.Accepted);
        Assert.Equal((IntakeState.Waiting, IntakeReason.UnknownSender, (Guid?)null), (unknown.State, unknown.Reason, unknown.CaseId));
        var several = await (await PostAsync(gateway, shared, app.Unique("Справка за ДДС ")))
            .ReadAsync<IntakeOutcome>(HttpStatusCode.Accepted);
        Assert.Equal((IntakeState.Waiting, IntakeReason.SenderOnSeveralAccounts), (several.State, several.Reason));

        // Oldest first, a keyset page at a time.
        var all = new List<IntakeRow>();
        string? after = null;
        do
        {
            var page = await (await coordinator.Api.GetAsync($"/api/v1/intake/messages?state=Waiting&size=1{(after is null ? "" : "&after=" + after)}"))
                .ReadAsync<Page<IntakeRow>>();
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal([unknown.MessageId, several.MessageId], all.Where(r => r.Id == unknown.MessageId || r.Id == several.MessageId).Select(r => r.Id).ToList());
        Assert.Equal(all.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Select(r => r.Id), all.Select(r => r.Id));
        var row = all.Single(r => r.Id == unknown.MessageId);
        Assert.Equal((stranger, 161), (row.From, row.Preview.Length));

        var browser = await app.SignedInClientAsync(coordinator.Email);
        var bg = Visible(await browser.GetStringAsync($"/cases/triage?{Bulgarian}"));
        Assert.Contains("Разпределяне на входящи писма", bg, StringComparison.Ordinal);
        Assert.Matches($"{stranger}.*Оферта за сътрудничество.*Непознат подател.*Здравейте, предлагаме ви", bg);
        Assert.Matches("Справка за ДДС.*Подател от няколко клиента", bg);
        var en = Visible(await browser.GetStringAsync($"/cases/triage?{English}"));
        Assert.Matches("Received Sender Subject Why it waits Message", en);
        Assert.Matches("Оферта за сътрудничество.*Unknown sender.*Справка за ДДС.*Sender on several accounts", en);
        Assert.Matches("Triage: [0-9]+ waiting", Visible(await browser.GetStringAsync($"/cases?{English}")));
        Assert.Matches("За разпределяне: [0-9]+", Visible(await browser.GetStringAsync($"/cases?{Bulgarian}")));

        // The message page names the accounts the sender is a contact of.
        var message = Visible(await browser.GetStringAsync($"/cases/triage/{several.MessageId}?{Bulgarian}"));
        Assert.Matches($"Подателят е контакт в.*({Regex.Escape(first.Name)}|{Regex.Escape(second.Name)})", message);
        Assert.Contains("Защо чака Подател от няколко клиента", message, StringComparison.Ordinal);
        Assert.Contains("Why it waits Unknown sender", Visible(await browser.GetStringAsync($"/cases/triage/{unknown.MessageId}?{English}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_message_is_filed_on_an_account_and_contact_or_dismissed_after_confirming_and_a_second_try_changes_nothing()
    {
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager);
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var (petar, unknown) = (Address("petar"), Address("nov.adres"));
        var (account, contact) = await AccountAsync(owner, coordinator, "Клиент за разпределяне ", petar);
        var (_, elsewhere) = await AccountAsync(owner, coordinator, "Друг клиент ", Address("georgi"));
        var gateway = await app.ApiClientAsync(null, Roles.Coordinator);
        var toFile = await (await PostAsync(gateway, unknown, "Заявка от нов адрес", "Пиша ви от личния си имейл."))
            .ReadAsync<IntakeOutcome>(HttpStatusCode.Accepted);
        var toDismiss = await (await PostAsync(gateway, Address("reklama"), "Спечелихте награда!")).ReadAsync<IntakeOutcome>(HttpStatusCode.Accepted);

        var browser = await app.SignedInClientAsync(coordinator.Email);
        var page = $"/cases/triage/{toFile.MessageId}";
        var choose = Visible(await browser.GetStringAsync($"{page}?{English}"));
        Assert.Contains("File as a case Choose the account, then the contact who wrote", choose, StringComparison.Ordinal);
        Assert.Contains(account.Name, choose, StringComparison.Ordinal);

        // A contact of another account is refused beside the field.
        var wrong = await RapportApp.PostFormAsync(browser, $"{page}?account={account.Id}&{Bulgarian}", "intake-file",
            new() { ["Input.AccountId"] = account.Id.ToString(), ["Input.ContactId"] = elsewhere.Id.ToString() });
        Assert.Matches("validation-message\">Изберете контакт на този клиент.<", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(IntakeState.Waiting, (await MessageAsync(toFile.MessageId)).State);

        // The unknown address is offered to the contact, ticked.
        var offer = await browser.GetStringAsync($"{page}?account={account.Id}&{Bulgarian}");
        Assert.Contains($"Добави {unknown} към имейл адресите на контакта", Visible(offer), StringComparison.Ordinal);
        Assert.Matches("name=\"Input.RememberAddress\"[^>]*checked|checked[^>]*name=\"Input.RememberAddress\"", offer);
        var filed = await RapportApp.PostFormAsync(browser, $"{page}?account={account.Id}&{English}", "intake-file",
            new() { ["Input.AccountId"] = account.Id.ToString(), ["Input.ContactId"] = contact.Id.ToString(), ["Input.RememberAddress"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var addresses = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Set<ContactEmail>()
            .Where(e => e.ContactId == contact.Id).OrderBy(e => e.Position).Select(e => e.Address).ToListAsync());
        Assert.Equal([petar, unknown], addresses);
        var stored = await MessageAsync(toFile.MessageId);
        Assert.Equal(IntakeState.Filed, stored.State);
        Assert.NotNull(stored.HandledAt);
        Assert.NotNull(stored.HandledById);
        var c = await (await coordinator.Api.GetAsync($"/api/v1/cases/{stored.CaseId}")).ReadAsync<CaseDetails>();
        Assert.Equal((account.Id, contact.Id, "Заявка от нов адрес", "Пиша ви от личния си имейл.", coordinator.EmployeeId, CaseCategory.Other),
            (c.AccountId, c.ContactId, c.Subject, c.Description, c.AssigneeId, c.Category));
        Assert.Contains("The message was filed as a case.", Visible(await browser.GetStringAsync($"/cases/triage?done=filed&{English}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Заявка от нов адрес", Visible(await browser.GetStringAsync($"/cases/triage?{English}")), StringComparison.Ordinal);

        // Filed once, filing again (a stale page, or the API) says so and changes nothing.
        var cases = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Cases.CountAsync());
        var stale = await RapportApp.PostFormAsync(browser, $"{page}?account={account.Id}&{English}", "intake-file",
            new() { ["Input.AccountId"] = account.Id.ToString(), ["Input.ContactId"] = contact.Id.ToString() });
        Assert.Contains("This message has already been filed or dismissed; nothing was changed.", Visible(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var problem = await (await coordinator.Api.PostJsonAsync($"/api/v1/intake/messages/{toFile.MessageId}/file",
            new IntakeFileInput { AccountId = account.Id, ContactId = contact.Id })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ServiceTexts.ErrorIntakeHandled, problem.GetProperty("detail").GetString());
        Assert.Equal(cases, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Cases.CountAsync()));

        // Remembered, the sender's next message files itself on the contact's account.
        var next = await (await PostAsync(gateway, unknown, "Още един въпрос")).ReadAsync<IntakeOutcome>(HttpStatusCode.Created);
        Assert.Equal(IntakeState.Filed, (await MessageAsync(next.MessageId)).State);

        // The audit log names the record and its fields in the reader's language.
        var (_, adminEmail) = await app.CreateUserAsync(null, Roles.Administrator);
        var log = Visible(await (await app.SignedInClientAsync(adminEmail)).GetStringAsync($"/settings/audit?entityType=IntakeMessage&{Bulgarian}"));
        Assert.Contains("Входящо писмо", log, StringComparison.Ordinal);
        Assert.Contains("Обработено от", log, StringComparison.Ordinal);

        // Dismissing asks first.
        var dismissPage = $"/cases/triage/{toDismiss.MessageId}";
        var ask = Visible(await browser.GetStringAsync($"{dismissPage}?confirm=dismiss&{Bulgarian}"));
        Assert.Contains("Да се отхвърли ли писмото? Няма да се отвори заявка", ask, StringComparison.Ordinal);
        var dismissed = await RapportApp.PostFormAsync(browser, $"{dismissPage}?confirm=dismiss&{Bulgarian}", "intake-dismiss", []);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal((IntakeState.Dismissed, (Guid?)null), ((await MessageAsync(toDismiss.MessageId)).State, (await MessageAsync(toDismiss.MessageId)).CaseId));
        var gone = await browser.GetStringAsync($"{dismissPage}?{Bulgarian}");
        Assert.Contains("Отхвърлено", Visible(gone), StringComparison.Ordinal);
        Assert.DoesNotContain("intake-dismiss", gone, StringComparison.Ordinal);
        await (await coordinator.Api.PostAsync($"/api/v1/intake/messages/{toDismiss.MessageId}/dismiss", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await coordinator.Api.PostAsync($"/api/v1/intake/messages/{Guid.NewGuid()}/dismiss", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_coordinators_and_administrators_post_and_bad_messages_are_refused_by_field_with_nothing_saved()
    {
        var manager = await PersonAsync("Мениджър ", Roles.AccountManager);
        var head = await PersonAsync("Ръководител ", Roles.HeadOfSales);
        var before = await CountAsync();

        await (await PostAsync(manager.Api, Address("x"), "Опит")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PostAsync(head.Api, Address("x"), "Опит")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.CreateClient(), Address("x"), "Опит")).StatusCode);

        var gateway = await app.ApiClientAsync(null, Roles.Coordinator);
        var bad = await (await PostAsync(gateway, "не е адрес", "", new string('ж', 4001))).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Contains("не е адрес", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("body", out _));
        await (await PostAsync(gateway, "Мария <maria@firma.bg> и още", "Тема")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await PostAsync(gateway, Address("x"), new string('т', 201))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Triage_is_for_coordinators_heads_and_administrators_who_file_only_on_accounts_they_edit()
    {
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager);
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var other = await PersonAsync("Друг координатор ", Roles.Coordinator);
        var (account, contact) = await AccountAsync(owner, coordinator, "Клиент на координатора ", Address("anna"));
        var gateway = await app.ApiClientAsync(null, Roles.Administrator);
        var waiting = await (await PostAsync(gateway, Address("nepoznat"), app.Unique("Тайно писмо "))).ReadAsync<IntakeOutcome>(HttpStatusCode.Accepted);
        var file = $"/api/v1/intake/messages/{waiting.MessageId}/file";

        // An account manager neither sees the messages of unknown senders nor files them.
        await (await owner.Api.GetAsync("/api/v1/intake/messages")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Api.GetAsync($"/api/v1/intake/messages/{waiting.MessageId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Api.PostJsonAsync(file, new IntakeFileInput { AccountId = account.Id, ContactId = contact.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.Api.PostAsync($"/api/v1/intake/messages/{waiting.MessageId}/dismiss", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var managerBrowser = await app.SignedInClientAsync(owner.Email);
        Assert.NotEqual(HttpStatusCode.OK, (await managerBrowser.GetAsync("/cases/triage")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await managerBrowser.GetAsync($"/cases/triage/{waiting.MessageId}")).StatusCode);
        Assert.DoesNotContain("triage-link", await managerBrowser.GetStringAsync("/cases"), StringComparison.Ordinal);

        // A coordinator files only on accounts they edit; the message keeps waiting.
        var refused = await (await other.Api.PostJsonAsync(file, new IntakeFileInput { AccountId = account.Id, ContactId = contact.Id }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(Texts.ErrorAccountNotFound, refused.GetProperty("errors").GetProperty("accountId")[0].GetString());
        await (await other.Api.PostJsonAsync(file, new IntakeFileInput { AccountId = account.Id })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(IntakeState.Waiting, (await MessageAsync(waiting.MessageId)).State);
        await (await other.Api.PostJsonAsync($"/api/v1/intake/messages/{Guid.NewGuid()}/file", new IntakeFileInput { AccountId = account.Id, ContactId = contact.Id }))
            .ProblemAsync(HttpStatusCode.NotFound);

        // A head of sales sees the list and files on an account of the team, put in the coordinator's charge.
        var team = await app.CreateTeamAsync(app.Unique("Екип "), null);
        var lead = await PersonAsync("Ръководител ", Roles.HeadOfSales);
        var member = await PersonAsync("Член на екипа ", Roles.AccountManager, team);
        _ = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var t = await db.Teams.SingleAsync(x => x.Id == team);
            t.HeadId = lead.EmployeeId;
            return await db.SaveChangesAsync();
        });
        var (teamAccount, teamContact) = await AccountAsync(member, null, "Клиент на екипа ", Address("boris"));
        var seen = await (await lead.Api.GetAsync("/api/v1/intake/messages?state=Waiting&size=200")).ReadAsync<Page<IntakeRow>>();
        Assert.NotEmpty(seen.Items);
        var filed = await (await lead.Api.PostJsonAsync(file, new IntakeFileInput { AccountId = teamAccount.Id, ContactId = teamContact.Id }))
            .ReadAsync<IntakeDetails>();
        Assert.Equal(IntakeState.Filed, filed.State);
        var c = await (await member.Api.GetAsync($"/api/v1/cases/{filed.CaseId}")).ReadAsync<CaseDetails>();
        Assert.Equal((teamAccount.Id, member.EmployeeId), (c.AccountId, c.AssigneeId));
        Assert.Contains(waiting.MessageId, await FiledAsync(lead.Api));
    }

    [Fact]
    public async Task A_reference_to_another_accounts_case_is_not_followed_and_a_sender_on_several_accounts_may_answer_their_own()
    {
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager);
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var mine = Address("klient");
        var (account, _) = await AccountAsync(owner, coordinator, "Моят клиент ", mine);
        var (otherAccount, otherContact) = await AccountAsync(owner, coordinator, "Чужд клиент ", Address("chuzhd"));
        var foreign = await (await coordinator.Api.PostJsonAsync("/api/v1/cases", new CaseInput
        {
            AccountId = otherAccount.Id, ContactId = otherContact.Id, Subject = "Чужда заявка", Category = CaseCategory.Problem,
        })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
        var gateway = await app.ApiClientAsync(null, Roles.Coordinator);

        var outcome = await (await PostAsync(gateway, mine, $"RE: Чужда заявка [case {foreign.Id}]", "Искам да видя тази заявка."))
            .ReadAsync<IntakeOutcome>(HttpStatusCode.Created);
        Assert.NotEqual(foreign.Id, outcome.CaseId);
        Assert.Null(outcome.ReplyId);
        var opened = await (await coordinator.Api.GetAsync($"/api/v1/cases/{outcome.CaseId}")).ReadAsync<CaseDetails>();
        Assert.Equal(account.Id, opened.AccountId);
        Assert.Empty(await (await coordinator.Api.GetAsync($"/api/v1/cases/{foreign.Id}/replies")).ReadAsync<List<ReplyRow>>());
        Assert.Equal((foreign.Version, CaseStatus.New), ((await (await coordinator.Api.GetAsync($"/api/v1/cases/{foreign.Id}")).ReadAsync<CaseDetails>()).Version, foreign.Status));

        // An unknown sender quoting a case waits; it is never a reply.
        var unknown = await (await PostAsync(gateway, Address("podmyana"), $"RE: [case {foreign.Id}]")).ReadAsync<IntakeOutcome>(HttpStatusCode.Accepted);
        Assert.Equal(IntakeReason.UnknownSender, unknown.Reason);
        Assert.Empty(await (await coordinator.Api.GetAsync($"/api/v1/cases/{foreign.Id}/replies")).ReadAsync<List<ReplyRow>>());

        // A sender on several accounts who quotes an open case of one of them answers it.
        var shared = Address("dve.firmi");
        var (firstAccount, firstContact) = await AccountAsync(owner, coordinator, "Първа от групата ", shared);
        var (_, secondOfGroup) = await AccountAsync(owner, coordinator, "Втора от групата ");
        await ShareAsync(secondOfGroup.Id, shared);
        var theirs = await (await coordinator.Api.PostJsonAsync("/api/v1/cases", new CaseInput
        {
            AccountId = firstAccount.Id, ContactId = firstContact.Id, Subject = "Обща заявка", Category = CaseCategory.Question,
        })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
        var answered = await (await PostAsync(gateway, shared, $"RE: Обща заявка {CaseReference.Of(theirs.Id)}", "Благодаря.")).ReadAsync<IntakeOutcome>();
        Assert.Equal(theirs.Id, answered.CaseId);
        Assert.Equal("Благодаря.", Assert.Single(await (await coordinator.Api.GetAsync($"/api/v1/cases/{theirs.Id}/replies")).ReadAsync<List<ReplyRow>>()).Text);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class IntakeOnSqlite(SqliteApp app) : IntakeTests(app), IClassFixture<SqliteApp>;

public sealed class IntakeOnPostgres(PostgresApp app) : IntakeTests(app), IClassFixture<PostgresApp>;
