using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// The stored credits the forecast and the ranking sum follow every change of a deal and its splits in the same save
/// — created, split to the cent, won, reopened, lost — and are made again for deals that lack them.
/// </summary>
public abstract class DealCreditsTests(RapportApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private Task<List<DealCredit>> CreditsAsync(Guid deal) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealCredits.AsNoTracking()
            .Where(c => c.DealId == deal).OrderBy(c => c.Cents).ToListAsync());

    [Fact]
    public async Task Credits_follow_the_deal_through_its_split_win_reopening_and_loss()
    {
        var owner = await app.CreateEmployeeAsync(app.Unique("Стоян Илиев "));
        var viewer = await app.ManagerViewerAsync(owner);
        var partner = await app.CreateEmployeeAsync(app.Unique("Вяра Пенева "));
        var account = (await app.WithServicesAsync(sp => sp.GetRequiredService<AccountHandlers>()
            .CreateAsync(viewer, new AccountInput { Name = app.Unique("Тракия Логистик ") }))).Value;
        var id = (await app.WithServicesAsync(sp => sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = "Склад", Amount = 1_000.01m, ExpectedCloseOn = Today.AddDays(10),
        }))).Value;

        var created = Assert.Single(await CreditsAsync(id));
        Assert.Equal((owner, 100_001L, DealOutcome.Open, Today.AddDays(10)), (created.EmployeeId, created.Cents, created.Outcome, created.CloseOn));

        // 1,000.01 split a third to the partner: 333.337 and 666.673 cents of a cent each, the spare cent to the larger remainder.
        await app.DealCommandAsync(async h => await h.SetSplitsAsync(viewer, id, new SplitsInput
        {
            Splits = [new() { EmployeeId = owner, Percent = 66.67m }, new() { EmployeeId = partner, Percent = 33.33m }], Version = await app.DealVersionAsync(id),
        }));
        var split = await CreditsAsync(id);
        Assert.Equal([(partner, 33_330L), (owner, 66_671L)], split.Select(c => (c.EmployeeId, c.Cents)));
        Assert.Equal(100_001L, split.Sum(c => c.Cents));

        await app.DealCommandAsync(async h => await h.WinAsync(viewer, id, new WinInput { ClosedOn = Today, Version = await app.DealVersionAsync(id) }));
        var won = await CreditsAsync(id);
        Assert.All(won, c => Assert.Equal((DealOutcome.Won, Today, true, 100m), (c.Outcome, c.CloseOn, c.NewBusiness, c.Probability)));

        await app.DealCommandAsync(async h => await h.ReopenAsync(viewer, id, new ReopenInput { Version = await app.DealVersionAsync(id) }));
        Assert.All(await CreditsAsync(id), c => Assert.Equal(DealOutcome.Open, c.Outcome));

        var reason = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().LostReasons.Select(r => r.Id).FirstAsync());
        await app.DealCommandAsync(async h => await h.LoseAsync(viewer, id, new LoseInput { LostReasonId = reason, Version = await app.DealVersionAsync(id) }));
        Assert.All(await CreditsAsync(id), c => Assert.Equal((DealOutcome.Lost, Today), (c.Outcome, c.CloseOn)));
    }

    [Fact]
    public async Task The_company_ranking_read_a_moment_ago_counts_a_deal_won_since_and_credits_written_in_bulk_once_committed()
    {
        var period = SalesPeriod.Of(PeriodKind.Quarter, Today);
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        async Task<PerformanceRow?> RowAsync(Guid employee) =>
            (await (await admin.GetAsync($"/api/v1/performance?period={period.Code}")).ReadAsync<PerformanceView>()).Rows.SingleOrDefault(r => r.EmployeeId == employee);

        var owner = await app.CreateEmployeeAsync(app.Unique("Калина Дончева "));
        var viewer = await app.ManagerViewerAsync(owner);
        var account = (await app.WithServicesAsync(sp => sp.GetRequiredService<AccountHandlers>()
            .CreateAsync(viewer, new AccountInput { Name = app.Unique("Струма Агро ") }))).Value;
        var id = (await app.WithServicesAsync(sp => sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = "Сеялки", Amount = 7_300.50m, ExpectedCloseOn = Today,
        }))).Value;
        Assert.Equal(0m, (await RowAsync(owner))!.Won);

        // The company's sums are kept between reads, and a win commits a change of credits, so the next read counts it.
        await app.DealCommandAsync(async h => await h.WinAsync(viewer, id, new WinInput { ClosedOn = Today, Version = await app.DealVersionAsync(id) }));
        Assert.Equal((7_300.50m, 1m), ((await RowAsync(owner))!.Won, (await RowAsync(owner))!.NewDeals));

        // Credits written in bulk (as the import and the start-up refresh write them) count once their transaction
        // commits; a change behind the application's back (raw SQL here) is not seen until the entry's minute is up.
        var credit = Assert.Single(await CreditsAsync(id));
        await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealCredits.Where(c => c.DealId == id).ExecuteDeleteAsync());
        Assert.Equal(7_300.50m, (await RowAsync(owner))!.Won);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var insert = new BulkInsert<DealCredit>(db);
            credit.Cents = 650_025;
            insert.Add(credit);
            await insert.FlushAsync(CancellationToken.None);
            Assert.Equal(7_300.50m, (await RowAsync(owner))!.Won);
            await transaction.CommitAsync();
            return true;
        });
        Assert.Equal(6_500.25m, (await RowAsync(owner))!.Won);
    }

    [Fact]
    public async Task A_deal_whose_credits_are_missing_gets_them_again_to_the_cent()
    {
        var owner = await app.CreateEmployeeAsync(app.Unique("Милена Стойчева "));
        var viewer = await app.ManagerViewerAsync(owner);
        var partner = await app.CreateEmployeeAsync(app.Unique("Рангел Вълков "));
        var account = (await app.WithServicesAsync(sp => sp.GetRequiredService<AccountHandlers>()
            .CreateAsync(viewer, new AccountInput { Name = app.Unique("Пирин Текс ") }))).Value;
        var id = (await app.WithServicesAsync(sp => sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = "Платове", Amount = 999.99m, ExpectedCloseOn = Today,
        }))).Value;
        await app.DealCommandAsync(async h => await h.SetSplitsAsync(viewer, id, new SplitsInput
        {
            Splits = [new() { EmployeeId = owner, Percent = 60m }, new() { EmployeeId = partner, Percent = 40m }], Version = await app.DealVersionAsync(id),
        }));
        var kept = (await CreditsAsync(id)).Select(c => (c.EmployeeId, c.Cents)).ToList();

        // As a writer that leaves them out (or the upgrade that brought the table in) would leave the deal.
        await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealCredits.Where(c => c.DealId == id).ExecuteDeleteAsync());
        Assert.True(await app.WithServicesAsync(sp => sp.GetRequiredService<DealCreditRefresh>().IsStaleAsync()));

        Assert.True(await app.WithServicesAsync(sp => sp.GetRequiredService<DealCreditRefresh>().RunAsync()) >= 1);
        Assert.Equal(kept, (await CreditsAsync(id)).Select(c => (c.EmployeeId, c.Cents)));
        Assert.Equal([(partner, 40_000L), (owner, 59_999L)], kept);
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<DealCreditRefresh>().IsStaleAsync()));
    }
}

public sealed class DealCreditsOnSqlite(SqliteApp app) : DealCreditsTests(app), IClassFixture<SqliteApp>;

public sealed class DealCreditsOnPostgres(PostgresApp app) : DealCreditsTests(app), IClassFixture<PostgresApp>;
