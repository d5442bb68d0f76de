using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>Deals and their won history imported through the import machinery: natural keys, all or nothing, idempotent.</summary>
public abstract class DealImportTests(RapportApp app)
{
    private Task<ImportPreview> ImportAsync(Viewer viewer, string csv, bool commit = true) =>
        app.WithServicesAsync(async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var map = ImportFields.Suggest(ImportKind.Deals, CsvFile.Open(stream).Headers);
            var handlers = sp.GetRequiredService<ImportHandlers>();
            return commit
                ? await handlers.CommitAsync(viewer, ImportKind.Deals, stream, map)
                : await handlers.PreviewAsync(viewer, ImportKind.Deals, stream, map);
        });

    [Fact]
    public async Task Won_history_comes_in_with_new_business_decided_by_close_date_and_a_second_import_changes_nothing()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Търговец "), email: app.Unique("owner") + "@deals.example");
        var email = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<RapportDb>().Employees.FirstAsync(e => e.Id == employee)).Email!);
        var viewer = new Viewer(Guid.NewGuid(), employee, new HashSet<string> { Roles.AccountManager });
        var eik = RapportApp.NewEik();
        await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Внос "), RegistrationNumber = eik })).Value);
        var prefix = app.Unique("crm-");
        var csv = $"""
            External id,EIK,Title,Amount,Currency,Close date,Owner,Lost reason,Expected close
            {prefix}-1,{eik},Първа сделка 2025,9779.15,BGN,2025-03-10,{email},,
            {prefix}-2,{eik},Втора сделка,1000,EUR,2026-01-15,{email},,
            {prefix}-3,{eik},Загубена оферта,500,EUR,2026-02-01,{email},Цена,
            {prefix}-4,{eik},Отворена,750,EUR,,{email},,2026-12-01
            """;

        var preview = await ImportAsync(viewer, csv, commit: false);
        Assert.True(preview.IsClean, string.Join("; ", preview.Errors.Select(e => $"{e.Row}: {e.Message}")));
        Assert.Equal((4, 0), (preview.Created, preview.Updated));
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.CountAsync(d => d.ExternalId!.StartsWith(prefix))));

        var done = await ImportAsync(viewer, csv);
        Assert.True(done.Committed, string.Join("; ", done.Errors.Select(e => $"{e.Row}: {e.Message}")));
        var deals = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.AsNoTracking()
            .Where(d => d.ExternalId!.StartsWith(prefix)).OrderBy(d => d.ExternalId).ToListAsync());
        Assert.Equal([DealOutcome.Won, DealOutcome.Won, DealOutcome.Lost, DealOutcome.Open], deals.Select(d => d.Outcome));
        Assert.Equal([(bool?)true, false, null, null], deals.Select(d => d.NewBusiness));
        Assert.Equal(5000.00m, deals[0].AmountBase);
        Assert.All(deals, d => Assert.True(d.Number > 0 && d.Number < long.MaxValue / 2));
        var wins = await app.WithServicesAsync(sp => sp.GetRequiredService<DealEvents>().WonBetweenAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Contains(wins, w => w.DealId == deals[0].Id && w.NewBusiness && w.Credits.Single().Amount == 5000.00m);

        // The won event names its owner in the people of each event, as a won deal saved through the tracker does.
        var people = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealEventPeople.AsNoTracking()
            .Where(p => p.DealId == deals[0].Id || p.DealId == deals[2].Id).Select(p => new { p.DealId, p.EmployeeId, p.Kind, p.EffectiveOn }).ToListAsync());
        Assert.Equal([new { DealId = deals[0].Id, EmployeeId = employee, Kind = DealEventKind.Won, EffectiveOn = new DateOnly(2025, 3, 10) }], people);
        var won = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealEvents.AsNoTracking()
            .SingleAsync(e => e.DealId == deals[0].Id && e.Kind == DealEventKind.Won));
        var details = DealEventDetails.FromJson(won.Details);
        Assert.Equal((true, 5000.00m), (details.NewBusiness, details.Credits!.Single().Amount));

        // A commit on SQLite enlarges its connection's page cache while it writes, and puts it back for the next user.
        if (await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<RapportDb>().Database.IsSqlite())))
        {
            var size = await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<RapportDb>();
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA cache_size";
                return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            });
            Assert.Equal(-2000, size);
        }

        var again = await ImportAsync(viewer, csv);
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task A_row_in_error_imports_nothing_and_says_which_row_and_why()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Търговец "));
        var viewer = new Viewer(Guid.NewGuid(), employee, new HashSet<string> { Roles.AccountManager });
        var eik = RapportApp.NewEik();
        await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Внос "), RegistrationNumber = eik })).Value);
        var prefix = app.Unique("bad-");
        var csv = $"""
            External id,EIK,Title,Amount,Currency,Close date
            {prefix}-1,{eik},Добра,100,EUR,2026-01-10
            {prefix}-2,{eik},Без курс,100,USD,2026-01-10
            {prefix}-3,{eik},В бъдещето,100,EUR,2099-01-10
            {prefix}-1,{eik},Повторена,100,EUR,2026-01-10
            """;

        var result = await ImportAsync(viewer, csv);

        Assert.False(result.Committed);
        Assert.Equal([3, 4, 5], result.Errors.Select(e => e.Row));
        Assert.Contains("There is no USD rate", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.CountAsync(d => d.ExternalId!.StartsWith(prefix))));
    }
}

public sealed class DealImportOnSqlite(SqliteApp app) : DealImportTests(app), IClassFixture<SqliteApp>;

public sealed class DealImportOnPostgres(PostgresApp app) : DealImportTests(app), IClassFixture<PostgresApp>;
