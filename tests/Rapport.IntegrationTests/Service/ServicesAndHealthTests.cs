using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Service;

/// <summary>
/// A client's services and their renewals, a renewal turned into a deal, and account health with its reasons: through
/// the API and the pages, in English and Bulgarian; who records and changes whose; bad input refused with nothing saved.
/// </summary>
public abstract partial class ServicesAndHealthTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Person(Guid EmployeeId, string Email, string Name, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role = Roles.AccountManager, Guid? teamId = null)
    {
        app.EnsureAvailable();
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName, teamId);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, email, fullName, await app.ApiClientForAsync(userId));
    }

    private async Task<(AccountDetails Account, ContactDetails Contact)> AccountAsync(Person owner, string name)
    {
        var account = await (await owner.Api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique(name), OwnerId = owner.EmployeeId }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await owner.Api.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts",
            new ContactInput { FullName = app.Unique("Мария Петрова "), Role = BuyingRoles.User })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        return (account, contact);
    }

    private static SubscriptionInput Support(DateOnly? renewsOn, decimal amount = 250m, BillingPeriod billing = BillingPeriod.Monthly) => new()
    {
        Name = "Годишна поддръжка на ERP", StartsOn = Today.AddYears(-1), RenewsOn = renewsOn, Amount = amount, Currency = "EUR", Billing = billing,
    };

    private static async Task<SubscriptionRow> AddAsync(Person by, Guid accountId, SubscriptionInput input) =>
        await (await by.Api.PostJsonAsync($"/api/v1/accounts/{accountId}/services", input)).ReadAsync<SubscriptionRow>(HttpStatusCode.Created);

    private static async Task<HealthReport> HealthAsync(Person by, Guid accountId) =>
        await (await by.Api.GetAsync($"/api/v1/accounts/{accountId}/health")).ReadAsync<HealthReport>();

    private static string Visible(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [Fact]
    public async Task A_service_is_recorded_changed_against_its_version_and_refused_when_its_dates_or_value_make_no_sense()
    {
        var me = await PersonAsync("Мениджър услуги ");
        var (account, _) = await AccountAsync(me, "Клиент с услуги ");
        var added = await AddAsync(me, account.Id, Support(Today.AddDays(40)));
        Assert.Equal(("Годишна поддръжка на ERP", 250m, 3_000m, SubscriptionStatus.Active), (added.Name, added.Amount, added.YearlyAmount, added.Status));

        var backwards = await me.Api.PostJsonAsync($"/api/v1/accounts/{account.Id}/services", Support(Today.AddYears(-2)));
        var problem = await backwards.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The renewal cannot come before the start.", problem.GetProperty("errors").GetProperty("renewsOn")[0].GetString());
        var negative = await me.Api.PostJsonAsync($"/api/v1/accounts/{account.Id}/services", Support(null, amount: -5m));
        await negative.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single((await (await me.Api.GetAsync($"/api/v1/accounts/{account.Id}/services")).ReadAsync<List<SubscriptionRow>>()));

        var changed = Support(Today.AddDays(40), amount: 300m);
        changed.Version = added.Version;
        var updated = await (await me.Api.PutJsonAsync($"/api/v1/services/{added.Id}", changed)).ReadAsync<SubscriptionRow>();
        Assert.Equal(300m, updated.Amount);
        var stale = Support(Today.AddDays(40), amount: 999m);
        stale.Version = added.Version;
        await (await me.Api.PutJsonAsync($"/api/v1/services/{added.Id}", stale)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(300m, (await (await me.Api.GetAsync($"/api/v1/services/{added.Id}")).ReadAsync<SubscriptionRow>()).Amount);

        // The page reads the service in both languages, with its renewal counted from today.
        var browser = await app.SignedInClientAsync(me.Email);
        var bg = Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{Bulgarian}"));
        Assert.Matches("Услуги.*Годишна поддръжка на ERP.*300,00 EUR на месец.*след 40 дни.*Активна", bg);
        var en = Visible(await browser.GetStringAsync($"/services/{added.Id}?{English}"));
        Assert.Contains("300.00 EUR per month", en, StringComparison.Ordinal);
        Assert.Contains("in 40 days", en, StringComparison.Ordinal);

        // A form post with a renewal before the start comes back with the message beside the field, nothing saved.
        var refused = await RapportApp.PostFormAsync(browser, $"/services/{added.Id}?{Bulgarian}", "service", new()
        {
            ["Input.Name"] = "Поддръжка", ["Input.StartsOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.RenewsOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Amount"] = "10",
            ["Input.Currency"] = "EUR", ["Input.Billing"] = "Yearly", ["Input.Status"] = "Active",
            ["Input.Version"] = updated.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Contains("Подновяването не може да е преди началото.", Visible(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Годишна поддръжка на ERP", (await (await me.Api.GetAsync($"/api/v1/services/{added.Id}")).ReadAsync<SubscriptionRow>()).Name);
    }

    [Fact]
    public async Task Only_those_who_edit_the_account_record_or_change_its_services_and_others_do_not_even_see_them()
    {
        var owner = await PersonAsync("Собственик ");
        var stranger = await PersonAsync("Чужд мениджър ");
        var coordinator = await PersonAsync("Координатор ", Roles.Coordinator);
        var (account, _) = await AccountAsync(owner, "Чужд клиент ");
        var service = await AddAsync(owner, account.Id, Support(Today.AddDays(20)));

        await (await stranger.Api.GetAsync($"/api/v1/services/{service.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Api.GetAsync($"/api/v1/accounts/{account.Id}/services")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Api.GetAsync($"/api/v1/accounts/{account.Id}/health")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Api.PostJsonAsync($"/api/v1/accounts/{account.Id}/services", Support(null))).ProblemAsync(HttpStatusCode.NotFound);
        var change = Support(Today.AddDays(20), amount: 1m);
        change.Version = service.Version;
        await (await stranger.Api.PutJsonAsync($"/api/v1/services/{service.Id}", change)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Api.PostJsonAsync($"/api/v1/services/{service.Id}/renewal-deal", new RenewalDealInput { Version = service.Version }))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await stranger.Api.GetAsync("/api/v1/renewals?days=365")).ReadAsync<Page<RenewalRow>>()).Items,
            r => r.Service.AccountId == account.Id);
        var strangerBrowser = await app.SignedInClientAsync(stranger.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/services/{service.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/accounts/{account.Id}/services/new")).StatusCode);
        Assert.Equal(250m, (await (await owner.Api.GetAsync($"/api/v1/services/{service.Id}")).ReadAsync<SubscriptionRow>()).Amount);

        // Made the account's coordinator, the coordinator records a service there too.
        await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Accounts.Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(a => a.CoordinatorId, coordinator.EmployeeId)));
        await AddAsync(coordinator, account.Id, Support(null, 90m));
        Assert.Equal(2, (await (await owner.Api.GetAsync($"/api/v1/accounts/{account.Id}/services")).ReadAsync<List<SubscriptionRow>>()).Count);
    }

    [Fact]
    public async Task A_managers_renewals_are_those_of_the_accounts_they_see_in_the_order_and_pages_an_administrator_reads_them()
    {
        var me = await PersonAsync("Мениджър подновявания ");
        var other = await PersonAsync("Друг мениджър ");
        var (first, _) = await AccountAsync(me, "Клиент А ");
        var (second, _) = await AccountAsync(me, "Клиент Б ");
        var (related, theirContact) = await AccountAsync(other, "Клиент чрез среща ");
        var (hidden, _) = await AccountAsync(other, "Чужд клиент ");
        (await other.Api.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = related.Id, Kind = InteractionKind.Meeting, Subject = "Среща", EmployeeIds = [other.EmployeeId, me.EmployeeId],
            ContactIds = [theirContact.Id],
        })).EnsureSuccessStatusCode();

        // Ties on one date across accounts, one overdue, and those the list leaves out: cancelled, open-ended, too far, unseen.
        var shown = new List<Guid>();
        foreach (var (by, account, days) in new[] { (me, first, 10), (me, first, 10), (me, first, -5), (me, second, 10), (me, second, 40), (other, related, 10) })
        {
            shown.Add((await AddAsync(by, account.Id, Support(Today.AddDays(days)))).Id);
        }

        var cancelled = Support(Today.AddDays(3));
        cancelled.Status = SubscriptionStatus.Cancelled;
        await AddAsync(me, second.Id, cancelled);
        await AddAsync(me, second.Id, Support(null));
        await AddAsync(me, second.Id, Support(Today.AddDays(90)));
        await AddAsync(other, hidden.Id, Support(Today.AddDays(10)));

        static async Task<List<RenewalRow>> WalkAsync(HttpClient api, int size)
        {
            var rows = new List<RenewalRow>();
            string? after = null;
            do
            {
                var page = await (await api.GetAsync($"/api/v1/renewals?days=60&size={size}" + (after is null ? "" : $"&after={after}")))
                    .ReadAsync<Page<RenewalRow>>();
                Assert.True(page.Items.Count == size || page.Next is null);
                rows.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);
            return rows;
        }

        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var seen = new[] { first.Id, second.Id, related.Id };
        var expected = (await WalkAsync(admin, 100)).Where(r => seen.Contains(r.Service.AccountId)).Select(r => r.Service.Id).ToList();
        Assert.Equal(shown.Order().ToList(), expected.Order().ToList());
        Assert.Equal(shown[2], expected[0]);
        foreach (var size in new[] { 1, 2, 4, 50 })
        {
            var mine = await WalkAsync(me.Api, size);
            Assert.Equal(expected, mine.Select(r => r.Service.Id).ToList());
            Assert.Equal(5, mine.Count(r => r.MayEdit));
        }
    }

    [Fact]
    public async Task A_renewal_becomes_an_open_deal_once_and_wins_as_existing_business_on_an_account_that_never_won_before()
    {
        var me = await PersonAsync("Координатор подновявания ", Roles.Coordinator);
        var (account, _) = await AccountAsync(me, "Клиент за подновяване ");
        var service = await AddAsync(me, account.Id, Support(Today.AddDays(25), 250m));

        var browser = await app.SignedInClientAsync(me.Email);
        var bg = Visible(await browser.GetStringAsync($"/renewals?days=30&{Bulgarian}"));
        Assert.Matches("Подновявания.*след 25 дни.*Годишна поддръжка на ERP.*3 000,00 EUR годишно.*Създай сделка за подновяване", bg.Replace('\u00a0', ' '));
        Assert.Contains("in 25 days", Visible(await browser.GetStringAsync($"/renewals?days=30&{English}")), StringComparison.Ordinal);

        var made = await RapportApp.PostFormAsync(browser, $"/renewals?days=30&{Bulgarian}", $"renewal-{service.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var after = await (await me.Api.GetAsync($"/api/v1/services/{service.Id}")).ReadAsync<SubscriptionRow>();
        Assert.NotNull(after.RenewalDealId);
        var deal = await (await me.Api.GetAsync($"/api/v1/deals/{after.RenewalDealId}")).ReadAsync<DealDetails>();
        Assert.Equal((DealOutcome.Open, 3_000m, Today.AddDays(25), me.EmployeeId), (deal.Outcome, deal.Amount, deal.ExpectedCloseOn, deal.OwnerId));
        Assert.StartsWith("Подновяване: Годишна поддръжка на ERP", deal.Title, StringComparison.Ordinal);

        // Once per renewal.
        await (await me.Api.PostJsonAsync($"/api/v1/services/{service.Id}/renewal-deal", new RenewalDealInput { Version = after.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Сделка за подновяване " + deal.Number, Visible(await browser.GetStringAsync($"/renewals?days=30&{Bulgarian}")), StringComparison.Ordinal);

        // The account never won a deal, yet a renewal keeps a service it already uses: existing business.
        var won = await (await me.Api.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = Today, Version = deal.Version }))
            .ReadAsync<DealDetails>();
        Assert.Equal((DealOutcome.Won, (bool?)false), (won.Outcome, won.NewBusiness));

        // Won, it renewed the service: the next renewal is a year on, and it may have a deal of its own.
        var renewed = await (await me.Api.GetAsync($"/api/v1/services/{service.Id}")).ReadAsync<SubscriptionRow>();
        Assert.Equal((Today.AddDays(25).AddYears(1), deal.Id, DealOutcome.Won, false),
            (renewed.RenewsOn, renewed.RenewalDealId, renewed.RenewalDealOutcome, renewed.RenewalPending));
        var servicePage = Visible(await browser.GetStringAsync($"/services/{service.Id}?{Bulgarian}"));
        Assert.Contains("Подновена със сделка " + deal.Number, servicePage, StringComparison.Ordinal);
        Assert.Contains("Създай сделка за подновяване", servicePage, StringComparison.Ordinal);
        Assert.Contains("Renewed by deal " + deal.Number, Visible(await browser.GetStringAsync($"/services/{service.Id}?{English}")), StringComparison.Ordinal);
        Assert.DoesNotContain(service.Id.ToString(), await browser.GetStringAsync($"/renewals?days=30&{Bulgarian}"), StringComparison.Ordinal);

        // Reopened, the win is taken back, and so is the renewal.
        var reopened = await (await me.Api.PostJsonAsync($"/api/v1/deals/{deal.Id}/reopen", new ReopenInput { Version = won.Version })).ReadAsync<DealDetails>();
        Assert.Equal(DealOutcome.Open, reopened.Outcome);
        var back = await (await me.Api.GetAsync($"/api/v1/services/{service.Id}")).ReadAsync<SubscriptionRow>();
        Assert.Equal((Today.AddDays(25), true), (back.RenewsOn, back.RenewalPending));
        await (await me.Api.PostJsonAsync($"/api/v1/services/{service.Id}/renewal-deal", new RenewalDealInput { Version = back.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Health_says_why_factor_by_factor_and_drops_when_a_case_is_breached_and_a_renewal_comes_due_without_a_deal()
    {
        var me = await PersonAsync("Координатор здраве ", Roles.Coordinator);
        var (account, contact) = await AccountAsync(me, "Клиент здраве ");

        var calm = await HealthAsync(me, account.Id);
        Assert.Equal([HealthFactorKind.Relationships, HealthFactorKind.Coverage, HealthFactorKind.Cases, HealthFactorKind.Renewals, HealthFactorKind.Revenue],
            calm.Factors.Select(f => f.Kind));
        Assert.Equal(calm.Factors.Sum(f => f.Points), calm.Score);
        Assert.Equal((20, HealthReason.NoOpenCases), Factor(calm, HealthFactorKind.Cases));
        Assert.Equal((15, HealthReason.NoRenewalDue), Factor(calm, HealthFactorKind.Renewals));

        // An urgent case past its first-response target, and a renewal in ten days with no deal.
        var opened = await (await me.Api.PostJsonAsync("/api/v1/cases", new CaseInput
        {
            AccountId = account.Id, ContactId = contact.Id, Subject = "Системата не работи", Priority = CasePriority.Urgent, Category = CaseCategory.Problem,
        })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
        await app.BackdateCaseAsync(opened.Id, Duration.FromHours(2));
        await AddAsync(me, account.Id, Support(Today.AddDays(10)));

        var worse = await HealthAsync(me, account.Id);
        Assert.Equal((10, HealthReason.CasesAtRisk), Factor(worse, HealthFactorKind.Cases));
        Assert.Equal((5, HealthReason.RenewalWithin30Days), Factor(worse, HealthFactorKind.Renewals));
        Assert.Equal(calm.Score - 20, worse.Score);

        var browser = await app.SignedInClientAsync(me.Email);
        var bg = Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{Bulgarian}"));
        Assert.Contains($"Състояние на клиента {worse.Score} ·", bg, StringComparison.Ordinal);
        Assert.Matches("Заявки за обслужване 10 / 20 С нарушен срок: 1; близо до нарушение: 0\\.", bg);
        Assert.Contains("Подновявания 5 / 15 Подновяване след 10 дни още няма сделка.", bg, StringComparison.Ordinal);
        var en = Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{English}"));
        Assert.Contains("Service cases 10 / 20 1 breached and 0 near breach.", en, StringComparison.Ordinal);
        Assert.Contains("Renewals 5 / 15 A renewal in 10 days has no deal yet.", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_health_sorts_and_filters_the_account_list_and_fills_home_with_the_accounts_at_risk()
    {
        var me = await PersonAsync("Мениджър риск ");
        var (weak, weakContact) = await AccountAsync(me, "Слаб клиент ");
        var (fine, _) = await AccountAsync(me, "Добър клиент ");
        // The weak one: two breached cases and a renewal overdue without a deal.
        foreach (var subject in new[] { "Спрян достъп", "Грешни фактури" })
        {
            var c = await (await me.Api.PostJsonAsync("/api/v1/cases", new CaseInput
            {
                AccountId = weak.Id, ContactId = weakContact.Id, Subject = subject, Priority = CasePriority.Urgent, Category = CaseCategory.Problem,
            })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
            await app.BackdateCaseAsync(c.Id, Duration.FromHours(3));
        }

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            db.Subscriptions.Add(new Subscription
            {
                AccountId = weak.Id, Name = "Хостинг", StartsOn = Today.AddYears(-2), RenewsOn = Today.AddDays(-5), Amount = 100m, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<HealthQueries>().RefreshAsync([weak.Id, fine.Id]);
            return 0;
        });

        var weakHealth = await HealthAsync(me, weak.Id);
        var fineHealth = await HealthAsync(me, fine.Id);
        Assert.True(weakHealth.Score < AccountHealth.WatchFrom, $"{weakHealth.Score}");
        Assert.True(fineHealth.Score > weakHealth.Score);

        var sorted = await (await me.Api.GetAsync($"/api/v1/accounts?ownerId={me.EmployeeId}&sort=Health")).ReadAsync<Page<AccountRow>>();
        Assert.Equal([weak.Id, fine.Id], sorted.Items.Select(a => a.Id));
        Assert.Equal([weakHealth.Score, fineHealth.Score], sorted.Items.Select(a => a.Health));
        var atRisk = await (await me.Api.GetAsync($"/api/v1/accounts?ownerId={me.EmployeeId}&healthMax={AccountHealth.WatchFrom - 1}")).ReadAsync<Page<AccountRow>>();
        Assert.Equal(weak.Id, Assert.Single(atRisk.Items).Id);

        var browser = await app.SignedInClientAsync(me.Email);
        var list = Visible(await browser.GetStringAsync($"/accounts?owner={me.EmployeeId}&health=AtRisk&{Bulgarian}"));
        Assert.Contains($"{weak.Name}", list, StringComparison.Ordinal);
        Assert.Contains($"{weakHealth.Score} · В риск", list, StringComparison.Ordinal);
        Assert.DoesNotContain(fine.Name, list, StringComparison.Ordinal);
        var home = Visible(await browser.GetStringAsync($"/?{English}"));
        Assert.Matches($"Accounts at risk {Regex.Escape(weak.Name)} {weakHealth.Score} · At risk", home);
        Assert.Matches("Renewals in the next 90 days Хостинг · " + Regex.Escape(weak.Name) + " · overdue by 5 days", home);
    }

    [Fact]
    public async Task A_saved_change_brings_the_stored_health_the_list_sorts_on_up_to_date_without_anyone_asking()
    {
        var me = await PersonAsync("Мениджър опресняване ");
        var (account, _) = await AccountAsync(me, "Клиент опресняване ");
        var before = await HealthAsync(me, account.Id);
        await StoredHealthAsync(me, account.Id, before.Score);

        // A renewal overdue with no deal takes the renewals factor to nothing; the list follows by itself.
        await AddAsync(me, account.Id, Support(Today.AddDays(-3)));
        var after = await HealthAsync(me, account.Id);
        Assert.Equal(before.Score - AccountHealth.RenewalsMax, after.Score);
        await StoredHealthAsync(me, account.Id, after.Score);
    }

    /// <summary>Waits (a few seconds at most) until the account list shows this stored health for the account.</summary>
    private static async Task StoredHealthAsync(Person me, Guid accountId, int expected)
    {
        var stored = Account.HealthUnknown;
        for (var attempt = 0; attempt < 100 && stored != expected; attempt++)
        {
            await Task.Delay(100);
            var page = await (await me.Api.GetAsync($"/api/v1/accounts?ownerId={me.EmployeeId}")).ReadAsync<Page<AccountRow>>();
            stored = page.Items.Single(a => a.Id == accountId).Health;
        }

        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task The_escalation_list_shows_a_head_of_sales_who_on_the_team_has_breached_cases_and_no_one_else_may_read_it()
    {
        var head = await PersonAsync("Ръководител ескалации ", Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип ескалации "), head.EmployeeId);
        var mine = await PersonAsync("Координатор в екипа ", Roles.Coordinator, team);
        var other = await PersonAsync("Координатор извън екипа ", Roles.Coordinator);
        foreach (var person in new[] { mine, other })
        {
            var (account, contact) = await AccountAsync(person, "Клиент с ескалация ");
            var c = await (await person.Api.PostJsonAsync("/api/v1/cases", new CaseInput
            {
                AccountId = account.Id, ContactId = contact.Id, Subject = "Не работи фактурирането", Priority = CasePriority.Urgent, Category = CaseCategory.Problem,
            })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
            await app.BackdateCaseAsync(c.Id, Duration.FromHours(2));
        }

        var rows = await (await head.Api.GetAsync("/api/v1/cases/escalations")).ReadAsync<List<EscalationRow>>();
        var row = Assert.Single(rows);
        Assert.Equal((mine.EmployeeId, mine.Name, 1, 0), (row.AssigneeId, row.AssigneeName, row.Breached, row.NearBreach));
        await (await mine.Api.GetAsync("/api/v1/cases/escalations")).ProblemAsync(HttpStatusCode.Forbidden);

        var browser = await app.SignedInClientAsync(head.Email);
        var bg = Visible(await browser.GetStringAsync($"/cases/escalations?{Bulgarian}"));
        Assert.Matches($"Ескалации.*{Regex.Escape(mine.Name)} 1 0 .*Заявките.*Не работи фактурирането.*Просрочен", bg);
        Assert.DoesNotContain(other.Name, bg, StringComparison.Ordinal);
        Assert.Contains("Escalations", Visible(await browser.GetStringAsync($"/cases/escalations?{English}")), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.SignedInClientAsync(mine.Email)).GetAsync("/cases/escalations")).StatusCode);
    }

    private static (int Points, HealthReason Reason) Factor(HealthReport report, HealthFactorKind kind)
    {
        var factor = report.Factors.Single(f => f.Kind == kind);
        return (factor.Points, factor.Reason);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class ServicesAndHealthOnSqlite(SqliteApp app) : ServicesAndHealthTests(app), IClassFixture<SqliteApp>;

public sealed class ServicesAndHealthOnPostgres(PostgresApp app) : ServicesAndHealthTests(app), IClassFixture<PostgresApp>;
