using System.Net;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class ContactMoveTests(RapportApp app)
{
    [Fact]
    public async Task A_contact_who_moves_keeps_history_takes_relationships_along_and_leaves_a_task_for_the_old_owner()
    {
        var owner = await app.CreateEmployeeAsync(app.Unique("Owner "));
        var ownerClient = await app.ApiClientAsync(owner, Roles.AccountManager);
        var oldAccount = await (await ownerClient.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Стара фирма ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await ownerClient.PostJsonAsync($"/api/v1/accounts/{oldAccount.Id}/contacts", new ContactInput
        {
            FullName = "Милена Тодорова", Role = BuyingRoles.DecisionMaker, Email = app.Unique("milena") + "@old.bg", Phone = "0888 111 222",
        })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        (await ownerClient.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = oldAccount.Id, Kind = InteractionKind.Meeting, Subject = "Среща", ContactIds = [contact.Id],
        })).EnsureSuccessStatusCode();

        var newName = app.Unique("Нова фирма ");
        var moved = await (await ownerClient.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput
        {
            NewAccountName = newName, JobTitle = "Търговски директор", Role = BuyingRoles.DecisionMaker, Version = contact.Version,
        })).ReadAsync<ContactDetails>(HttpStatusCode.Created);

        Assert.Equal(contact.Id, moved.PreviousId);
        Assert.Equal(newName, moved.AccountName);
        Assert.Equal("Милена Тодорова", moved.FullName);

        var old = await (await ownerClient.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadAsync<ContactDetails>();
        Assert.Equal(ContactStatus.MovedOn, old.Status);
        Assert.Equal(moved.Id, old.NextId);
        var timeline = await (await ownerClient.GetAsync($"/api/v1/accounts/{oldAccount.Id}/interactions")).ReadAsync<Page<TimelineItem>>();
        Assert.Single(timeline.Items);

        var newAccount = await (await ownerClient.GetAsync($"/api/v1/accounts/{moved.AccountId}")).ReadAsync<AccountDetails>();
        Assert.Equal(AccountStatus.Prospect, newAccount.Status);
        var carried = await (await ownerClient.GetAsync($"/api/v1/accounts/{moved.AccountId}/contacts")).ReadAsync<List<ContactRow>>();
        Assert.True(carried.Single().Strength > 0);

        var oldCoverage = await (await ownerClient.GetAsync($"/api/v1/accounts/{oldAccount.Id}/coverage")).ReadAsync<AccountCoverageView>();
        Assert.False(oldCoverage.Coverage.Roles.Single(r => r.Role == BuyingRoles.DecisionMaker).Covered);

        var tasks = await (await ownerClient.GetAsync("/api/v1/follow-ups/mine")).ReadAsync<List<FollowUpRow>>();
        var task = Assert.Single(tasks, t => t.ContactId == contact.Id);
        Assert.Equal(oldAccount.Id, task.AccountId);
        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.PostAsync($"/api/v1/follow-ups/{task.Id}/done", null)).StatusCode);
        Assert.DoesNotContain(await (await ownerClient.GetAsync("/api/v1/follow-ups/mine")).ReadAsync<List<FollowUpRow>>(), t => t.Id == task.Id);

        var again = await ownerClient.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput { NewAccountName = "X", Version = old.Version });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_reader_of_the_account_may_not_move_its_contact()
    {
        var owner = await app.CreateEmployeeAsync(app.Unique("Owner "));
        var ownerClient = await app.ApiClientAsync(owner, Roles.AccountManager);
        var reader = await app.CreateEmployeeAsync(app.Unique("Reader "));
        var (readerUser, readerEmail) = await app.CreateUserAsync(reader, Roles.AccountManager);
        var readerClient = await app.ApiClientForAsync(readerUser);
        var account = await (await ownerClient.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Чуждо ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await ownerClient.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Добромир Ганев" }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        // A meeting both attended gives the reader a relationship, and with it read access to the account.
        (await ownerClient.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "Обща среща", EmployeeIds = [owner, reader], ContactIds = [contact.Id],
        })).EnsureSuccessStatusCode();

        var response = await readerClient.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput
        {
            NewAccountName = app.Unique("Другаде "), Version = contact.Version,
        });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var still = await (await ownerClient.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadAsync<ContactDetails>();
        Assert.Equal(ContactStatus.Active, still.Status);
        var browser = await app.SignedInClientAsync(readerEmail);
        var page = await browser.GetStringAsync($"/contacts/{contact.Id}");
        Assert.Contains("Добромир Ганев", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/contacts/{contact.Id}/move", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/contacts/{contact.Id}/move")).StatusCode);
    }

    [Fact]
    public async Task A_contact_moving_to_a_colleagues_client_is_linked_there_instead_of_copied()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Mover "));
        var (myUser, email) = await app.CreateUserAsync(me, Roles.AccountManager);
        var mine = await app.ApiClientForAsync(myUser);
        var colleague = await app.CreateEmployeeAsync(app.Unique("Колега "));
        var theirs = await app.ApiClientAsync(colleague, Roles.AccountManager);
        var tag = app.Unique("sever").ToLowerInvariant();
        var account = await (await mine.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Тук ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await mine.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Любомир Янев" }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var target = await (await theirs.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Северен Вятър {tag} ООД" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var browser = await app.SignedInClientAsync(email);

        var found = await browser.GetStringAsync($"/contacts/{contact.Id}/move?find=" + Uri.EscapeDataString($"вятър {tag}"));
        Assert.Contains($"value=\"{target.Id}\"", found, StringComparison.Ordinal);
        Assert.Contains($"Северен Вятър {tag} ООД", found, StringComparison.Ordinal);
        var moved = await RapportApp.PostFormAsync(browser, $"/contacts/{contact.Id}/move?find={tag}", "contact-move", new()
        {
            ["Input.TargetAccountId"] = target.Id.ToString(), ["Input.NewAccountName"] = "", ["Input.JobTitle"] = "Директор",
            ["Input.Role"] = BuyingRoles.DecisionMaker, ["Input.MovedOn"] = "", ["Input.Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var atTarget = await (await theirs.GetAsync($"/api/v1/accounts/{target.Id}/contacts")).ReadAsync<List<ContactRow>>();
        Assert.Equal("Любомир Янев", Assert.Single(atTarget).FullName);
        var same = await (await theirs.GetAsync("/api/v1/accounts?search=" + Uri.EscapeDataString(tag))).ReadAsync<Page<AccountRow>>();
        Assert.Single(same.Items);
        Assert.Empty((await (await mine.GetAsync("/api/v1/accounts?search=" + Uri.EscapeDataString(tag))).ReadAsync<Page<AccountRow>>()).Items);
    }

    [Fact]
    public async Task A_move_needs_a_destination()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Mover "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Here ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Nowhere Man" }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);

        var response = await client.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput { Version = contact.Version });
        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("targetAccountId", out _));
        var same = await client.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput { TargetAccountId = account.Id, Version = contact.Version });
        await same.ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class ContactMoveOnSqlite(SqliteApp app) : ContactMoveTests(app), IClassFixture<SqliteApp>;

public sealed class ContactMoveOnPostgres(PostgresApp app) : ContactMoveTests(app), IClassFixture<PostgresApp>;
