using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Audit;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class DuplicatesTests(RapportApp app)
{
    private sealed record Manager(Guid EmployeeId, string Name, string Email, Viewer Viewer, HttpClient Api, string EmployeeEmail);

    private async Task<Manager> ManagerAsync(string name, string role = Roles.AccountManager, Guid? teamId = null)
    {
        var fullName = app.Unique(name);
        var employeeEmail = app.Unique("employee") + "@test.example";
        var employee = await app.CreateEmployeeAsync(fullName, teamId, email: employeeEmail);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Manager(employee, fullName, email, new Viewer(userId, employee, new HashSet<string> { role }), await app.ApiClientForAsync(userId),
            employeeEmail);
    }

    private Task<Guid> AccountAsync(Manager owner, string name, string? eik = null, string? domain = null, string industry = "", string region = "",
        AccountStatus status = AccountStatus.Prospect) =>
        app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AccountHandlers>().CreateAsync(owner.Viewer, new AccountInput
            {
                Name = name, RegistrationNumber = eik, Domain = domain, Industry = industry, Region = region, Status = status,
            });
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private Task<Guid> ContactAsync(Manager owner, Guid account, string name, string? email = null, string? phone = null, string role = BuyingRoles.Influencer,
        string title = "") =>
        app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<ContactHandlers>().CreateAsync(owner.Viewer, account,
                new ContactInput { FullName = name, Email = email, Phone = phone, Role = role, JobTitle = title });
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private Task<T> QueryAsync<T>(Func<RapportDb, Task<T>> query) => app.WithServicesAsync(sp => query(sp.GetRequiredService<RapportDb>()));

    private Task<AuditPage?> HistoryAsync(Guid id) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AuditQueries>().ListAsync(RapportApp.Admin, new AuditFilter(EntityId: id)));

    [Fact]
    public async Task Merging_accounts_keeps_every_contact_interaction_and_audit_entry()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Merger "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var name = app.Unique("Дубликат ");
        var keep = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = name, Industry = "" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var other = await (await client.PostJsonAsync("/api/v1/accounts?allowDuplicate=true", new AccountInput { Name = name.ToUpperInvariant(), Industry = "Металургия", RegistrationNumber = "123456786" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{other.Id}/contacts", new ContactInput { FullName = "Контакт на другия", Role = BuyingRoles.DecisionMaker }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput { AccountId = other.Id, Kind = InteractionKind.Meeting, Subject = "Среща", ContactIds = [contact.Id] }))
            .EnsureSuccessStatusCode();

        var pairs = await (await client.GetAsync("/api/v1/duplicates/accounts")).ReadAsync<List<DuplicatePair>>();
        Assert.Contains(pairs, p => p.FirstId == keep.Id && p.SecondId == other.Id && p.Rule == DuplicateRule.SameName);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/accounts/{keep.Id}/merge?other={other.Id}", null)).StatusCode);

        await (await client.GetAsync($"/api/v1/accounts/{other.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var merged = await (await client.GetAsync($"/api/v1/accounts/{keep.Id}")).ReadAsync<AccountDetails>();
        Assert.Equal(("123456786", "Металургия"), (merged.RegistrationNumber, merged.Industry));
        var contacts = await (await client.GetAsync($"/api/v1/accounts/{keep.Id}/contacts")).ReadAsync<List<ContactRow>>();
        Assert.Equal([contact.Id], contacts.Select(c => c.Id));
        var timeline = await (await client.GetAsync($"/api/v1/accounts/{keep.Id}/interactions")).ReadAsync<Page<TimelineItem>>();
        Assert.Single(timeline.Items);
        var coverage = await (await client.GetAsync($"/api/v1/accounts/{keep.Id}/coverage")).ReadAsync<AccountCoverageView>();
        Assert.True(coverage.Coverage.Roles.Single(r => r.Role == BuyingRoles.DecisionMaker).Covered);

        var history = await HistoryAsync(other.Id);
        Assert.Contains(history!.Items, e => e.Action == AuditAction.Added);
        Assert.Contains(history.Items, e => e.Action == AuditAction.Deleted);
        Assert.Contains(history.Items, e => e.Field == "MergedInto" && e.NewValue!.Contains(keep.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains((await HistoryAsync(keep.Id))!.Items, e => e.Field == "MergedFrom" && e.NewValue!.Contains(other.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains((await HistoryAsync(contact.Id))!.Items, e => e.Field == nameof(Contact.AccountId) && e.NewValue == keep.Id.ToString());
        var hits = await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(name)}")).ReadAsync<List<SearchHit>>();
        Assert.Equal([keep.Id], hits.Where(h => h.Kind == SearchKind.Account).Select(h => h.Id));
    }

    [Fact]
    public async Task Merging_contacts_combines_their_relationships_and_interactions()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Merger "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Двама ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var email = app.Unique("same") + "@client.bg";
        var first = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Гергана Ангелова", Role = BuyingRoles.Signatory, Email = email }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var second = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts?allowDuplicate=true", new ContactInput { FullName = "Гергана Ангелова", Role = BuyingRoles.Signatory, Phone = "02 981 00 00" }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        foreach (var id in new[] { first.Id, second.Id })
        {
            (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput { AccountId = account.Id, Kind = InteractionKind.Call, Subject = "Call", ContactIds = [id] }))
                .EnsureSuccessStatusCode();
        }

        var before = (await (await client.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ReadAsync<List<ContactRow>>()).Max(c => c.Strength);
        var pairs = await (await client.GetAsync("/api/v1/duplicates/contacts")).ReadAsync<List<DuplicatePair>>();
        Assert.Contains(pairs, p => p.FirstId == first.Id && p.SecondId == second.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/contacts/{first.Id}/merge?other={second.Id}", null)).StatusCode);

        var contacts = await (await client.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ReadAsync<List<ContactRow>>();
        var kept = Assert.Single(contacts);
        Assert.Equal((first.Id, email, "02 981 00 00"), (kept.Id, kept.Email, kept.Phone));
        Assert.True(kept.Strength > before);
        var timeline = await (await client.GetAsync($"/api/v1/accounts/{account.Id}/interactions")).ReadAsync<Page<TimelineItem>>();
        Assert.All(timeline.Items, i => Assert.Equal(["Гергана Ангелова"], i.TheirPeople));
        Assert.Equal(2, timeline.Items.Count);
        Assert.Contains((await HistoryAsync(first.Id))!.Items, e => e.Field == "MergedFrom");
    }

    [Fact]
    public async Task Accounts_written_before_match_keys_get_theirs_when_the_database_is_migrated_and_are_then_found_as_namesakes()
    {
        var me = await ManagerAsync("Backfill owner ");
        var tag = app.Unique("Бекфил").Replace("-", "", StringComparison.Ordinal);
        var old = await AccountAsync(me, $"„{tag} Стил“ ООД");
        var key = MatchKeys.ForAccount($"„{tag} Стил“ ООД");

        // As the migration leaves an account that existed before it: the column added, empty.
        await QueryAsync(db => db.Accounts.Where(a => a.Id == old).ExecuteUpdateAsync(s => s.SetProperty(a => a.MatchKey, "")));
        await app.WithServicesAsync(async sp =>
        {
            await MatchKeyBackfill.RunAsync(sp.GetRequiredService<RapportDb>(), CancellationToken.None);
            return true;
        });

        Assert.Equal(key, await QueryAsync(db => db.Accounts.Where(a => a.Id == old).Select(a => a.MatchKey).SingleAsync()));
        var response = await me.Api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"{tag} Stil Ltd" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(old.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_contacts_that_share_an_address_a_number_or_a_name_in_an_account()
    {
        var me = await ManagerAsync("Contacts owner ");
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var (one, two) = (await AccountAsync(me, app.Unique("Едно ")), await AccountAsync(me, app.Unique("Друго ")));
        var phone = "0899 " + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = await ContactAsync(me, one, "Пламен Русев", phone: phone);
        var samePhone = await ContactAsync(me, two, "Plamen Rusev", phone: phone.Replace(" ", "", StringComparison.Ordinal));
        var sameName = await ContactAsync(me, one, "ПЛАМЕН РУСЕВ");

        var pairs = await (await admin.GetAsync("/api/v1/duplicates/contacts")).ReadAsync<List<DuplicatePair>>();

        Assert.Contains(pairs, p => (p.FirstId, p.SecondId, p.Rule) == (first, samePhone, DuplicateRule.SamePhone));
        Assert.Contains(pairs, p => (p.FirstId, p.SecondId, p.Rule) == (first, sameName, DuplicateRule.SameName));
        var mine = await (await me.Api.GetAsync("/api/v1/duplicates/contacts")).ReadAsync<List<DuplicatePair>>();
        Assert.Equal(pairs.Where(p => p.FirstId == first).OrderBy(p => p.Rule), mine.Where(p => p.FirstId == first).OrderBy(p => p.Rule));
    }

    [Fact]
    public async Task Near_duplicates_are_found_across_spaces_scripts_legal_forms_and_typos_but_not_across_years()
    {
        var me = await ManagerAsync("Finder ");
        var tag = app.Unique("");
        var first = await AccountAsync(me, $"Технострой {tag} ООД");
        var spaced = await AccountAsync(me, $"Техно Строй {tag} ЕООД");
        var latin = await AccountAsync(me, $"Technostroy {tag} Ltd.");
        var typo = await AccountAsync(me, $"Текнострой {tag}");
        var year2005 = await AccountAsync(me, $"Технострой {tag} 2005 ООД");
        var year2006 = await AccountAsync(me, $"Технострой {tag} 2006 ООД");

        var pairs = await (await me.Api.GetAsync("/api/v1/duplicates/accounts")).ReadAsync<List<DuplicatePair>>();

        Assert.Contains(pairs, p => (p.FirstId, p.SecondId, p.Rule) == (first, spaced, DuplicateRule.SameName));
        Assert.Contains(pairs, p => (p.FirstId, p.SecondId, p.Rule) == (first, latin, DuplicateRule.SameName));
        Assert.Contains(pairs, p => (p.FirstId, p.SecondId, p.Rule) == (first, typo, DuplicateRule.SimilarName));
        Assert.DoesNotContain(pairs, p => p.FirstId == year2005 || p.SecondId == year2005 || p.FirstId == year2006 || p.SecondId == year2006);
        Assert.Equal("Nearly the same name", pairs.Single(p => p.SecondId == typo).Reason);

        var client = await app.SignedInClientAsync(me.Email);
        var page = await client.GetStringAsync("/accounts/duplicates");
        Assert.Contains($"href=\"/accounts/{first}/merge/{typo}\">Compare and merge</a>", page, StringComparison.Ordinal);
        Assert.Contains("Nearly the same name", page, StringComparison.Ordinal);
        Assert.Contains("Почти еднакво име", await client.GetStringAsync("/accounts/duplicates?culture=bg-BG&ui-culture=bg-BG"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_imported_in_bulk_and_accounts_from_before_match_keys_are_matched_too()
    {
        var me = await ManagerAsync("Importer ");
        var tag = app.Unique("");
        var existing = await AccountAsync(me, $"Дунав Логистик {tag} ООД");
        var csv = $"Name,EIK,Owner\n\"Дунав-Логистик {tag}, ЕООД\",{RapportApp.NewEik()},{me.EmployeeEmail}\n";
        var run = await app.WithServicesAsync(async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var map = ImportFields.Suggest(ImportKind.Accounts, CsvFile.Open(stream).Headers);
            return await sp.GetRequiredService<ImportHandlers>().CommitAsync(RapportApp.Admin, ImportKind.Accounts, stream, map, null, default);
        });
        Assert.True(run.Committed, string.Join("; ", run.Errors.Select(e => e.Message)));
        var imported = await QueryAsync(db => db.Accounts.Where(a => a.Name == $"Дунав-Логистик {tag}, ЕООД").Select(a => new { a.Id, a.MatchKey }).SingleAsync());
        Assert.Equal(MatchKeys.ForAccount($"Дунав Логистик {tag}"), imported.MatchKey);

        // An account written before the column existed has an empty key until the migrator fills it.
        await QueryAsync(db => db.Accounts.Where(a => a.Id == existing).ExecuteUpdateAsync(s => s.SetProperty(a => a.MatchKey, "")));
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Migrator>().MigrateAsync();
            return 0;
        });

        Assert.Equal(imported.MatchKey, await QueryAsync(db => db.Accounts.Where(a => a.Id == existing).Select(a => a.MatchKey).SingleAsync()));
        var pairs = await (await me.Api.GetAsync("/api/v1/duplicates/accounts")).ReadAsync<List<DuplicatePair>>();
        Assert.Contains(pairs, p => (p.FirstId, p.SecondId) == (existing, imported.Id));
    }

    [Fact]
    public async Task The_api_merges_into_the_chosen_survivor_with_the_chosen_values()
    {
        var me = await ManagerAsync("Chooser ");
        var tag = app.Unique("");
        var (oldEik, newEik) = (RapportApp.NewEik(), RapportApp.NewEik());
        var older = await AccountAsync(me, $"Пирин Софт {tag}", oldEik, $"{tag}.old.bg", "ИТ", "Благоевград", AccountStatus.Active);
        var newer = await AccountAsync(me, $"Pirin Soft {tag} OOD", newEik, $"{tag}.new.bg", "", "София");
        var contact = await ContactAsync(me, older, "Стоян Пиринов");

        var response = await me.Api.PostJsonAsync($"/api/v1/accounts/{newer}/merge?other={older}", new AccountMergeInput
        {
            Name = MergeSource.Survivor, RegistrationNumber = MergeSource.Other, Domain = MergeSource.Survivor, Owner = MergeSource.Survivor,
            Region = MergeSource.Other, Status = MergeSource.Other,
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var merged = await (await me.Api.GetAsync($"/api/v1/accounts/{newer}")).ReadAsync<AccountDetails>();
        Assert.Equal(($"Pirin Soft {tag} OOD", oldEik, $"{tag}.new.bg", "ИТ", "Благоевград", AccountStatus.Active, me.EmployeeId),
            (merged.Name, merged.RegistrationNumber, merged.Domain, merged.Industry, merged.Region, merged.Status, merged.OwnerId));
        await (await me.Api.GetAsync($"/api/v1/accounts/{older}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([contact], (await (await me.Api.GetAsync($"/api/v1/accounts/{newer}/contacts")).ReadAsync<List<ContactRow>>()).Select(c => c.Id));
        Assert.Contains((await HistoryAsync(newer))!.Items, e => e.Field == nameof(Account.RegistrationNumber) && e.OldValue == newEik && e.NewValue == oldEik);
    }

    [Fact]
    public async Task A_merge_of_records_changed_since_they_were_compared_is_refused()
    {
        var me = await ManagerAsync("Stale ");
        var a = await AccountAsync(me, app.Unique("Стар "));
        var b = await AccountAsync(me, app.Unique("Нов "));

        var problem = await (await me.Api.PostJsonAsync($"/api/v1/accounts/{a}/merge?other={b}", new AccountMergeInput { Version = 0, OtherVersion = 7 }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await me.Api.GetAsync($"/api/v1/accounts/{b}")).StatusCode);
    }

    [Fact]
    public async Task The_merge_page_compares_every_field_confirms_and_says_what_was_kept()
    {
        var me = await ManagerAsync("Page merger ");
        var tag = app.Unique("");
        var eik = RapportApp.NewEik();
        var first = await AccountAsync(me, $"Технострой {tag} ООД", eik, null, "Строителство", "Пловдив");
        var second = await AccountAsync(me, $"Техно Строй {tag} ЕООД", null, $"{tag}.tehnostroy.bg", "", "Варна", AccountStatus.Active);
        await ContactAsync(me, second, "Илия Строев");
        var client = await app.SignedInClientAsync(me.Email);
        var url = $"/accounts/{first}/merge/{second}";

        var compare = await client.GetStringAsync(url);
        Assert.Contains("<h1>Merge accounts</h1>", compare, StringComparison.Ordinal);
        Assert.Contains($"Технострой {tag} ООД", compare, StringComparison.Ordinal);
        Assert.Contains($"Техно Строй {tag} ЕООД", compare, StringComparison.Ordinal);
        Assert.Contains(eik, compare, StringComparison.Ordinal);
        Assert.Contains($"{tag}.tehnostroy.bg", compare, StringComparison.Ordinal);
        Assert.Contains("Keep this record", compare, StringComparison.Ordinal);
        Assert.Contains("differs", compare, StringComparison.Ordinal);
        var bulgarian = await client.GetStringAsync(url + "?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Сливане на клиенти", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Запази този запис", bulgarian, StringComparison.Ordinal);
        Assert.Contains("различно", bulgarian, StringComparison.Ordinal);

        // The second stays, with the first's name and region and its own domain.
        var choice = new Dictionary<string, string>
        {
            ["Survivor"] = "Second", ["Choice[Name]"] = "First", ["Choice[RegistrationNumber]"] = "First", ["Choice[Domain]"] = "Second",
            ["Choice[Owner]"] = "First", ["Choice[Industry]"] = "First", ["Choice[Region]"] = "First", ["Choice[Status]"] = "Second",
        };
        var review = await (await RapportApp.PostFormAsync(client, url, "merge", new(choice) { ["Step"] = "review" })).Content.ReadAsStringAsync();
        Assert.Contains("Confirm the merge", review, StringComparison.Ordinal);
        Assert.Contains($"“Технострой {tag} ООД” will be merged into “Техно Строй {tag} ЕООД” and then deleted.", review, StringComparison.Ordinal);
        Assert.Contains("A merge cannot be undone.", review, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Accounts.CountAsync(a => a.Id == first || a.Id == second)));

        var done = await (await RapportApp.PostFormAsync(client, url, "merge", new(choice) { ["Step"] = "merge" })).Content.ReadAsStringAsync();
        Assert.Contains($"“Технострой {tag} ООД” was merged into “Техно Строй {tag} ЕООД”.", done, StringComparison.Ordinal);
        Assert.Contains("The record that stays kept:", done, StringComparison.Ordinal);
        Assert.Contains("Moved to it: contacts 0, interactions 0, follow-ups 0.", done, StringComparison.Ordinal);
        Assert.Contains($"href=\"/accounts/{second}\"", done, StringComparison.Ordinal);
        var kept = await app.WithServicesAsync(sp => sp.GetRequiredService<AccountHandlers>().GetAsync(me.Viewer, second));
        Assert.Equal(($"Технострой {tag} ООД", eik, $"{tag}.tehnostroy.bg", "Строителство", "Пловдив", AccountStatus.Active),
            (kept!.Name, kept.RegistrationNumber, kept.Domain, kept.Industry, kept.Region, kept.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/accounts/{first}")).StatusCode);
    }

    [Fact]
    public async Task The_contact_merge_page_keeps_the_chosen_name_and_title_and_every_address()
    {
        var me = await ManagerAsync("Contact merger ");
        var account = await AccountAsync(me, app.Unique("Лица "));
        var (mail1, mail2) = (app.Unique("a") + "@client.bg", app.Unique("b") + "@client.bg");
        var first = await ContactAsync(me, account, "Мария Илиева", mail1, null, BuyingRoles.DecisionMaker, "Управител");
        var second = await ContactAsync(me, account, "Maria Ilieva", mail2, "0888 123 456", BuyingRoles.Signatory, "");
        var client = await app.SignedInClientAsync(me.Email);
        var url = $"/contacts/{first}/merge/{second}";

        var compare = await client.GetStringAsync(url);
        Assert.Contains("<h1>Merge contacts</h1>", compare, StringComparison.Ordinal);
        Assert.Contains(mail2, compare, StringComparison.Ordinal);

        var choice = new Dictionary<string, string>
        {
            ["Survivor"] = "First", ["Choice[FullName]"] = "First", ["Choice[JobTitle]"] = "First", ["Choice[Role]"] = "Second",
        };
        var done = await (await RapportApp.PostFormAsync(client, url, "merge", new(choice) { ["Step"] = "merge" })).Content.ReadAsStringAsync();

        Assert.Contains("“Maria Ilieva” was merged into “Мария Илиева”.", done, StringComparison.Ordinal);
        Assert.Contains($"{mail1}, {mail2}", done, StringComparison.Ordinal);
        var kept = await app.WithServicesAsync(sp => sp.GetRequiredService<ContactHandlers>().GetAsync(me.Viewer, first));
        Assert.Equal(("Мария Илиева", "Управител", BuyingRoles.Signatory), (kept!.FullName, kept.JobTitle, kept.Role));
        Assert.Equal([mail1, mail2], kept.Emails);
        Assert.Equal(["0888 123 456"], kept.Phones);
    }

    [Fact]
    public async Task Nobody_merges_records_they_may_not_edit()
    {
        var owner = await app.ApiClientAsync(await app.CreateEmployeeAsync(app.Unique("Owner ")), Roles.AccountManager);
        var outsider = await app.ApiClientAsync(await app.CreateEmployeeAsync(app.Unique("Outsider ")), Roles.AccountManager);
        var a = await (await owner.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("A ") })).ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var b = await (await owner.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("B ") })).ReadAsync<AccountDetails>(HttpStatusCode.Created);

        await (await outsider.PostAsync($"/api/v1/accounts/{a.Id}/merge?other={b.Id}", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/accounts/{b.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_manager_cannot_merge_another_managers_account_into_their_own_or_theirs_into_it()
    {
        var me = await ManagerAsync("Mine ");
        var them = await ManagerAsync("Theirs ");
        var tag = app.Unique("");
        var mine = await AccountAsync(me, $"Тракия {tag} ООД");
        var theirs = await AccountAsync(them, $"Тракия {tag} ЕООД");
        var theirContact = await ContactAsync(them, theirs, "Чужд Контакт");
        var myContact = await ContactAsync(me, mine, "Чужд Контакт");
        var client = await app.SignedInClientAsync(me.Email);

        // Through the API: the other's records are not found, whichever way round.
        await (await me.Api.PostAsync($"/api/v1/accounts/{mine}/merge?other={theirs}", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await me.Api.PostAsync($"/api/v1/accounts/{theirs}/merge?other={mine}", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await them.Api.PostAsync($"/api/v1/accounts/{theirs}/merge?other={mine}", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await me.Api.PostAsync($"/api/v1/contacts/{myContact}/merge?other={theirContact}", null)).ProblemAsync(HttpStatusCode.NotFound);

        // Through the page: not found to open, and a merge posted all the same does nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/accounts/{mine}/merge/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/accounts/{theirs}/merge/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/contacts/{myContact}/merge/{theirContact}")).StatusCode);
        foreach (var url in new[] { $"/accounts/{mine}/merge/{theirs}", $"/accounts/{theirs}/merge/{mine}" })
        {
            var posted = await RapportApp.PostFormAsync(client, "/accounts/duplicates", "merge",
                new() { ["Survivor"] = "First", ["Step"] = "merge", ["Choice[Name]"] = "First" }, action: url);
            Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        }

        Assert.Equal(2, await QueryAsync(db => db.Accounts.CountAsync(a => a.Id == mine || a.Id == theirs)));
        var pairs = await (await me.Api.GetAsync("/api/v1/duplicates/accounts")).ReadAsync<List<DuplicatePair>>();
        Assert.DoesNotContain(pairs, p => p.FirstId == theirs || p.SecondId == theirs);
    }

    [Fact]
    public async Task A_manager_who_only_reads_the_other_account_is_told_they_may_not_merge()
    {
        var me = await ManagerAsync("Reader ");
        var them = await ManagerAsync("Owner of it ");
        var mine = await AccountAsync(me, app.Unique("Моят "));
        var theirs = await AccountAsync(them, app.Unique("Техният "));
        var contact = await ContactAsync(them, theirs, "Общ Познат");

        // A relationship with one of its contacts lets me read their account, not edit it.
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<InteractionHandlers>().LogAsync(them.Viewer, new InteractionInput
        {
            AccountId = theirs, Kind = InteractionKind.Meeting, Subject = "Среща", ContactIds = [contact], EmployeeIds = [them.EmployeeId, me.EmployeeId],
        })).Value);
        Assert.Equal(HttpStatusCode.OK, (await me.Api.GetAsync($"/api/v1/accounts/{theirs}")).StatusCode);

        await (await me.Api.PostAsync($"/api/v1/accounts/{mine}/merge?other={theirs}", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var client = await app.SignedInClientAsync(me.Email);
        var page = await client.GetAsync($"/accounts/{mine}/merge/{theirs}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Only someone who may edit both records may merge them.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Keep this record", html, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Accounts.CountAsync(a => a.Id == mine || a.Id == theirs)));
    }

    [Fact]
    public async Task A_head_of_sales_merges_accounts_of_two_people_in_the_team()
    {
        var head = await ManagerAsync("Head ", Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head.EmployeeId);
        var one = await ManagerAsync("One ", teamId: team);
        var two = await ManagerAsync("Two ", teamId: team);
        var tag = app.Unique("");
        var a = await AccountAsync(one, $"Мизия {tag} ООД");
        var b = await AccountAsync(two, $"Mizia {tag} OOD");

        Assert.Contains(await (await head.Api.GetAsync("/api/v1/duplicates/accounts")).ReadAsync<List<DuplicatePair>>(), p => (p.FirstId, p.SecondId) == (a, b));
        var response = await head.Api.PostJsonAsync($"/api/v1/accounts/{a}/merge?other={b}", new AccountMergeInput { Owner = MergeSource.Other });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(two.EmployeeId, (await (await head.Api.GetAsync($"/api/v1/accounts/{a}")).ReadAsync<AccountDetails>()).OwnerId);
    }

    [Fact]
    public async Task The_surviving_account_sorts_by_the_last_contact_it_inherited_from_the_merged_one()
    {
        var me = await ManagerAsync("Сливащ ");
        var tag = app.Unique("слив").ToLowerInvariant();
        var kept = await AccountAsync(me, $"{tag} Остава");
        var merged = await AccountAsync(me, $"{tag} Сляна");
        var contact = await ContactAsync(me, merged, "Стар Познат");
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<InteractionHandlers>().LogAsync(me.Viewer, new InteractionInput
        {
            AccountId = merged, Kind = InteractionKind.Meeting, Subject = "Среща", ContactIds = [contact], EmployeeIds = [me.EmployeeId],
            OccurredAt = DateTime.UtcNow.AddDays(-3),
        })).Value);
        Assert.Equal(Account.Never, await QueryAsync(db => db.Accounts.Where(a => a.Id == kept).Select(a => a.LastContactAt).SingleAsync()));

        (await me.Api.PostAsync($"/api/v1/accounts/{kept}/merge?other={merged}", null)).EnsureSuccessStatusCode();

        var row = Assert.Single((await (await me.Api.GetAsync($"/api/v1/accounts?search={Uri.EscapeDataString(tag)}&sort=LastContact"))
            .ReadAsync<Page<AccountRow>>()).Items);
        Assert.Equal(kept, row.Id);
        Assert.NotNull(row.LastContactAt);
        Assert.True(row.Strongest > 0);
    }
}

public sealed class DuplicatesOnSqlite(SqliteApp app) : DuplicatesTests(app), IClassFixture<SqliteApp>;

public sealed class DuplicatesOnPostgres(PostgresApp app) : DuplicatesTests(app), IClassFixture<PostgresApp>;
