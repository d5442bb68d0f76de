using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rapport.Audit;
using Rapport.ClientBase;
using Rapport.ClientBase.Demo;
using Rapport.Data;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// The demo as a newcomer meets it after <c>--demo</c>: signed in as one of the documented users, in the
/// organisation's language, in a client base full of their own work. The demo is seeded once per database.
/// </summary>
public abstract partial class DemoTests(RapportApp app)
{
    private static readonly ConditionalWeakTable<RapportApp, Task<DemoSeedResult>> Seeded = [];
    private static readonly CultureInfo Bulgarian = CultureInfo.GetCultureInfo("bg-BG");

    private Task<DemoSeedResult> SeedAsync()
    {
        app.EnsureAvailable();
        return Seeded.GetValue(app, a => a.WithServicesAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync()));
    }

    private Task<T> WithDbAsync<T>(Func<RapportDb, Task<T>> query) => app.WithServicesAsync(sp => query(sp.GetRequiredService<RapportDb>()));

    private async Task<(Viewer Viewer, Guid UserId)> SignInAsync(string email) =>
        await WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
            return (new Viewer(user.Id, user.EmployeeId, roles.ToHashSet()), user.Id);
        });

    private static string Bg(string key) => Texts.ResourceManager.GetString(key, Bulgarian)!;

    [Fact]
    public async Task The_manager_signs_in_to_a_bulgarian_home_with_their_relationships_going_cold_and_their_next_steps()
    {
        await SeedAsync();
        var (viewer, _) = await SignInAsync(DemoSignIns.Manager);
        var (cold, tasks, dueSoon) = await app.WithServicesAsync(async sp =>
            ((await sp.GetRequiredService<RelationshipQueries>().MineAsync(viewer)).Where(r => r.GoingCold).ToList(),
             await sp.GetRequiredService<FollowUps>().MineAsync(viewer),
             await sp.GetRequiredService<FollowUps>().DueSoonAsync(viewer)));
        var steps = tasks.Where(t => t.Kind == FollowUpKind.NextStep).ToList();
        var client = await app.SignedInClientAsync(DemoSignIns.Manager, DemoData.Password);

        var html = await client.GetStringAsync("/");
        var home = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), @"\s+", " ");

        Assert.Contains("<html lang=\"bg\"", html, StringComparison.Ordinal);
        Assert.Contains(Bg(nameof(Texts.HomeGoingCold)), home, StringComparison.Ordinal);
        Assert.DoesNotContain(Bg(nameof(Texts.HomeNothingCold)), home, StringComparison.Ordinal);
        Assert.DoesNotContain(Bg(nameof(Texts.HomeNothingDue)), home, StringComparison.Ordinal);
        Assert.True(cold.Count >= 5, $"{cold.Count} relationships going cold");
        Assert.Contains($"{cold[0].ContactName} · {cold[0].AccountName}", home, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains(steps, s => s.DueOn == today);
        Assert.Contains(steps, s => s.DueOn < today);
        Assert.Contains(steps, s => s.DueOn > today);
        Assert.Contains(tasks, t => t.DaysOverdue > 0);
        Assert.Contains(tasks, t => t.Kind == FollowUpKind.RecoverRole);
        Assert.NotEmpty(dueSoon);
        // Each task due soon on Home: a next step with its account, a re-cover task by the person who moved, worded in Bulgarian.
        Assert.All(dueSoon, t => Assert.Contains(t.Kind switch
        {
            FollowUpKind.NextStep => $"{t.Title} · {t.AccountName}",
            FollowUpKind.RecoverRole => $"{t.ContactName} премина в {t.TargetAccountName}",
            _ => t.Title,
        }, home, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_page_names_the_buying_role_of_every_contact_and_of_every_required_role()
    {
        await SeedAsync();
        var holding = await WithDbAsync(db => db.Accounts.Where(a => a.Name == "Балкан Индъстрийс АД").Select(a => a.Id).SingleAsync());
        var client = await app.SignedInClientAsync(DemoSignIns.Manager, DemoData.Password);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/accounts/{holding}"));

        foreach (var required in BuyingRoles.Defaults().Where(r => r.Required))
        {
            Assert.Contains($"class=\"badge role key\">{required.NameBg}</span>", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(">c.Role<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">role.Role<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_sees_about_three_hundred_accounts_with_their_contacts()
    {
        await SeedAsync();
        var (_, admin) = await SignInAsync(DemoSignIns.Admin);
        var client = await app.ApiClientForAsync(admin);

        var accounts = await AllAccountsAsync(client, "");

        Assert.InRange(accounts.Count, 290, 320);
        Assert.InRange(await WithDbAsync(db => db.Contacts.CountAsync()), 1000, 1500);
        Assert.InRange(await WithDbAsync(db => db.Interactions.CountAsync()), 2000, 6000);
        Assert.Contains(accounts, a => a.Status == AccountStatus.Prospect);
        Assert.Contains(accounts, a => a.Status == AccountStatus.Former);
        Assert.Contains(accounts, a => a.CoordinatorName != null);
        Assert.All(accounts.Where(a => a.RegistrationNumber != null), a => Assert.True(Eik.IsValid(a.RegistrationNumber!), a.RegistrationNumber));
        Assert.Equal(7, (await WithDbAsync(db => db.Users.CountAsync())));
    }

    [Fact]
    public async Task The_manager_owns_about_forty_accounts_some_single_threaded_some_not_covered_some_covered()
    {
        await SeedAsync();
        var (viewer, manager) = await SignInAsync(DemoSignIns.Manager);
        var client = await app.ApiClientForAsync(manager);

        var owned = await AllAccountsAsync(client, $"ownerId={viewer.EmployeeId}");
        var single = await AllAccountsAsync(client, $"ownerId={viewer.EmployeeId}&coverage=SingleThreaded");
        var uncovered = await AllAccountsAsync(client, $"ownerId={viewer.EmployeeId}&coverage=NotCovered");
        var covered = await AllAccountsAsync(client, $"ownerId={viewer.EmployeeId}&coverage=Covered");

        Assert.InRange(owned.Count, 38, 44);
        Assert.NotEmpty(single);
        Assert.NotEmpty(uncovered);
        Assert.Contains(covered, c => single.All(s => s.Id != c.Id));
        var group = await (await client.GetAsync($"/api/v1/accounts/{owned.First(a => a.Name == "Балкан Индъстрийс АД").Id}")).ReadAsync<AccountDetails>();
        Assert.NotNull(group.CoordinatorName);
        var coverage = await (await client.GetAsync($"/api/v1/accounts/{single[0].Id}/coverage")).ReadAsync<AccountCoverageView>();
        Assert.True(coverage.Coverage.SingleThreaded);
    }

    [Theory]
    [InlineData(DemoSignIns.Head)]
    [InlineData(DemoSignIns.Coordinator)]
    [InlineData(DemoSignIns.Press)]
    public async Task Every_demo_user_of_the_client_base_lands_in_work_of_their_own(string email)
    {
        await SeedAsync();
        var (viewer, _) = await SignInAsync(email);
        var (accounts, mine, tasks) = await app.WithServicesAsync(async sp =>
            ((await sp.GetRequiredService<AccountHandlers>().ListAsync(viewer, new AccountFilter(PageSize: 200))).Items,
             await sp.GetRequiredService<RelationshipQueries>().MineAsync(viewer),
             await sp.GetRequiredService<FollowUps>().MineAsync(viewer)));

        Assert.Contains(mine, r => r.GoingCold);
        Assert.Contains(mine, r => !r.GoingCold);
        Assert.Contains(tasks, t => t.Kind == FollowUpKind.NextStep && t.DueOn == DateOnly.FromDateTime(DateTime.UtcNow));
        switch (email)
        {
            case DemoSignIns.Head:
                Assert.True(accounts.Select(a => a.OwnerId).Distinct().Count() >= 5, "the head's team owns the accounts");
                break;
            case DemoSignIns.Coordinator:
                var name = await WithDbAsync(db => db.Employees.Where(e => e.Id == viewer.EmployeeId).Select(e => e.FullName).SingleAsync());
                Assert.InRange(accounts.Count(a => a.CoordinatorName == name), 5, 30);
                break;
            default:
                Assert.InRange(accounts.Count(a => a.OwnerId == viewer.EmployeeId), 3, 4);
                break;
        }
    }

    [Fact]
    public async Task The_coordinator_and_the_manager_find_cases_in_every_state_on_their_accounts_breached_ones_first()
    {
        await SeedAsync();
        foreach (var email in new[] { DemoSignIns.Coordinator, DemoSignIns.Manager })
        {
            var (viewer, _) = await SignInAsync(email);
            var cases = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<Rapport.Service.CaseHandlers>()
                .ListAsync(viewer, new Rapport.Service.CaseFilter(All: true, AssigneeId: viewer.EmployeeId, Size: 200))).Items);
            Assert.Contains(cases, c => c.Sla == Rapport.Service.SlaState.Breached);
            Assert.Contains(cases, c => c.Sla == Rapport.Service.SlaState.NearBreach);
            Assert.Contains(cases, c => c.Sla == Rapport.Service.SlaState.OnTrack && c.Status == Rapport.Service.CaseStatus.InProgress);
            Assert.Contains(cases, c => c.Status == Rapport.Service.CaseStatus.WaitingOnClient);
            Assert.Contains(cases, c => c.Status == Rapport.Service.CaseStatus.Resolved);
            Assert.Equal(Rapport.Service.SlaState.Breached, cases[0].Sla);
            Assert.All(cases, c => Assert.Matches("[А-Яа-я]", c.Subject));
        }

        // Large and some medium-sized clients are promised a closer tier, and their cases run by it.
        var tiers = await WithDbAsync(db => db.Accounts.Where(a => a.Tier != ServiceTier.Standard).Select(a => a.Tier).Distinct().ToListAsync());
        Assert.Equal([ServiceTier.Premium, ServiceTier.Strategic], tiers.Order());
        Assert.Equal(0, await WithDbAsync(db => db.Cases.CountAsync(c => c.Tier != c.Account!.Tier)));
        Assert.True(await WithDbAsync(db => db.Cases.AnyAsync(c => c.Tier != ServiceTier.Standard)));

        var coordinator = await app.SignedInClientAsync(DemoSignIns.Coordinator, DemoData.Password);
        var home = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/"));
        Assert.Contains(Rapport.Service.ServiceTexts.ResourceManager.GetString("HomeMyCases", Bulgarian)!, home, StringComparison.Ordinal);
        Assert.Contains(">Просрочен<", home, StringComparison.Ordinal);
        Assert.Contains(">Близо до просрочване<", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_who_moved_keeps_the_history_and_left_the_manager_a_task_to_recover_the_role()
    {
        await SeedAsync();
        var (viewer, manager) = await SignInAsync(DemoSignIns.Manager);
        var client = await app.ApiClientForAsync(manager);
        var moves = await WithDbAsync(db => (from moved in db.Contacts
                                             join old in db.Contacts on moved.PreviousId equals old.Id
                                             join a in db.Accounts on old.AccountId equals a.Id
                                             where a.OwnerId == viewer.EmployeeId
                                             select new { Old = old.Id, OldAccount = a.Id, old.Status, old.FullName, moved.AccountId }).ToListAsync());

        Assert.True(moves.Count >= 2, "the manager saw two people move");
        var tasks = await (await client.GetAsync("/api/v1/follow-ups/mine")).ReadAsync<List<FollowUpRow>>();
        foreach (var move in moves)
        {
            Assert.Equal(ContactStatus.MovedOn, move.Status);
            var newEmployer = await (await client.GetAsync($"/api/v1/accounts/{move.AccountId}")).ReadAsync<AccountDetails>();
            var task = Assert.Single(tasks, t => t.ContactId == move.Old);
            Assert.Equal((FollowUpKind.RecoverRole, move.FullName, newEmployer.Name), (task.Kind, task.ContactName, task.TargetAccountName));
            Assert.Contains($" {move.FullName} ", task.Title, StringComparison.Ordinal);
            var timeline = await (await client.GetAsync($"/api/v1/accounts/{move.OldAccount}/interactions?size=100")).ReadAsync<Page<TimelineItem>>();
            Assert.Contains(timeline.Items, i => i.TheirPeople.Contains(move.FullName));
            var carried = await (await client.GetAsync($"/api/v1/accounts/{move.AccountId}/contacts")).ReadAsync<List<ContactRow>>();
            Assert.Contains(carried, c => c.FullName == move.FullName && c.Strength > 0);
        }

        // One of them was called at the new employer since, through the interaction handler; its next step is due.
        var steps = await app.WithServicesAsync(sp => sp.GetRequiredService<FollowUps>().MineAsync(viewer));
        Assert.Contains(steps, s => s.Kind == FollowUpKind.NextStep && moves.Any(m => m.AccountId == s.AccountId)
            && s.DueOn > DateOnly.FromDateTime(DateTime.UtcNow));
    }

    [Fact]
    public async Task Strength_warm_until_search_and_audit_are_what_the_app_itself_writes()
    {
        await SeedAsync();
        var options = app.Services.GetRequiredService<IOptions<StrengthOptions>>().Value;
        var (relationships, interactions, moved) = await WithDbAsync(async db => (
            await db.Relationships.AsNoTracking().ToListAsync(),
            await db.Interactions.AsNoTracking().Include(i => i.Employees).Include(i => i.Contacts).ToListAsync(),
            await db.Contacts.Where(c => c.PreviousId != null).Select(c => c.Id).ToListAsync()));

        // Replayed in the order they happened, as logging them one by one would have counted them.
        var replayed = new Dictionary<(Guid, Guid), (StrengthState State, int Count, DateTime Last)>();
        foreach (var interaction in interactions.OrderBy(i => i.OccurredAt))
        {
            foreach (var pair in interaction.Employees.SelectMany(e => interaction.Contacts.Select(c => (e.EmployeeId, c.ContactId))))
            {
                var (state, count, last) = replayed.GetValueOrDefault(pair, (StrengthState.None, 0, DateTime.MinValue));
                replayed[pair] = (RelationshipStrength.Add(state, interaction.Kind, interaction.InitiatedByClient, interaction.OccurredAt, options),
                    count + 1, interaction.OccurredAt > last ? interaction.OccurredAt : last);
            }
        }

        var checkable = relationships.Where(r => !moved.Contains(r.ContactId)).ToList();
        Assert.True(checkable.Count > 500);
        Assert.All(checkable, r =>
        {
            var (state, count, last) = replayed[(r.EmployeeId, r.ContactId)];
            Assert.Equal(count, r.Interactions);
            Assert.Equal(state.Score, r.Score, 9);
            Assert.Equal(last, r.LastContactAt, TimeSpan.FromMilliseconds(1));
            Assert.Equal(RelationshipStrength.WarmUntil(state, options), r.WarmUntil, TimeSpan.FromMilliseconds(1));
        });
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<WarmUntilRefresh>().IsStaleAsync()));

        var (accounts, audited) = await WithDbAsync(async db => (
            await db.Accounts.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Account) && e.Action == AuditAction.Added)));
        Assert.Equal(accounts, audited);

        var (_, admin) = await SignInAsync(DemoSignIns.Admin);
        var client = await app.ApiClientForAsync(admin);
        var sample = await WithDbAsync(db => db.Contacts.Where(c => c.Email != null && c.Status == ContactStatus.Active && c.Account!.RegistrationNumber != null)
            .OrderBy(c => c.SearchName).Select(c => new { c.Id, c.Email, c.AccountId, Eik = c.Account!.RegistrationNumber }).FirstAsync());
        var eik = sample.Eik;
        var byEmail = await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(sample.Email!)}")).ReadAsync<List<SearchHit>>();
        Assert.Contains(byEmail, h => h.Id == sample.Id);
        var byEik = await (await client.GetAsync($"/api/v1/search?q={eik}")).ReadAsync<List<SearchHit>>();
        Assert.Contains(byEik, h => h.Id == sample.AccountId);
    }

    [Fact]
    public async Task Every_demo_user_starts_in_the_language_of_the_organisation()
    {
        await SeedAsync();
        var users = await WithDbAsync(db => db.Users.AsNoTracking().Select(u => new { u.Email, u.Language }).ToListAsync());
        var organisation = await WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync());

        // The organisation has no language of its own: the demo organisation is Bulgarian.
        Assert.Equal("BG", organisation.CountryCode);
        Assert.Equal(7, users.Count);
        Assert.All(users, u => Assert.Equal(Languages.Bulgarian, u.Language));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_names_and_eiks()
    {
        await SeedAsync();
        var (staff, roles, stored) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            return (await sp.GetRequiredService<DemoData>().LoadStaffAsync(CancellationToken.None),
                new RoleSet(await db.BuyingRoles.AsNoTracking().ToListAsync()),
                await db.Accounts.Where(a => a.RegistrationNumber != null).Select(a => a.Name + " " + a.RegistrationNumber).ToListAsync());
        });

        var plan = new ClientBasePlanner(new Random(DemoContext.SeedFor(DemoData.DefaultSeed, "client base")), staff, roles, DateTime.UtcNow).Plan();

        Assert.Equal(plan.Accounts.Select(a => a.Name + " " + a.RegistrationNumber).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_lists_the_sign_ins_again()
    {
        var first = await SeedAsync();
        Assert.Equal([DemoData.CompanyPart, "client base", "deals", "service", "subscriptions", "pay", "staffing"], first.Added);
        var counts = await WithDbAsync(async db => (await db.Accounts.CountAsync(), await db.Contacts.CountAsync(),
            await db.Interactions.CountAsync(), await db.Employees.CountAsync(), await db.Users.CountAsync(), await db.Deals.CountAsync(),
            await db.DealEvents.CountAsync()));

        var again = await app.WithServicesAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync());

        Assert.True(again.IsDemo);
        Assert.Empty(again.Added);
        Assert.Equal(counts, await WithDbAsync(async db => (await db.Accounts.CountAsync(), await db.Contacts.CountAsync(),
            await db.Interactions.CountAsync(), await db.Employees.CountAsync(), await db.Users.CountAsync(), await db.Deals.CountAsync(),
            await db.DealEvents.CountAsync())));
        string[] documented = [DemoSignIns.Admin, DemoSignIns.Head, DemoSignIns.Manager, DemoSignIns.Coordinator, DemoSignIns.Finance,
            DemoSignIns.Hr, DemoSignIns.Press];
        Assert.Equal(documented, again.Logins.Select(l => l.Email));
        var printed = new StringWriter();
        Web.DemoBanner.Write(again, printed);
        Assert.Contains(DemoData.Password, printed.ToString(), StringComparison.Ordinal);
        Assert.All(documented, email => Assert.Contains(email, printed.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_years_of_deals_won_lost_and_open_in_every_stage_went_through_their_stages_and_were_paid()
    {
        await SeedAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (deals, events, payments, products, splitDeals, lines) = await WithDbAsync(async db => (
            await db.Deals.AsNoTracking().ToListAsync(),
            await db.DealEvents.AsNoTracking().ToListAsync(),
            await db.DealPayments.AsNoTracking().ToListAsync(),
            await db.Products.AsNoTracking().Include(p => p.Prices).ToListAsync(),
            await db.Set<Rapport.Deals.DealSplit>().GroupBy(s => s.DealId).Where(g => g.Count() == 2).Select(g => g.Key).ToListAsync(),
            await db.DealLines.AsNoTracking().ToListAsync()));

        Assert.InRange(products.Count, 10, 20);
        Assert.All(products, p => Assert.Equal(["BGN", "EUR"], p.Prices.Select(x => x.Currency).Order(StringComparer.Ordinal)));
        Assert.Contains(products, p => p.Name.Contains("лиценз", StringComparison.Ordinal));
        Assert.Contains(products, p => p.Name.StartsWith("Rapport Cloud", StringComparison.Ordinal));

        var won = deals.Where(d => d.Outcome == Rapport.Deals.DealOutcome.Won).ToList();
        Assert.InRange(won.Count, 250, 900);
        Assert.All(won, d => Assert.InRange(d.ClosedOn!.Value, today.AddMonths(-25), today));
        Assert.True(won.Select(d => (d.ClosedOn!.Value.Year, d.ClosedOn.Value.Month)).Distinct().Count() >= 22, "wins in nearly every month");
        var thisYear = won.Where(d => d.ClosedOn > today.AddYears(-1)).Sum(d => d.AmountBase);
        var lastYear = won.Where(d => d.ClosedOn <= today.AddYears(-1) && d.ClosedOn > today.AddYears(-2)).Sum(d => d.AmountBase);
        Assert.True(lastYear > 0 && thisYear > lastYear, $"growth: {thisYear} against {lastYear}");
        Assert.Contains(won, d => d.NewBusiness == true);
        Assert.Contains(won, d => d.NewBusiness == false);

        var lost = deals.Where(d => d.Outcome == Rapport.Deals.DealOutcome.Lost).ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, d => Assert.NotNull(d.LostReasonId));
        var open = deals.Where(d => d.Outcome == Rapport.Deals.DealOutcome.Open).ToList();
        Assert.Equal([Rapport.Deals.DealDefaults.QualificationId, Rapport.Deals.DealDefaults.NeedsAnalysisId, Rapport.Deals.DealDefaults.ProposalId, Rapport.Deals.DealDefaults.NegotiationId],
            open.Select(d => d.StageId).Distinct().Order());
        Assert.All(open, d => Assert.InRange(d.ExpectedCloseOn, today, today.AddMonths(6)));
        Assert.Contains(open, d => d.ExpectedCloseOn.Month == today.Month && d.ExpectedCloseOn.Year == today.Year);
        Assert.Contains(deals, d => lines.Any(l => l.DealId == d.Id));
        Assert.Contains(deals, d => lines.All(l => l.DealId != d.Id));
        Assert.All(deals.Where(d => lines.Any(l => l.DealId == d.Id)), d => Assert.Equal(d.Amount, lines.Where(l => l.DealId == d.Id).Sum(l => l.Amount)));
        Assert.NotEmpty(splitDeals);

        // Every deal went through its stages as the commands record them: created first, moved, then won or lost.
        var byDeal = events.GroupBy(e => e.DealId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).ToList());
        Assert.All(deals, d =>
        {
            var log = byDeal[d.Id];
            Assert.Equal(Rapport.Deals.DealEventKind.Created, log[0].Kind);
            Assert.Equal(log.Select(e => e.At).Order(), log.Select(e => e.At));
            var last = log.LastOrDefault(e => e.Kind is Rapport.Deals.DealEventKind.Won or Rapport.Deals.DealEventKind.Lost or Rapport.Deals.DealEventKind.StageMoved or Rapport.Deals.DealEventKind.Created);
            Assert.Equal(d.StageId, last!.ToStageId);
        });
        Assert.All(splitDeals, id => Assert.Contains(byDeal[id], e => e.Kind == Rapport.Deals.DealEventKind.SplitsChanged));
        Assert.Contains(events, e => e.Kind == Rapport.Deals.DealEventKind.StageMoved);

        // Paid, in full or in part, and never beyond the amount; a few credit notes within what was paid.
        Assert.Contains(payments, p => p.Kind == Rapport.Deals.PaymentKind.CreditNote);
        Assert.All(payments.GroupBy(p => p.DealId), g => Assert.InRange(g.Sum(p => p.Amount), 0, won.Single(d => d.Id == g.Key).Amount));
        Assert.Equal(payments.Count, events.Count(e => e.Kind is Rapport.Deals.DealEventKind.Payment or Rapport.Deals.DealEventKind.CreditNote));
    }

    [Fact]
    public async Task The_manager_and_the_team_have_quotas_so_the_forecast_shows_attainment_in_bulgarian()
    {
        await SeedAsync();
        var (manager, userId) = await SignInAsync(DemoSignIns.Manager);
        var quarters = await WithDbAsync(db => db.Set<Rapport.Deals.Quota>().Where(q => q.EmployeeId == manager.EmployeeId).CountAsync());
        Assert.Equal(10, quarters);

        var year = DateTime.UtcNow.Year;
        var api = await app.ApiClientForAsync(userId);
        var forecast = await (await api.GetAsync($"/api/v1/forecast?period={year}")).ReadAsync<Rapport.Deals.ForecastView>();
        var client = await app.SignedInClientAsync(DemoSignIns.Manager, DemoData.Password);
        Assert.All(forecast.Quarters, q => Assert.True(q.Quota > 0, q.Label));
        Assert.Contains(forecast.Quarters, q => q.Attainment > 0);

        await RapportApp.PostFormAsync(client, "/", null, new() { ["language"] = "bg", ["returnUrl"] = "/" }, action: "/culture");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/deals/forecast?period={year}"));
        Assert.Contains("План", page, StringComparison.Ordinal);
        Assert.Contains("Изпълнение", page, StringComparison.Ordinal);
        Assert.Matches(@"\d+(,\d+)?\s?%", page);
    }

    [Fact]
    public async Task Each_demo_user_sees_the_deals_they_work_on_and_the_manager_has_some_at_risk()
    {
        await SeedAsync();
        async Task<List<Rapport.Deals.DealRow>> DealsOfAsync(Viewer viewer, Rapport.Deals.RiskFilter? risk = null) =>
            await app.WithServicesAsync(async sp =>
            {
                var rows = new List<Rapport.Deals.DealRow>();
                string? after = null;
                do
                {
                    var page = await sp.GetRequiredService<Rapport.Deals.DealQueries>().ListAsync(viewer, new Rapport.Deals.DealFilter(Risk: risk, After: after, PageSize: 200));
                    rows.AddRange(page.Items);
                    after = page.Next;
                }
                while (after is not null);
                return rows;
            });
        var (manager, _) = await SignInAsync(DemoSignIns.Manager);
        var (head, _) = await SignInAsync(DemoSignIns.Head);
        var (finance, _) = await SignInAsync(DemoSignIns.Finance);
        var splits = await WithDbAsync(db => db.Set<Rapport.Deals.DealSplit>().AsNoTracking().ToListAsync());
        var team = await WithDbAsync(db => db.Employees.Where(e => e.TeamId == db.Employees.Single(h => h.Id == head.EmployeeId).TeamId)
            .Select(e => e.Id).ToListAsync());

        var mine = await DealsOfAsync(manager);
        Assert.InRange(mine.Count, 30, 250);
        Assert.All(mine, d => Assert.True(d.OwnerId == manager.EmployeeId || splits.Any(s => s.DealId == d.Id && s.EmployeeId == manager.EmployeeId)));
        Assert.Contains(mine, d => d.Outcome == Rapport.Deals.DealOutcome.Open);
        Assert.Contains(mine, d => d.Outcome == Rapport.Deals.DealOutcome.Won);
        Assert.NotEmpty(await DealsOfAsync(manager, Rapport.Deals.RiskFilter.AtRisk));
        Assert.NotEmpty(await DealsOfAsync(manager, Rapport.Deals.RiskFilter.NotAtRisk));

        var teams = await DealsOfAsync(head);
        Assert.True(teams.Count > mine.Count);
        Assert.True(teams.Select(d => d.OwnerId).Distinct().Count() >= 4);
        Assert.All(teams, d => Assert.True(team.Contains(d.OwnerId) || splits.Any(s => s.DealId == d.Id && team.Contains(s.EmployeeId))));
        Assert.All(await DealsOfAsync(finance), d => Assert.Equal(Rapport.Deals.DealOutcome.Won, d.Outcome));

        // The manager's list in Bulgarian names their own deals.
        var client = await app.SignedInClientAsync(DemoSignIns.Manager, DemoData.Password);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/deals"));
        Assert.Contains(mine.OrderBy(d => d.CloseOn).First().Title, list, StringComparison.Ordinal);

        // The head's board in Bulgarian counts the team's open proposals, at most a column's cards shown, the rest linked to the list.
        var board = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(DemoSignIns.Head, DemoData.Password)).GetStringAsync("/deals/board"));
        var proposals = teams.Count(d => d.StageId == Rapport.Deals.DealDefaults.ProposalId);
        var column = board[board.IndexOf($"data-stage=\"{Rapport.Deals.DealDefaults.ProposalId}\"", StringComparison.Ordinal)..];
        column = column[..column.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(">Оферта</h2>", column, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"count\">{proposals}<", column, StringComparison.Ordinal);
        Assert.Equal(Math.Min(proposals, Rapport.Deals.DealBoardQueries.CardsPerColumn), column.Split("class=\"board-card").Length - 1);
        Assert.Contains(Texts.ResourceManager.GetString(nameof(Texts.NavHome), Bulgarian)!, board, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]+>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    private static async Task<List<AccountRow>> AllAccountsAsync(HttpClient client, string query)
    {
        var rows = new List<AccountRow>();
        string? after = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/accounts?size=200&{query}{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}"))
                .ReadAsync<Page<AccountRow>>();
            rows.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return rows;
    }
}

public sealed class DemoOnSqlite(SqliteApp app) : DemoTests(app), IClassFixture<SqliteApp>;

public sealed class DemoOnPostgres(PostgresApp app) : DemoTests(app), IClassFixture<PostgresApp>;
