using System.Net;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class DuplicatesTests(RapportApp app)
{
    [Fact]
    public async Task Merging_accounts_keeps_every_contact_interaction_and_audit_entry()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Merger "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var name = app.Unique("Дубликат ");
        var keep = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = name, Industry = "" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var other = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = name.ToUpperInvariant(), Industry = "Металургия", RegistrationNumber = "123456786" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{other.Id}/contacts", new ContactInput { FullName = "Контакт на другия", Role = BuyingRoles.DecisionMaker }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput { AccountId = other.Id, Kind = InteractionKind.Meeting, Subject = "Среща", ContactIds = [contact.Id] }))
            .EnsureSuccessStatusCode();

        var pairs = await (await client.GetAsync("/api/v1/duplicates/accounts")).ReadAsync<List<DuplicatePair>>();
        Assert.Contains(pairs, p => p.FirstId == keep.Id && p.SecondId == other.Id);

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

        var history = await app.WithServicesAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Rapport.Audit.AuditQueries>(sp).ListAsync(RapportApp.Admin, new Rapport.Audit.AuditFilter(EntityId: other.Id)));
        Assert.Contains(history!.Items, e => e.Action == Rapport.Audit.AuditAction.Added);
        Assert.Contains(history.Items, e => e.Action == Rapport.Audit.AuditAction.Deleted);
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
        var second = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Гергана Ангелова", Role = BuyingRoles.Signatory, Phone = "02 981 00 00" }))
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
}

public sealed class DuplicatesOnSqlite(SqliteApp app) : DuplicatesTests(app), IClassFixture<SqliteApp>;

public sealed class DuplicatesOnPostgres(PostgresApp app) : DuplicatesTests(app), IClassFixture<PostgresApp>;
