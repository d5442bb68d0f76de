using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// One person's pay reads the deal events that credit them through the people each event names: every win, payment,
/// reopen and change of split names its credited people (and a change of split those it took credit from) as it is
/// saved, a person named by none reads nothing, and an upgraded database gets the people of the events it holds.
/// </summary>
public abstract class DealEventPeopleTests(RapportApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task A_person_s_events_are_the_wins_payments_reopens_and_splits_that_name_them()
    {
        var owner = await app.CreateEmployeeAsync(app.Unique("Деян Колев "));
        var viewer = await app.ManagerViewerAsync(owner);
        var partner = await app.CreateEmployeeAsync(app.Unique("Савина Русева "));
        var stranger = await app.CreateEmployeeAsync(app.Unique("Огнян Пеев "));
        var account = (await app.WithServicesAsync(sp => sp.GetRequiredService<AccountHandlers>()
            .CreateAsync(viewer, new AccountInput { Name = app.Unique("Марица Софт ") }))).Value;
        var id = (await app.WithServicesAsync(sp => sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = "Лицензи", Amount = 2_000m, ExpectedCloseOn = Today,
        }))).Value;
        await app.DealCommandAsync(async h => await h.SetSplitsAsync(viewer, id, new SplitsInput
        {
            Splits = [new() { EmployeeId = owner, Percent = 75m }, new() { EmployeeId = partner, Percent = 25m }], Version = await app.DealVersionAsync(id),
        }));
        await app.DealCommandAsync(async h => await h.WinAsync(viewer, id, new WinInput { ClosedOn = Today, Version = await app.DealVersionAsync(id) }));
        var finance = new Viewer(Guid.Empty, null, new HashSet<string> { Roles.Finance });
        Assert.True((await app.WithServicesAsync(sp => sp.GetRequiredService<PaymentHandlers>().RecordAsync(finance, id,
            new PaymentInput { Amount = 800m, PaidOn = Today, Reference = "Ф-2041" }))).IsSuccess);

        // The whole deal back to the owner (by an administrator: a manager may not lower another's share), then
        // reopened: the partner was credited before the change, not after it.
        var admin = new Viewer(Guid.Empty, null, new HashSet<string> { Roles.Administrator });
        await app.DealCommandAsync(async h => await h.SetSplitsAsync(admin, id, new SplitsInput
        {
            Splits = [new() { EmployeeId = owner, Percent = 100m }], Version = await app.DealVersionAsync(id),
        }));
        await app.DealCommandAsync(async h => await h.ReopenAsync(viewer, id, new ReopenInput { Version = await app.DealVersionAsync(id) }));

        async Task<(decimal Won, decimal Paid, int Reopens, int Splits)> ReadAsync(Guid person) => await app.WithServicesAsync(async sp =>
        {
            var events = sp.GetRequiredService<DealEvents>();
            var won = (await events.WonBetweenAsync(Today, Today, person)).Where(e => e.DealId == id).ToList();
            var paid = (await events.PaymentsBetweenAsync(Today, Today, person)).Where(e => e.DealId == id).ToList();
            var reopens = (await events.ReopensBetweenAsync(Today, Today, person)).Count(e => e.DealId == id);
            var splits = (await events.SplitChangesBetweenAsync(Today, Today, person)).Count(e => e.DealId == id);
            return (won.SelectMany(e => e.Credits).Where(c => c.EmployeeId == person).Sum(c => c.Amount),
                paid.SelectMany(e => e.Credits).Where(c => c.EmployeeId == person).Sum(c => c.Amount), reopens, splits);
        });

        // The first change of split (owner alone → 75/25) and the last (75/25 → owner alone) both name the owner.
        Assert.Equal((1_500m, 600m, 1, 2), await ReadAsync(owner));
        Assert.Equal((500m, 200m, 0, 2), await ReadAsync(partner));
        Assert.Equal((0m, 0m, 0, 0), await ReadAsync(stranger));

        var rows = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealEventPeople.AsNoTracking()
            .Where(p => p.DealId == id).Select(p => new { p.EmployeeId, p.Kind }).ToListAsync());
        Assert.Equal(
            [(owner, DealEventKind.Payment), (owner, DealEventKind.Reopened), (owner, DealEventKind.SplitsChanged), (owner, DealEventKind.SplitsChanged),
                (owner, DealEventKind.Won), (partner, DealEventKind.Payment), (partner, DealEventKind.SplitsChanged), (partner, DealEventKind.SplitsChanged),
                (partner, DealEventKind.Won)],
            rows.Select(r => (r.EmployeeId, r.Kind)).OrderBy(r => r.EmployeeId == owner ? 0 : 1).ThenBy(r => r.Kind.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task Upgrading_a_database_names_the_people_of_the_events_it_already_holds()
    {
        await using var fresh = await app.FreshDatabaseAsync();
        var (db, migrator) = (fresh.Db, fresh.Migrator);
        await migrator.MigrateAsync("DealCredits");

        var ana = await OldRows.EmployeeAsync(db, "Ана Upgraded");
        var boris = await OldRows.EmployeeAsync(db, "Борис Upgraded");
        var account = await OldRows.AccountAsync(db, ana, "Upgraded Ltd");
        var deal = Deal.Create();
        deal.Number = 1;
        deal.Rename("Upgraded deal");
        (deal.AccountId, deal.PipelineId, deal.StageId, deal.Outcome, deal.OwnerId) = (account, DealDefaults.DefaultPipelineId, DealDefaults.WonId, DealOutcome.Won, ana);
        (deal.Amount, deal.AmountBase, deal.Probability, deal.ClosedOn) = (1_000m, 1_000m, 100m, new DateOnly(2026, 10, 5));
        deal.ExpectedCloseOn = deal.CloseOn = deal.RateDate = new DateOnly(2026, 10, 5);
        deal.CreatedAt = deal.StageSince = new DateTime(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc);
        db.Add(deal);

        // A context made by hand has no interceptors: the events are stored as an older version stored them.
        DealEvent Event(DealEventKind kind, DateOnly on, DealEventDetails details) => new()
        {
            DealId = deal.Id, Kind = kind, At = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), EffectiveOn = on, Actor = "old",
            Currency = "EUR", Details = details.ToJson(),
        };
        var events = new[]
        {
            Event(DealEventKind.Created, new DateOnly(2026, 9, 1), new(Credits: [new(ana, 100m, 1_000m)])),
            Event(DealEventKind.Won, new DateOnly(2026, 10, 5), new(Credits: [new(ana, 60m, 600m), new(boris, 40m, 400m)])),
            Event(DealEventKind.SplitsChanged, new DateOnly(2026, 10, 9), new(Credits: [new(ana, 100m, 1_000m)], CreditsBefore: [new(ana, 60m, 600m), new(boris, 40m, 400m)])),
            Event(DealEventKind.Payment, new DateOnly(2026, 10, 20), new(Credits: [new(ana, 100m, 300m)], Reference: "P-1")),
            Event(DealEventKind.StageMoved, new DateOnly(2026, 10, 21), DealEventDetails.Empty),
        };
        db.AddRange(events);
        await db.SaveChangesAsync();

        await migrator.MigrateAsync();

        var rows = await db.DealEventPeople.AsNoTracking().ToListAsync();
        var expected = events.SelectMany(DealEventPerson.Of).Select(p => (p.EmployeeId, p.Kind, p.EffectiveOn, p.DealId))
            .OrderBy(p => p.EffectiveOn).ThenBy(p => p.EmployeeId).ToList();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, rows.Select(p => (p.EmployeeId, p.Kind, p.EffectiveOn, p.DealId)).OrderBy(p => p.EffectiveOn).ThenBy(p => p.EmployeeId));
        Assert.Equal([(ana, DealEventKind.Payment)], rows.Where(p => p.EffectiveOn == new DateOnly(2026, 10, 20)).Select(p => (p.EmployeeId, p.Kind)));
    }
}

public sealed class DealEventPeopleOnSqlite(SqliteApp app) : DealEventPeopleTests(app), IClassFixture<SqliteApp>;

public sealed class DealEventPeopleOnPostgres(PostgresApp app) : DealEventPeopleTests(app), IClassFixture<PostgresApp>;
