using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>A database whose search tokens were written before they took their Latin form gets them rebuilt at start-up.</summary>
public abstract class SearchIndexRefreshTests(RapportApp app)
{
    [Fact]
    public async Task Tokens_of_the_earlier_form_are_rebuilt_in_the_background_and_found_meanwhile()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);
        var tag = app.Unique("р").ToLowerInvariant();
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = $"Пирин Текстил {tag}", Domain = $"{tag}.bg" }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts",
            new ContactInput { FullName = $"Цветан Жечев {tag}", Email = $"tsvetan.{tag}@example.bg" })).ReadAsync<ContactDetails>(HttpStatusCode.Created);

        // As an earlier version wrote them: the folded words themselves, Cyrillic left Cyrillic.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await db.SearchEntries.Where(e => e.EntityId == account.Id || e.EntityId == contact.Id).ExecuteDeleteAsync();
            db.SearchEntries.AddRange(
                [.. new[] { "пирин", "текстил", tag, $"{tag}.bg", "bg" }.Select(t => new SearchEntry { Kind = SearchKind.Account, EntityId = account.Id, Token = t }),
                 .. new[] { "цветан", "жечев", tag, $"tsvetan.{tag}@example.bg", "tsvetan", "example", "bg" }
                     .Select(t => new SearchEntry { Kind = SearchKind.Contact, EntityId = contact.Id, Token = t })]);
            await db.SaveChangesAsync();
            return true;
        });

        async Task<List<Guid>> Find(string q) =>
            [.. (await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchHit>>()).Select(h => h.Id)];
        var state = app.Services.GetRequiredService<SearchIndexState>();

        Assert.Empty(await Find($"пирин {tag}"));
        Assert.True(await app.WithServicesAsync(sp => sp.GetRequiredService<SearchIndexRefresh>().IsStaleAsync()));
        state.Rebuilding = true;
        Assert.Equal([account.Id], await Find($"пирин {tag}"));
        Assert.Equal([contact.Id], await Find($"жечев {tag}"));

        // What the app starts at start-up, run here to its end.
        using var service = new SearchIndexRefreshService(app.Services.GetRequiredService<IServiceScopeFactory>(), state,
            NullLogger<SearchIndexRefreshService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;

        Assert.False(state.Rebuilding);
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<SearchIndexRefresh>().IsStaleAsync()));
        Assert.Equal([account.Id], await Find($"pirin {tag}"));
        Assert.Equal([account.Id], await Find($"пирин {tag}"));
        Assert.Equal([contact.Id], await Find($"tsvetan zhechev {tag}"));
        Assert.Equal([contact.Id], await Find($"tsvetan.{tag}"));
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<SearchIndexRefresh>().RunAsync()));
    }
}

public sealed class SearchIndexRefreshOnSqlite(SqliteApp app) : SearchIndexRefreshTests(app), IClassFixture<SqliteApp>;

public sealed class SearchIndexRefreshOnPostgres(PostgresApp app) : SearchIndexRefreshTests(app), IClassFixture<PostgresApp>;
