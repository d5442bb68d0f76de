using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
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

    [Fact]
    public async Task A_name_is_found_typed_in_either_alphabet_with_the_word_that_matched_marked()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Преводач "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var tag = app.Unique("q").ToLowerInvariant();
        var pirin = await CreateAccountAsync(client, $"Пирин Текстил ООД {tag}");
        var popov = await CreateAccountAsync(client, $"Popov Consult {tag}");
        var ivan = await CreateContactAsync(client, pirin, $"Иван Петров {tag}");
        var stefan = await CreateContactAsync(client, popov, $"Stefan Popov {tag}");
        var maria = await CreateContactAsync(client, pirin, $"Мария Щерева {tag}");

        async Task<List<SearchHit>> Find(string q) =>
            await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchHit>>();
        async Task<List<Guid>> Ids(string q) => [.. (await Find(q)).Select(h => h.Id)];

        Assert.Equal([pirin], await Ids($"pirin {tag}"));
        Assert.Equal([pirin], await Ids($"Pirin Tekstil {tag}"));
        Assert.Equal([ivan], await Ids($"ivan {tag}"));
        Assert.Equal([popov, stefan], await Ids($"попов {tag}"));
        Assert.Equal([stefan], await Ids($"стефан {tag}"));
        Assert.Equal([maria], await Ids($"maria shtereva {tag}"));
        Assert.Equal([maria], await Ids($"mariya shte {tag}"));
        Assert.Equal([pirin], await Ids($"пирин {tag}"));

        var hit = Assert.Single(await Find($"pirin {tag}"));
        Assert.Equal(SearchKind.Account, hit.Kind);
        Assert.Equal("Пирин", hit.Title.Substring(hit.TitleMarks[0].Start, hit.TitleMarks[0].Length));
        var contact = Assert.Single(await Find($"стеф {tag}"));
        Assert.Equal("Stef", contact.Title.Substring(contact.TitleMarks[0].Start, contact.TitleMarks[0].Length));
    }

    [Fact]
    public async Task The_account_list_search_finds_a_name_typed_in_the_other_alphabet()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Списък "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var tag = app.Unique("q").ToLowerInvariant();
        var pirin = await CreateAccountAsync(client, $"Пирин Текстил ООД {tag}");
        var popov = await CreateAccountAsync(client, $"Popov Consult {tag}");
        var theirs = await CreateAccountAsync(await app.ApiClientAsync(await app.CreateEmployeeAsync(app.Unique("Чужд ")), Roles.AccountManager),
            $"Пирин Мебели {tag}");

        async Task<List<Guid>> List(string q) =>
            [.. (await (await client.GetAsync($"/api/v1/accounts?search={Uri.EscapeDataString(q)}")).ReadAsync<Page<AccountRow>>()).Items.Select(a => a.Id)];

        Assert.Equal([pirin], await List($"pirin {tag}"));
        Assert.Equal([popov], await List($"попов {tag}"));
        Assert.Equal([pirin], await List($"текстил ООД {tag}"));
        Assert.DoesNotContain(theirs, await List($"pirin {tag}"));
    }

    [Fact]
    public async Task The_type_ahead_finds_a_managers_own_account_among_thousands_of_others_sharing_its_first_word()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Павлов "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var others = await app.CreateEmployeeAsync(app.Unique("Друг "));
        var word = "тестова" + app.Unique("т").ToLowerInvariant();

        // Written first, so that in the index's order every one of them comes before the manager's own.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = new BulkWriter(db, SystemActor.Instance, TimeProvider.System))
            {
                for (var i = 0; i < 3_000; i++)
                {
                    var account = new Account { OwnerId = others, Region = "София" };
                    account.Rename($"{word} фирма {i}");
                    writer.Add(account);
                    foreach (var entry in SearchIndexInterceptor.EntriesOf(account))
                    {
                        writer.Add(entry);
                    }
                }

                await writer.FlushAsync(CancellationToken.None);
            }

            await transaction.CommitAsync();
            return true;
        });
        var mine = await CreateAccountAsync(client, $"{word} фирма Павлов");
        var contact = await CreateContactAsync(client, mine, $"{word} Иванова");

        async Task<List<Guid>> Find(HttpClient who, string q) =>
            [.. (await (await who.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchHit>>()).Select(h => h.Id)];

        Assert.Equal([mine], await Find(client, $"{word} фирма павлов"));
        Assert.Equal([mine, contact], await Find(client, word));
        Assert.Equal([mine], await Find(client, $"{SearchText.ToLatin(word)} firma"));
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        Assert.Equal([mine], await Find(admin, $"{word} фирма павлов"));
        Assert.Empty(await Find(await app.ApiClientAsync(others, Roles.AccountManager), $"{word} павлов"));
    }

    private static async Task<Guid> CreateAccountAsync(HttpClient client, string name) =>
        (await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = name })).ReadAsync<AccountDetails>(HttpStatusCode.Created)).Id;

    private static async Task<Guid> CreateContactAsync(HttpClient client, Guid account, string name) =>
        (await (await client.PostJsonAsync($"/api/v1/accounts/{account}/contacts", new ContactInput { FullName = name }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created)).Id;
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
