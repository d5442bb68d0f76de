using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>The deal pages as a browser gets them: forms that post, words and numbers on screen in both languages, other people's deals not found.</summary>
public abstract class DealPagesTests(RapportApp app)
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Guid Employee, HttpClient Page, Viewer Viewer)> ManagerAsync()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        return (employee, await app.SignedInClientAsync(email), new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager }));
    }

    private Task<Guid> AccountAsync(Viewer viewer) => app.WithServicesAsync(async sp =>
        (await sp.GetRequiredService<AccountHandlers>().CreateAsync(viewer, new AccountInput { Name = app.Unique("Клиент ") })).Value);

    private Task<Guid> ProductAsync(decimal price) => app.WithServicesAsync(async sp =>
        (await sp.GetRequiredService<ProductHandlers>().CreateAsync(RapportApp.Admin, new ProductInput
        {
            Name = app.Unique("Продукт "), Prices = [new PriceInput { Currency = "EUR", Amount = price }],
        })).Value);

    [Fact]
    public async Task A_manager_creates_a_deal_with_two_lines_on_the_form_and_wins_it_and_the_account_page_shows_it()
    {
        var (_, page, viewer) = await ManagerAsync();
        var account = await AccountAsync(viewer);
        var (licence, support) = (await ProductAsync(1200m), await ProductAsync(80m));

        var invalid = await RapportApp.PostFormAsync(page, $"/deals/new?account={account}", "deal-edit", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Title"] = "Годишен лиценз", ["Input.Currency"] = "EUR",
            ["Input.ExpectedCloseOn"] = "2099-01-01", ["Input.Forecast"] = "Commit", ["Input.Version"] = "0",
            ["Input.Lines[0].ProductId"] = licence.ToString(), ["Input.Lines[0].Quantity"] = "2",
        });
        var form = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("value=\"Годишен лиценз\"", form, StringComparison.Ordinal);
        Assert.Contains("The expected close date can be at most 5 years ahead.", form, StringComparison.Ordinal);

        var created = await RapportApp.PostFormAsync(page, $"/deals/new?account={account}", "deal-edit", new()
        {
            ["Input.AccountId"] = account.ToString(), ["Input.Title"] = "Годишен лиценз", ["Input.Currency"] = "EUR",
            ["Input.ExpectedCloseOn"] = Today, ["Input.Forecast"] = "Commit", ["Input.Version"] = "0",
            ["Input.Lines[0].ProductId"] = licence.ToString(), ["Input.Lines[0].Quantity"] = "2",
            ["Input.Lines[1].ProductId"] = support.ToString(), ["Input.Lines[1].Quantity"] = "12", ["Input.Lines[1].DiscountPercent"] = "25",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var dealUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var shown = await page.GetStringAsync(dealUrl);
        Assert.Contains("3,120.00 EUR", shown, StringComparison.Ordinal);
        Assert.Contains("Qualification", shown, StringComparison.Ordinal);

        var won = await RapportApp.PostFormAsync(page, dealUrl, "deal-win", new() { ["Win.ClosedOn"] = Today, ["Win.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        var bulgarian = await page.GetStringAsync(dealUrl + "?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Спечелена", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Нов бизнес", bulgarian, StringComparison.Ordinal);

        var stale = await RapportApp.PostFormAsync(page, dealUrl, "deal-reopen", new() { ["ReopenVersion"] = "0" });
        Assert.Contains(Texts.ErrorStaleVersion, await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accountPage = await page.GetStringAsync($"/accounts/{account}");
        Assert.Contains("Годишен лиценз", accountPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"won-total\">3,120.00 EUR", accountPage, StringComparison.Ordinal);
        Assert.Contains("Won per quarter", accountPage, StringComparison.Ordinal);
        Assert.Contains("timeline-deal-", accountPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_split_editor_offers_a_colleague_taken_on_since_the_last_view_and_keeps_the_one_chosen_when_refused()
    {
        var (me, page, viewer) = await ManagerAsync();
        var account = await AccountAsync(viewer);
        var deal = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = "Внедряване", Amount = 4_000m, ExpectedCloseOn = DateOnly.FromDateTime(DateTime.Now),
        })).Value);
        var name = app.Unique("Новопостъпила Колежка ");
        Assert.DoesNotContain(name, await page.GetStringAsync($"/deals/{deal}"), StringComparison.Ordinal);

        // The colleagues are kept between views; taking someone on is a write that makes the next view list them.
        var newcomer = await app.CreateEmployeeAsync(name);
        var shown = await page.GetStringAsync($"/deals/{deal}?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains($"<option value=\"{newcomer}\">{name}</option>", shown, StringComparison.Ordinal);

        // Refused (60 + 30), the form comes back with the newcomer still chosen in the row that adds someone.
        var wrong = await RapportApp.PostFormAsync(page, $"/deals/{deal}?culture=bg-BG&ui-culture=bg-BG", "deal-splits", new()
        {
            ["SplitsForm.Version"] = "0", ["SplitsForm.Splits[0].EmployeeId"] = me.ToString(), ["SplitsForm.Splits[0].Percent"] = "60",
            ["SplitsForm.Splits[1].EmployeeId"] = newcomer.ToString(), ["SplitsForm.Splits[1].Percent"] = "30",
        });
        var refused = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Дяловете трябва да са точно 100 % общо.", refused, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{newcomer}\" selected[^>]*>{name}</option>", refused);
    }

    [Fact]
    public async Task A_split_between_two_managers_is_saved_on_the_deal_page_and_a_split_that_is_not_100_stays_with_its_message()
    {
        var (me, page, viewer) = await ManagerAsync();
        var colleague = await app.CreateEmployeeAsync(app.Unique("Колега "));
        var account = await AccountAsync(viewer);
        var deal = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = "Поддръжка", Amount = 999.99m, ExpectedCloseOn = DateOnly.FromDateTime(DateTime.Now),
        })).Value);

        var wrong = await RapportApp.PostFormAsync(page, $"/deals/{deal}", "deal-splits", new()
        {
            ["SplitsForm.Version"] = "0", ["SplitsForm.Splits[0].EmployeeId"] = me.ToString(), ["SplitsForm.Splits[0].Percent"] = "60",
            ["SplitsForm.Splits[1].EmployeeId"] = colleague.ToString(), ["SplitsForm.Splits[1].Percent"] = "30",
        });
        Assert.Contains("The shares must add up to exactly 100 %.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await RapportApp.PostFormAsync(page, $"/deals/{deal}", "deal-splits", new()
        {
            ["SplitsForm.Version"] = "0", ["SplitsForm.Splits[0].EmployeeId"] = me.ToString(), ["SplitsForm.Splits[0].Percent"] = "60",
            ["SplitsForm.Splits[1].EmployeeId"] = colleague.ToString(), ["SplitsForm.Splits[1].Percent"] = "40",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await page.GetStringAsync($"/deals/{deal}");
        // 60 % of 999.99 is 599.994 and 40 % is 399.996: the odd cent goes to the larger fraction.
        Assert.Contains("599.99 EUR", shown, StringComparison.Ordinal);
        Assert.Contains("400.00 EUR", shown, StringComparison.Ordinal);

        // Each holder is a row of their own; the colleagues are listed once, in the one row that adds someone.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(shown, "<select id=\"split-person-"));
        Assert.Contains("name=\"SplitsForm.Splits[1].EmployeeId\" value=\"" + colleague, shown, StringComparison.Ordinal);
        Assert.Contains("<select id=\"split-person-2\"", shown, StringComparison.Ordinal);

        // A share of 0 takes someone off; an administrator may take a colleague off.
        var (_, adminEmail) = await app.CreateUserAsync(null, Roles.Administrator);
        var admin = await app.SignedInClientAsync(adminEmail);
        var version = await app.DealVersionAsync(deal);
        var off = await RapportApp.PostFormAsync(admin, $"/deals/{deal}", "deal-splits", new()
        {
            ["SplitsForm.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["SplitsForm.Splits[0].EmployeeId"] = me.ToString(), ["SplitsForm.Splits[0].Percent"] = "100",
            ["SplitsForm.Splits[1].EmployeeId"] = colleague.ToString(), ["SplitsForm.Splits[1].Percent"] = "0",
            ["SplitsForm.Splits[2].EmployeeId"] = Guid.Empty.ToString(), ["SplitsForm.Splits[2].Percent"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var credits = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().DealSplits.Where(s => s.DealId == deal)
            .Select(s => new { s.EmployeeId, s.Percent }).ToListAsync());
        Assert.Equal(me, Assert.Single(credits).EmployeeId);
        Assert.Equal(100m, credits[0].Percent);
    }

    [Fact]
    public async Task Another_manager_s_deal_page_edit_form_and_export_rows_are_not_there_for_a_stranger()
    {
        var (_, _, owner) = await ManagerAsync();
        var (_, stranger, _) = await ManagerAsync();
        var account = await AccountAsync(owner);
        var title = app.Unique("Тайна сделка ");
        var deal = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<DealHandlers>().CreateAsync(owner, new DealInput
        {
            AccountId = account, Title = title, Amount = 10m, ExpectedCloseOn = DateOnly.FromDateTime(DateTime.Now),
        })).Value);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/deals/{deal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/deals/{deal}/edit")).StatusCode);
        Assert.DoesNotContain(title, await stranger.GetStringAsync("/deals"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await stranger.GetStringAsync("/deals/export.csv"), StringComparison.Ordinal);
        var posted = await stranger.PostAsync($"/deals/{deal}", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "deal-win" }));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task The_deal_list_filters_by_stage_and_exports_what_it_shows_in_bulgarian()
    {
        var (_, page, viewer) = await ManagerAsync();
        var account = await AccountAsync(viewer);
        var title = app.Unique("Оферта за ");
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<DealHandlers>().CreateAsync(viewer, new DealInput
        {
            AccountId = account, Title = title, Amount = 1500m, StageId = DealDefaults.ProposalId, ExpectedCloseOn = DateOnly.FromDateTime(DateTime.Now),
        })).Value);

        Assert.Contains(title, await page.GetStringAsync($"/deals?stage={DealDefaults.ProposalId}"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await page.GetStringAsync($"/deals?stage={DealDefaults.NegotiationId}"), StringComparison.Ordinal);
        var bg = await page.GetStringAsync("/deals?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("Сделки", bg, StringComparison.Ordinal);
        Assert.Contains("Оферта", bg, StringComparison.Ordinal);
        Assert.Contains(title, await page.GetStringAsync($"/deals/export.csv?stage={DealDefaults.ProposalId}"), StringComparison.Ordinal);
    }
}

public sealed class DealPagesOnSqlite(SqliteApp app) : DealPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DealPagesOnPostgres(PostgresApp app) : DealPagesTests(app), IClassFixture<PostgresApp>;
