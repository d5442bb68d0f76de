using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class SearchTests(RapportApp app)
{
    [Fact]
    public async Task Search_finds_accounts_and_contacts_by_any_word_eik_email_or_phone_whatever_the_case()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Търсач "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var tag = app.Unique("z").ToLowerInvariant();
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput
        {
            Name = $"Металснаб {tag} ЕООД", RegistrationNumber = "200000015", Domain = $"{tag}.bg",
        })).ReadAsync<AccountDetails>(System.Net.HttpStatusCode.Created);
        var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput
        {
            FullName = $"Йордан Иванов {tag}", Email = $"Y.Ivanov.{tag}@Metal.bg", Phone = "+359 88 123 4567", Role = BuyingRoles.DecisionMaker,
        })).ReadAsync<ContactDetails>(System.Net.HttpStatusCode.Created);

        async Task<List<Guid>> Find(string q) =>
            [.. (await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchHit>>()).Select(h => h.Id)];

        Assert.Equal([contact.Id], await Find($"ИВАНОВ {tag}"));
        Assert.Equal([contact.Id], await Find($"йордан {tag}"));
        Assert.Equal([account.Id], await Find($"металснаб {tag}"));
        Assert.Contains(account.Id, await Find("200000015"));
        Assert.Contains(contact.Id, await Find("359881234567"));
        Assert.Equal([contact.Id], await Find($"y.ivanov.{tag}"));
        Assert.Equal([account.Id], await Find($"{tag}.bg"));
    }

    [Fact]
    public async Task Search_shows_nothing_of_accounts_the_caller_may_not_see()
    {
        var owner = await app.CreateEmployeeAsync(app.Unique("Owner "));
        var ownerClient = await app.ApiClientAsync(owner, Roles.AccountManager);
        var tag = app.Unique("secret").ToLowerInvariant();
        var account = await (await ownerClient.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Тайна {tag}" }))
            .ReadAsync<AccountDetails>(System.Net.HttpStatusCode.Created);
        (await ownerClient.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = $"Скрит {tag}" }))
            .EnsureSuccessStatusCode();

        var other = await app.ApiClientAsync(await app.CreateEmployeeAsync(app.Unique("Other ")), Roles.AccountManager);
        var hits = await (await other.GetAsync($"/api/v1/search?q={tag}")).ReadAsync<List<SearchHit>>();
        Assert.Empty(hits);
        var mine = await (await ownerClient.GetAsync($"/api/v1/search?q={tag}")).ReadAsync<List<SearchHit>>();
        Assert.Equal(2, mine.Count);
    }

    [Fact]
    public async Task Renaming_an_account_moves_it_in_the_search()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Renamer "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var before = app.Unique("старо").ToLowerInvariant();
        var after = app.Unique("ново").ToLowerInvariant();
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = before }))
            .ReadAsync<AccountDetails>(System.Net.HttpStatusCode.Created);
        var input = account.ToInput();
        input.Name = after;
        (await client.PutJsonAsync($"/api/v1/accounts/{account.Id}", input)).EnsureSuccessStatusCode();

        Assert.Empty(await (await client.GetAsync($"/api/v1/search?q={before}")).ReadAsync<List<SearchHit>>());
        Assert.Single(await (await client.GetAsync($"/api/v1/search?q={after}")).ReadAsync<List<SearchHit>>());
    }
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
