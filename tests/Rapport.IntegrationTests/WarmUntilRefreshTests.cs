using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>Stored "warm until" instants follow a change of the strength parameters.</summary>
public abstract class WarmUntilRefreshTests(RapportApp app)
{
    [Fact]
    public async Task New_parameters_make_stored_values_stale_until_the_refresh_recomputes_every_one()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        var client = await app.ApiClientAsync(employee, Roles.AccountManager);
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Топлина ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contacts = new List<Guid>();
        // Meetings, strong enough to stay warm for a while under either set of parameters.
        foreach (var (kind, daysAgo) in new[] { (InteractionKind.Meeting, 3), (InteractionKind.Meeting, 20), (InteractionKind.Meeting, 45) })
        {
            var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = app.Unique("Контакт ") }))
                .ReadAsync<ContactDetails>(HttpStatusCode.Created);
            (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
            {
                AccountId = account.Id, Kind = kind, Subject = "Contact", ContactIds = [contact.Id], OccurredAt = DateTime.UtcNow.AddDays(-daysAgo),
            })).EnsureSuccessStatusCode();
            contacts.Add(contact.Id);
        }

        var changed = new StrengthOptions { HalfLifeDays = 15, WarmThreshold = 30 };
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            Assert.False(await new WarmUntilRefresh(db, Options.Create(new StrengthOptions())).IsStaleAsync());
            var refresh = new WarmUntilRefresh(db, Options.Create(changed));
            Assert.True(await refresh.IsStaleAsync());

            var seen = new List<int>();
            Assert.Equal(3, await refresh.RunAsync(new SynchronousProgress(seen.Add)));
            Assert.Equal([3], seen);
            Assert.False(await refresh.IsStaleAsync());
            Assert.Equal(0, await refresh.RunAsync());

            foreach (var r in await db.Relationships.AsNoTracking().Where(r => contacts.Contains(r.ContactId)).ToListAsync())
            {
                var expected = RelationshipStrength.WarmUntil(r.State, changed);
                Assert.True(Math.Abs((r.WarmUntil - expected).TotalMilliseconds) < 1, $"{r.WarmUntil:O} is not {expected:O}");
                Assert.NotEqual(RelationshipStrength.WarmUntil(r.State, new StrengthOptions()), r.WarmUntil);
            }

            return true;
        });
    }

    /// <summary>Reports on the caller's thread, so that the test sees every report before the run returns.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

public sealed class WarmUntilRefreshOnSqlite(SqliteApp app) : WarmUntilRefreshTests(app), IClassFixture<SqliteApp>;

public sealed class WarmUntilRefreshOnPostgres(PostgresApp app) : WarmUntilRefreshTests(app), IClassFixture<PostgresApp>;
