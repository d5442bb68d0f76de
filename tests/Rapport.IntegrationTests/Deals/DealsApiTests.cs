using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>
/// Deals through the API on a real database: settings they rest on, lines and amounts, conversion, stage moves, wins
/// and losses, reopens, splits, payments, the event log pay reads, and who may see and change what.
/// </summary>
public abstract class DealsApiTests(RapportApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private async Task<(Guid Employee, HttpClient Client)> PersonAsync(string role, Guid? teamId = null)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Продавач "), teamId: teamId);
        return (employee, await app.ApiClientAsync(employee, role));
    }

    private async Task<AccountDetails> AccountAsync(HttpClient client) =>
        await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Клиент ") })).ReadAsync<AccountDetails>(HttpStatusCode.Created);

    private async Task<ProductRow> ProductAsync(decimal price = 1000m, string currency = "EUR")
    {
        var finance = await app.ApiClientAsync(null, Roles.Finance);
        return await (await finance.PostJsonAsync("/api/v1/products", new ProductInput
        {
            Name = app.Unique("Лиценз "), Category = "Софтуер", Prices = [new PriceInput { Currency = currency, Amount = price }],
        })).ReadAsync<ProductRow>(HttpStatusCode.Created);
    }

    private static async Task<DealDetails> DealAsync(HttpClient client, Guid account, decimal amount = 10_000m, string currency = "EUR", params DealLineInput[] lines) =>
        await (await client.PostJsonAsync("/api/v1/deals", new DealInput
        {
            AccountId = account, Title = "Внедряване", Amount = amount, Currency = currency, ExpectedCloseOn = Today.AddMonths(2), Lines = [.. lines],
        })).ReadAsync<DealDetails>(HttpStatusCode.Created);

    private static string FieldError(JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateObject().First(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString()!;

    [Fact]
    public async Task A_new_database_has_the_default_pipeline_the_lost_reasons_and_the_fixed_lev_rate()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var pipelines = await (await client.GetAsync("/api/v1/settings/pipelines")).ReadAsync<List<PipelineRow>>();
        var sales = pipelines.Single(p => p.Id == DealDefaults.DefaultPipelineId);
        Assert.True(sales.IsDefault);
        Assert.Equal(
            [("Qualification", "Квалификация", 10m, StageKind.Open), ("Needs analysis", "Анализ на нуждите", 25m, StageKind.Open),
             ("Proposal", "Оферта", 50m, StageKind.Open), ("Negotiation", "Преговори", 75m, StageKind.Open),
             ("Won", "Спечелена", 100m, StageKind.Won), ("Lost", "Загубена", 0m, StageKind.Lost)],
            sales.Stages.Select(s => (s.NameEn, s.NameBg, s.Probability, s.Kind)));
        var reasons = await (await client.GetAsync("/api/v1/settings/lost-reasons")).ReadAsync<List<LostReasonRow>>();
        Assert.Contains(reasons, r => r.NameEn == "Price" && r.NameBg == "Цена");
        Assert.True(reasons.Count >= 6);
        var rates = await (await client.GetAsync("/api/v1/settings/currency-rates?currency=BGN")).ReadAsync<List<CurrencyRateRow>>();
        Assert.Contains(rates, r => r.UnitsPerEuro == 1.95583m && r.ValidFrom <= new DateOnly(2025, 1, 1));
    }

    [Fact]
    public async Task Finance_keeps_the_catalogue_sales_read_it_and_a_product_in_use_is_archived_not_deleted()
    {
        var (_, manager) = await PersonAsync(Roles.AccountManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJsonAsync("/api/v1/products", new ProductInput { Name = "Промъкнат" })).StatusCode);
        var product = await ProductAsync(250m);
        Assert.Contains((await (await manager.GetAsync("/api/v1/products")).ReadAsync<List<ProductRow>>()), p => p.Id == product.Id);

        var account = await AccountAsync(manager);
        await DealAsync(manager, account.Id, lines: new DealLineInput { ProductId = product.Id, Quantity = 2 });
        var finance = await app.ApiClientAsync(null, Roles.Finance);
        await (await finance.DeleteAsync($"/api/v1/products/{product.Id}?version={product.Version}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsync($"/api/v1/products/{product.Id}/archive?version={product.Version}", null)).StatusCode);
        Assert.DoesNotContain((await (await manager.GetAsync("/api/v1/products")).ReadAsync<List<ProductRow>>()), p => p.Id == product.Id);
        var refused = await manager.PostJsonAsync("/api/v1/deals", new DealInput
        {
            AccountId = account.Id, Title = "Още", ExpectedCloseOn = Today, Lines = [new DealLineInput { ProductId = product.Id, Quantity = 1 }],
        });
        Assert.Contains("archived", FieldError(await refused.ProblemAsync(HttpStatusCode.BadRequest), "Lines[0].ProductId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deal_with_two_lines_is_worth_their_sum_and_a_lev_deal_converts_at_the_fixed_rate()
    {
        var (me, client) = await PersonAsync(Roles.AccountManager);
        var account = await AccountAsync(client);
        var (licence, support) = (await ProductAsync(1000m), await ProductAsync(300m));

        var deal = await DealAsync(client, account.Id, lines:
            [new DealLineInput { ProductId = licence.Id, Quantity = 3, DiscountPercent = 10 }, new DealLineInput { ProductId = support.Id, Quantity = 2, UnitPrice = 250.5m }]);

        Assert.Equal((3201.00m, "EUR", 3201.00m), (deal.Amount, deal.Currency, deal.AmountBase));
        Assert.Equal([2700.00m, 501.00m], deal.Lines.Select(l => l.Amount));
        Assert.Matches("^D-\\d{6}$", deal.Number);
        Assert.Equal((10m, 320.10m), (deal.Probability, deal.Weighted));
        Assert.Equal([(me, 100m, 3201.00m)], deal.Splits.Select(s => (s.EmployeeId, s.Percent, s.Amount)));

        var leva = await DealAsync(client, account.Id, 10_000m, "BGN");
        Assert.Equal(5112.92m, leva.AmountBase);
    }

    [Fact]
    public async Task Bad_input_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var account = await AccountAsync(client);
        var product = await ProductAsync();
        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.CountAsync());

        async Task<JsonElement> Refused(DealInput input) => await (await client.PostJsonAsync("/api/v1/deals", input)).ProblemAsync(HttpStatusCode.BadRequest);
        DealInput Input() => new() { AccountId = account.Id, Title = "Лошо", Amount = 100, ExpectedCloseOn = Today.AddMonths(1) };

        Assert.Contains("negative", FieldError(await Refused(Change(Input(), i => i.Amount = -1)), "Amount"), StringComparison.Ordinal);
        Assert.Contains("5 years", FieldError(await Refused(Change(Input(), i => i.ExpectedCloseOn = Today.AddYears(6))), "ExpectedCloseOn"), StringComparison.Ordinal);
        Assert.Contains("There is no USD rate", FieldError(await Refused(Change(Input(), i => i.Currency = "USD")), "Currency"), StringComparison.Ordinal);
        Assert.Contains("greater than zero", FieldError(await Refused(Change(Input(), i =>
            i.Lines = [new DealLineInput { ProductId = product.Id, Quantity = -2 }])), "Lines[0].Quantity"), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.CountAsync()));
    }

    [Fact]
    public async Task A_rate_entered_by_an_administrator_converts_from_its_first_day_and_a_file_of_rates_is_all_or_nothing()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var currency = "X" + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26));
        var from = new DateOnly(2026, 3, 1);
        (await admin.PostJsonAsync("/api/v1/settings/currency-rates", new CurrencyRateInput { Currency = currency, ValidFrom = from, UnitsPerEuro = 2m }))
            .EnsureSuccessStatusCode();

        var converted = await (await admin.GetAsync($"/api/v1/settings/currency-rates/convert?amount=101&currency={currency}&on=2026-03-01")).ReadAsync<Conversion>();
        Assert.Equal((50.50m, "EUR"), (converted.Converted, converted.BaseCurrency));
        var before = await admin.GetAsync($"/api/v1/settings/currency-rates/convert?amount=101&currency={currency}&on=2026-02-28");
        Assert.Contains($"There is no {currency} rate", FieldError(await before.ProblemAsync(HttpStatusCode.BadRequest), "currency"), StringComparison.Ordinal);

        var bad = new StringContent($"currency;valid from;rate\n{currency};2026-04-01;2,5\n{currency};someday;3\n", Encoding.UTF8, "text/csv");
        await (await admin.PostAsync("/api/v1/settings/currency-rates/import", bad)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single(await (await admin.GetAsync($"/api/v1/settings/currency-rates?currency={currency}")).ReadAsync<List<CurrencyRateRow>>());

        var good = new StringContent($"currency;valid from;rate\n{currency};2026-04-01;2,5\n{currency};1.3.2026;2\n", Encoding.UTF8, "text/csv");
        var done = await (await admin.PostAsync("/api/v1/settings/currency-rates/import", good)).ReadAsync<RateImportResult>();
        Assert.Equal((1, 0, 1), (done.Created, done.Updated, done.Unchanged));
        var rates = await (await admin.GetAsync($"/api/v1/settings/currency-rates?currency={currency}")).ReadAsync<List<CurrencyRateRow>>();
        Assert.Equal([(from, (DateOnly?)new DateOnly(2026, 3, 31), 2m), (new DateOnly(2026, 4, 1), null, 2.5m)], rates.Select(r => (r.ValidFrom, r.ValidUntil, r.UnitsPerEuro)));

        var (_, manager) = await PersonAsync(Roles.AccountManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJsonAsync("/api/v1/settings/currency-rates",
            new CurrencyRateInput { Currency = currency, ValidFrom = from.AddDays(1), UnitsPerEuro = 9m })).StatusCode);
    }

    [Fact]
    public async Task A_deal_moves_through_its_stages_is_won_on_a_date_and_a_stale_move_is_a_conflict()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var account = await AccountAsync(client);
        var deal = await DealAsync(client, account.Id);

        var moved = await (await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/stage", new StageMoveInput { StageId = DealDefaults.ProposalId, Version = deal.Version }))
            .ReadAsync<DealDetails>();
        Assert.Equal(("Proposal", 50m), (moved.StageName, moved.Probability));
        await (await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/stage", new StageMoveInput { StageId = DealDefaults.NegotiationId, Version = deal.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var toWon = await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/stage", new StageMoveInput { StageId = DealDefaults.WonId, Version = moved.Version });
        await toWon.ProblemAsync(HttpStatusCode.BadRequest);

        var noDate = await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { Version = moved.Version });
        Assert.Contains("close date", FieldError(await noDate.ProblemAsync(HttpStatusCode.BadRequest), "ClosedOn"), StringComparison.Ordinal);
        var future = await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = Today.AddDays(3), Version = moved.Version });
        Assert.Contains("after today", FieldError(await future.ProblemAsync(HttpStatusCode.BadRequest), "ClosedOn"), StringComparison.Ordinal);

        var won = await (await client.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = Today, Version = moved.Version })).ReadAsync<DealDetails>();
        Assert.Equal((DealOutcome.Won, (DateOnly?)Today, 100m, (bool?)true), (won.Outcome, won.ClosedOn, won.Probability, won.NewBusiness));
        var edit = won.ToInput();
        edit.Title = "Друго";
        await (await client.PutJsonAsync($"/api/v1/deals/{deal.Id}", edit)).ProblemAsync(HttpStatusCode.Conflict);

        var events = await (await client.GetAsync($"/api/v1/deals/{deal.Id}/events")).ReadAsync<List<DealEventView>>();
        Assert.Equal([DealEventKind.Won, DealEventKind.StageMoved, DealEventKind.Created], events.Select(e => e.Kind));
        Assert.Equal((DealDefaults.QualificationId, DealDefaults.ProposalId), (events[1].FromStageId!.Value, events[1].ToStageId!.Value));
    }

    [Fact]
    public async Task The_second_won_deal_is_existing_business_a_reopened_first_hands_the_flag_on_and_losing_needs_a_reason()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var account = await AccountAsync(client);
        var licence = await ProductAsync();
        var support = await ProductAsync();
        var first = await DealAsync(client, account.Id, lines: new DealLineInput { ProductId = licence.Id });
        var second = await DealAsync(client, account.Id, lines: [new DealLineInput { ProductId = licence.Id }, new DealLineInput { ProductId = support.Id }]);

        var firstWon = await (await client.PostJsonAsync($"/api/v1/deals/{first.Id}/win", new WinInput { ClosedOn = Today.AddDays(-10), Version = first.Version })).ReadAsync<DealDetails>();
        var secondWon = await (await client.PostJsonAsync($"/api/v1/deals/{second.Id}/win", new WinInput { ClosedOn = Today, Version = second.Version })).ReadAsync<DealDetails>();
        Assert.True(firstWon.NewBusiness);
        Assert.False(secondWon.NewBusiness);
        Assert.Equal([false, true], secondWon.Lines.Select(l => l.NewProduct!.Value));

        var reopened = await (await client.PostJsonAsync($"/api/v1/deals/{first.Id}/reopen", new ReopenInput { Version = firstWon.Version })).ReadAsync<DealDetails>();
        Assert.Equal((DealOutcome.Open, "Negotiation", (bool?)null), (reopened.Outcome, reopened.StageName, reopened.NewBusiness));
        var third = await DealAsync(client, account.Id, lines: new DealLineInput { ProductId = licence.Id });
        var noReason = await client.PostJsonAsync($"/api/v1/deals/{third.Id}/lose", new LoseInput { Version = third.Version });
        Assert.Contains("reason", FieldError(await noReason.ProblemAsync(HttpStatusCode.BadRequest), "LostReasonId"), StringComparison.Ordinal);
        var lost = await (await client.PostJsonAsync($"/api/v1/deals/{third.Id}/lose", new LoseInput
        {
            LostReasonId = DealDefaults.LostReasons()[0].Id, Note = "Скъпо", Version = third.Version,
        })).ReadAsync<DealDetails>();
        Assert.Equal((DealOutcome.Lost, "Price", 0m), (lost.Outcome, lost.LostReason, lost.Probability));

        // Re-won on the second's close date with a lower number, it closed first again: new business once more, and the
        // second keeps the existing business it was won as.
        var again = await (await client.PostJsonAsync($"/api/v1/deals/{first.Id}/win", new WinInput { ClosedOn = Today, Version = reopened.Version })).ReadAsync<DealDetails>();
        Assert.True(again.NewBusiness);
        Assert.False((await (await client.GetAsync($"/api/v1/deals/{second.Id}")).ReadAsync<DealDetails>()).NewBusiness);
        var reopens = await app.WithServicesAsync(sp => sp.GetRequiredService<DealEvents>().ReopensBetweenAsync(Today, Today));
        var undone = reopens.Single(r => r.DealId == first.Id);
        Assert.Equal((DealOutcome.Won, (DateOnly?)Today.AddDays(-10), (bool?)true, 1000m), (undone.WasOutcome, undone.WasClosedOn, undone.WasNewBusiness, undone.Credits.Sum(c => c.Amount)));
    }

    [Fact]
    public async Task A_manager_shares_credit_with_a_colleague_but_takes_none_away_and_a_head_reshapes_splits_in_the_team()
    {
        var (head, headClient) = await PersonAsync(Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head);
        var (me, client) = await PersonAsync(Roles.AccountManager, team);
        var (colleague, colleagueClient) = await PersonAsync(Roles.AccountManager, team);
        var account = await AccountAsync(client);
        var deal = await DealAsync(client, account.Id, 1000.01m);

        var notHundred = await client.PutJsonAsync($"/api/v1/deals/{deal.Id}/splits", Split(deal.Version, (me, 60m), (colleague, 30m)));
        Assert.Contains("100", FieldError(await notHundred.ProblemAsync(HttpStatusCode.BadRequest), "Splits"), StringComparison.Ordinal);
        var shared = await (await client.PutJsonAsync($"/api/v1/deals/{deal.Id}/splits", Split(deal.Version, (me, 50m), (colleague, 50m)))).ReadAsync<DealDetails>();
        Assert.Equal([500.01m, 500.00m], shared.Splits.OrderBy(s => s.EmployeeId == me ? 0 : 1).Select(s => s.Amount));

        // The colleague now sees the deal they share, but cannot change it.
        Assert.Equal(deal.Id, (await (await colleagueClient.GetAsync($"/api/v1/deals/{deal.Id}")).ReadAsync<DealDetails>()).Id);
        await (await colleagueClient.PostJsonAsync($"/api/v1/deals/{deal.Id}/stage", new StageMoveInput { StageId = DealDefaults.ProposalId, Version = shared.Version }))
            .ProblemAsync(HttpStatusCode.Forbidden);

        var taken = await client.PutJsonAsync($"/api/v1/deals/{deal.Id}/splits", Split(shared.Version, (me, 80m), (colleague, 20m)));
        Assert.Contains("head of sales", FieldError(await taken.ProblemAsync(HttpStatusCode.BadRequest), "Splits"), StringComparison.Ordinal);
        var givenAway = await client.PutJsonAsync($"/api/v1/deals/{deal.Id}/splits", Split(shared.Version, (colleague, 100m)));
        Assert.Contains("keep a share", FieldError(await givenAway.ProblemAsync(HttpStatusCode.BadRequest), "Splits"), StringComparison.Ordinal);

        var reshaped = await (await headClient.PutJsonAsync($"/api/v1/deals/{deal.Id}/splits", Split(shared.Version, (me, 80m), (colleague, 20m)))).ReadAsync<DealDetails>();
        Assert.Equal(1000.01m, reshaped.Splits.Sum(s => s.Amount));
        var changes = await app.WithServicesAsync(sp => sp.GetRequiredService<DealEvents>().SplitChangesBetweenAsync(Today, Today));
        Assert.Equal(2, changes.Count(c => c.DealId == deal.Id));
    }

    [Fact]
    public async Task Other_people_s_deals_are_not_found_for_reading_or_changing_and_finance_reads_won_deals_and_records_payments()
    {
        var (_, owner) = await PersonAsync(Roles.AccountManager);
        var (_, stranger) = await PersonAsync(Roles.AccountManager);
        var account = await AccountAsync(owner);
        var deal = await DealAsync(owner, account.Id, 1000m);
        var id = deal.Id;
        var v = deal.Version;

        await (await stranger.GetAsync($"/api/v1/deals/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/deals/{id}/events")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/deals/{id}/payments")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutJsonAsync($"/api/v1/deals/{id}", deal.ToInput())).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/deals/{id}/stage", new StageMoveInput { StageId = DealDefaults.ProposalId, Version = v })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/deals/{id}/win", new WinInput { ClosedOn = Today, Version = v })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/deals/{id}/lose", new LoseInput { LostReasonId = DealDefaults.LostReasons()[0].Id, Version = v })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/deals/{id}/reopen", new ReopenInput { Version = v })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutJsonAsync($"/api/v1/deals/{id}/splits", Split(v, (Guid.NewGuid(), 100m)))).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutJsonAsync($"/api/v1/deals/{id}/lines", new { lines = Array.Empty<object>(), version = v })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutJsonAsync($"/api/v1/deals/{id}/contacts", new DealContactsInput { Version = v })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await stranger.GetAsync("/api/v1/deals?size=200")).ReadAsync<Page<DealRow>>()).Items, d => d.Id == id);

        var finance = await app.ApiClientAsync(null, Roles.Finance);
        await (await finance.GetAsync($"/api/v1/deals/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var won = await (await owner.PostJsonAsync($"/api/v1/deals/{id}/win", new WinInput { ClosedOn = Today, Version = v })).ReadAsync<DealDetails>();
        Assert.True((await (await finance.GetAsync($"/api/v1/deals/{id}")).ReadAsync<DealDetails>()).CanRecordPayments);
        await (await finance.PostJsonAsync($"/api/v1/deals/{id}/stage", new StageMoveInput { StageId = DealDefaults.ProposalId, Version = won.Version }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PostJsonAsync($"/api/v1/deals/{id}/payments", new PaymentInput { Amount = 100, PaidOn = Today, Reference = "Ф-1" }))
            .ProblemAsync(HttpStatusCode.Forbidden);

        var tooMuch = await finance.PostJsonAsync($"/api/v1/deals/{id}/payments", new PaymentInput { Amount = 1000.01m, PaidOn = Today, Reference = "Ф-1" });
        Assert.Contains("1,000.00 EUR", FieldError(await tooMuch.ProblemAsync(HttpStatusCode.BadRequest), "Amount"), StringComparison.Ordinal);
        (await finance.PostJsonAsync($"/api/v1/deals/{id}/payments", new PaymentInput { Amount = 600m, PaidOn = Today, Reference = "Ф-1" })).EnsureSuccessStatusCode();
        var overCredit = await finance.PostJsonAsync($"/api/v1/deals/{id}/payments", new PaymentInput { Kind = PaymentKind.CreditNote, Amount = 600.01m, PaidOn = Today, Reference = "КИ-1" });
        await overCredit.ProblemAsync(HttpStatusCode.BadRequest);
        var payments = await (await finance.PostJsonAsync($"/api/v1/deals/{id}/payments", new PaymentInput { Kind = PaymentKind.CreditNote, Amount = 100m, PaidOn = Today, Reference = "КИ-1" }))
            .ReadAsync<List<PaymentView>>(HttpStatusCode.Created);
        Assert.Equal([600m, -100m], payments.Select(p => p.Amount));

        var log = await (await finance.GetAsync($"/api/v1/deal-events/payments?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).ReadAsync<List<PaymentEvent>>();
        Assert.Equal([600m, -100m], log.Where(p => p.DealId == id).Select(p => p.Credits.Sum(c => c.Amount)));
        var wins = await (await finance.GetAsync($"/api/v1/deal-events/won?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).ReadAsync<List<WonDealEvent>>();
        Assert.Equal((deal.Number, 1000m, true), wins.Where(w => w.DealId == id).Select(w => (w.Number, w.Credits.Sum(c => c.Amount), w.NewBusiness)).Single());
        await (await owner.GetAsync($"/api/v1/deal-events/won?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_event_log_and_payments_refuse_changes_and_deletions_in_the_context_and_in_the_database()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var deal = await DealAsync(client, (await AccountAsync(client)).Id);

        await app.WithServicesAsync<bool>(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var ev = await db.DealEvents.FirstAsync(e => e.DealId == deal.Id);
            ev.Actor = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.DealEvents.Remove(await db.DealEvents.FirstAsync(e => e.DealId == deal.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            await Assert.ThrowsAnyAsync<Exception>(() => db.DealEvents.Where(e => e.DealId == deal.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "x")));
            await Assert.ThrowsAnyAsync<Exception>(() => db.DealEvents.Where(e => e.DealId == deal.Id).ExecuteDeleteAsync());
            Assert.NotEqual("x", await db.DealEvents.Where(e => e.DealId == deal.Id).Select(e => e.Actor).FirstAsync());
            return true;
        });
    }

    [Fact]
    public async Task Merging_accounts_moves_their_deals_and_a_merged_contact_keeps_its_seats_on_buying_committees()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var keep = await AccountAsync(client);
        var other = await AccountAsync(client);
        var contact = await (await client.PostJsonAsync($"/api/v1/accounts/{other.Id}/contacts", new ContactInput { FullName = app.Unique("Решаващ "), Role = BuyingRoles.DecisionMaker }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var deal = await DealAsync(client, other.Id);
        (await client.PutJsonAsync($"/api/v1/deals/{deal.Id}/contacts", new DealContactsInput
        {
            Contacts = [new DealContactInput { ContactId = contact.Id, Role = BuyingRoles.Signatory }], Version = deal.Version,
        })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/accounts/{keep.Id}/merge?other={other.Id}", null)).StatusCode);

        var moved = await (await client.GetAsync($"/api/v1/deals/{deal.Id}")).ReadAsync<DealDetails>();
        Assert.Equal(keep.Id, moved.AccountId);
        Assert.Equal([(contact.Id, BuyingRoles.Signatory)], moved.Contacts.Select(c => (c.ContactId, c.Role)));
    }

    [Fact]
    public async Task A_deal_whose_decision_maker_nobody_is_warm_with_is_at_risk_and_says_why_in_both_languages()
    {
        var (_, client) = await PersonAsync(Roles.AccountManager);
        var account = await AccountAsync(client);
        var name = app.Unique("Десислава ");
        var decider = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = name, Role = BuyingRoles.DecisionMaker }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var deal = await DealAsync(client, account.Id);

        var risky = await (await client.GetAsync($"/api/v1/deals/{deal.Id}")).ReadAsync<DealDetails>();
        Assert.True(risky.Risk!.AtRisk);
        Assert.Contains($"None of us has a warm relationship with {name} (Decision-maker).", risky.Risk.Texts);
        Assert.Contains(risky.Risk.Reasons, r => r.Kind == RiskReasonKind.RoleMissing && r.Role == BuyingRoles.Signatory);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("bg-BG");
        var bulgarian = await (await client.GetAsync($"/api/v1/deals/{deal.Id}")).ReadAsync<DealDetails>();
        Assert.Contains($"Никой от нас няма топла връзка с {name} (Лице, вземащо решения).", bulgarian.Risk!.Texts);

        var atRisk = await (await client.GetAsync($"/api/v1/deals?risk=AtRisk&accountId={account.Id}")).ReadAsync<Page<DealRow>>();
        Assert.Equal([deal.Id], atRisk.Items.Select(d => d.Id));
        Assert.Empty((await (await client.GetAsync($"/api/v1/deals?risk=NotAtRisk&accountId={account.Id}")).ReadAsync<Page<DealRow>>()).Items);
        _ = decider;
    }

    private static SplitsInput Split(long version, params (Guid Employee, decimal Percent)[] shares) =>
        new() { Version = version, Splits = [.. shares.Select(s => new SplitInput { EmployeeId = s.Employee, Percent = s.Percent })] };

    private static T Change<T>(T value, Action<T> change)
    {
        change(value);
        return value;
    }
}

public sealed class DealsApiOnSqlite(SqliteApp app) : DealsApiTests(app), IClassFixture<SqliteApp>;

public sealed class DealsApiOnPostgres(PostgresApp app) : DealsApiTests(app), IClassFixture<PostgresApp>;
