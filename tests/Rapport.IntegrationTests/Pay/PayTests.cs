using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Pay;

/// <summary>
/// Pay on a real database: a plan, an assignment, deals won in a month, the period calculated, approved, locked and
/// exported; a locked period refused by the handlers and by the database itself; who reads which statement and who
/// may change anything; bad input; the statement page in both languages; a clawback in the next period.
/// Each test pays its own month, so that the tests of a class do not meet in one period.
/// </summary>
public abstract partial class PayTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private sealed record Person(Guid EmployeeId, Guid UserId, string Email, string Name, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role = Roles.AccountManager, Guid? teamId = null)
    {
        app.EnsureAvailable();
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName, teamId);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, userId, email, fullName, await app.ApiClientForAsync(userId));
    }

    private Task<HttpClient> FinanceAsync() => app.ApiClientAsync(null, Roles.Finance);

    /// <summary>A fixed base of 1,000 EUR and 5 % flat commission on wins, clawed back within a year.</summary>
    private static PayPlan FlatPlan(string name) => new()
    {
        Name = name, Currency = "EUR", Base = new BasePay(BaseKind.Fixed, Amount: 1_000),
        Commission = new CommissionPlan { Rate = 5, ClawbackMonths = 12 },
    };

    private async Task<Guid> PlanAsync(HttpClient finance, PayPlan plan, DateOnly from)
    {
        var created = await (await finance.PostJsonAsync("/api/v1/compensation/plans",
            new PlanInput { Name = app.Unique(plan.Name + " "), EffectiveFrom = from, Document = PlanDocument.Write(plan) })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task AssignAsync(HttpClient finance, Guid plan, Guid employee, DateOnly from, DateOnly? to = null) =>
        await (await finance.PostJsonAsync($"/api/v1/compensation/plans/{plan}/assignments",
            new AssignmentInput { EmployeeId = employee, From = from, To = to })).ReadAsync<JsonElement>();

    /// <summary>A deal of the person's own account, won on the day.</summary>
    private async Task<DealDetails> WonDealAsync(Person owner, decimal amount, DateOnly closedOn)
    {
        var account = await (await owner.Api.PostJsonAsync("/api/v1/accounts?allowDuplicate=true",
            new AccountInput { Name = app.Unique("Клиент за комисиона "), OwnerId = owner.EmployeeId })).ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var deal = await (await owner.Api.PostJsonAsync("/api/v1/deals", new DealInput
        {
            AccountId = account.Id, Title = "Годишен абонамент", Amount = amount, Currency = "EUR", ExpectedCloseOn = closedOn,
        })).ReadAsync<DealDetails>(HttpStatusCode.Created);
        return await (await owner.Api.PostJsonAsync($"/api/v1/deals/{deal.Id}/win", new WinInput { ClosedOn = closedOn, Version = deal.Version }))
            .ReadAsync<DealDetails>();
    }

    private static async Task<JsonElement> OpenPeriodAsync(HttpClient finance, DateOnly month) =>
        await (await finance.PostJsonAsync("/api/v1/compensation/periods", new { month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) })).ReadAsync<JsonElement>(HttpStatusCode.Created);

    private static async Task<long> StepAsync(HttpClient finance, Guid period, string step, long version) =>
        (await (await finance.PostJsonAsync($"/api/v1/compensation/periods/{period}/{step}", new { version })).ReadAsync<JsonElement>())
            .GetProperty("version").GetInt64();

    private static async Task<JsonElement> StatementRowAsync(HttpClient reader, Guid period, Guid employee) =>
        (await (await reader.GetAsync($"/api/v1/compensation/periods/{period}/statements")).ReadAsync<JsonElement>())
            .EnumerateArray().Single(r => r.GetProperty("employeeId").GetGuid() == employee);

    /// <summary>The text a reader sees: tags out, entities decoded, white space as single spaces.</summary>
    private static string Visible(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Replace('\u00a0', ' ');

    /// <summary>Opens, calculates, approves and locks a month in which the person won a 10,000 EUR deal on a 5 % plan: base 1,000 + commission 500.</summary>
    private async Task<(Person Manager, HttpClient Finance, Guid Period, Guid Statement, long Version, DealDetails Deal)> LockedMonthAsync(
        DateOnly month, bool runsOn = false)
    {
        var finance = await FinanceAsync();
        var manager = await PersonAsync("Търговец на план ");
        var plan = await PlanAsync(finance, FlatPlan("План пет процента"), month.AddYears(-1));
        await AssignAsync(finance, plan, manager.EmployeeId, month, runsOn ? null : month.AddMonths(1).AddDays(-1));
        var deal = await WonDealAsync(manager, 10_000m, month.AddDays(14));
        var period = (await OpenPeriodAsync(finance, month)).GetProperty("id").GetGuid();
        var calculated = await (await finance.PostAsync($"/api/v1/compensation/periods/{period}/calculate", null)).ReadAsync<JsonElement>();
        Assert.True(calculated.GetProperty("statements").GetInt32() >= 1);
        var row = await StatementRowAsync(finance, period, manager.EmployeeId);
        Assert.Equal((1_000m, 500m, 1_500m), (row.GetProperty("base").GetDecimal(), row.GetProperty("commission").GetDecimal(), row.GetProperty("total").GetDecimal()));
        var statement = row.GetProperty("id").GetGuid();

        // A calculation is Finance's draft: the employee does not read it until it is approved.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Api.GetAsync($"/api/v1/compensation/statements/{statement}")).StatusCode);

        var periodRow = (await (await finance.GetAsync("/api/v1/compensation/periods")).ReadAsync<JsonElement>()).EnumerateArray()
            .Single(p => p.GetProperty("id").GetGuid() == period);
        var version = await StepAsync(finance, period, "approve", periodRow.GetProperty("version").GetInt64());
        version = await StepAsync(finance, period, "lock", version);
        return (manager, finance, period, statement, version, deal);
    }

    [Fact]
    public async Task A_month_is_calculated_approved_locked_and_exported_and_the_statement_explains_each_line()
    {
        var month = new DateOnly(2024, 3, 1);
        var (manager, finance, period, statementId, version, deal) = await LockedMonthAsync(month);

        var statement = await (await manager.Api.GetAsync($"/api/v1/compensation/statements/{statementId}")).ReadAsync<JsonElement>();
        var lines = statement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["Base", "Commission"], lines.Select(l => l.GetProperty("line").GetProperty("kind").GetString()));
        Assert.Equal([1_000m, 500m], lines.Select(l => l.GetProperty("line").GetProperty("amount").GetDecimal()));
        Assert.Equal(deal.Number, lines[1].GetProperty("line").GetProperty("dealNumber").GetString());
        Assert.Equal(1_500m, statement.GetProperty("total").GetDecimal());
        Assert.Equal("Locked", statement.GetProperty("status").GetString());

        // Derived again from what was stored with it, the statement is the same to the byte.
        var verified = await (await finance.GetAsync($"/api/v1/compensation/statements/{statementId}/verify")).ReadAsync<JsonElement>();
        Assert.True(verified.GetProperty("matches").GetBoolean());

        // The payroll file: commission apart from the base; the first download marks the period exported.
        var (_, financeEmail) = await app.CreateUserAsync(null, Roles.Finance);
        var financeWeb = await app.SignedInClientAsync(financeEmail);
        using var download = await financeWeb.GetAsync($"/pay/periods/{period}/payroll.csv?{English}");
        var csv = await download.Content.ReadAsStringAsync();
        Assert.True(download.StatusCode == HttpStatusCode.OK, csv);
        var line = csv.Split('\n').SingleOrDefault(l => l.Contains(manager.Name, StringComparison.Ordinal));
        Assert.True(line is not null, csv);
        Assert.Contains("1000", line.Replace(",", "").Replace(".00", ""), StringComparison.Ordinal);
        Assert.Contains("1500", line.Replace(",", "").Replace(".00", ""), StringComparison.Ordinal);
        var exported = (await (await finance.GetAsync("/api/v1/compensation/periods")).ReadAsync<JsonElement>()).EnumerateArray()
            .Single(p => p.GetProperty("id").GetGuid() == period);
        Assert.Equal("Exported", exported.GetProperty("status").GetString());
        _ = version;
    }

    [Fact]
    public async Task A_locked_period_is_refused_by_the_api_by_the_handlers_and_by_the_database_itself()
    {
        var month = new DateOnly(2024, 5, 1);
        var (manager, finance, period, statementId, version, _) = await LockedMonthAsync(month);

        // Through the API: no calculation, no correction, no second close.
        await (await finance.PostAsync($"/api/v1/compensation/periods/{period}/calculate", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await finance.PostJsonAsync($"/api/v1/compensation/periods/{period}/adjustments", new AdjustmentInput
        {
            EmployeeId = manager.EmployeeId, On = month.AddDays(3), Amount = 50m, Reason = "Корекция",
        })).ProblemAsync(HttpStatusCode.Conflict);
        var twice = await (await finance.PostJsonAsync($"/api/v1/compensation/periods/{period}/lock", new { version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already", twice.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        // A direct handler call meets the same rule.
        var direct = await app.WithServicesAsync(sp => sp.GetRequiredService<PeriodHandlers>()
            .CalculateAsync(new Viewer(Guid.Empty, null, new HashSet<string> { Roles.Finance }), period));
        Assert.Equal(ErrorKind.Conflict, direct.Errors.Single().Kind);

        // Below the code: an edit through the context and raw SQL are both refused, and nothing changed.
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var row = await db.PayStatements.SingleAsync(s => s.Id == statementId);
            row.Total = 1m;
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Database
            .ExecuteSqlRawAsync("UPDATE \"PayStatements\" SET \"Total\" = 1 WHERE \"PeriodId\" = {0}", period)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Database
            .ExecuteSqlRawAsync("DELETE FROM \"PayStatements\" WHERE \"PeriodId\" = {0}", period)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Database
            .ExecuteSqlRawAsync("UPDATE \"PayPeriods\" SET \"Status\" = 'Open' WHERE \"Id\" = {0}", period)));
        Assert.Equal(1_500m, (await StatementRowAsync(finance, period, manager.EmployeeId)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Each_person_reads_only_their_own_statement_a_head_of_sales_reads_team_totals_and_only_finance_changes_pay()
    {
        var month = new DateOnly(2024, 7, 1);
        var team = await app.CreateTeamAsync(app.Unique("Екип заплати "));
        var head = await PersonAsync("Ръководител на екип ", Roles.HeadOfSales);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            (await db.Teams.SingleAsync(t => t.Id == team)).HeadId = head.EmployeeId;
            return await db.SaveChangesAsync();
        });
        var (manager, finance, period, statementId, _, _) = await LockedMonthAsync(month);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            (await db.Employees.SingleAsync(e => e.Id == manager.EmployeeId)).TeamId = team;
            return await db.SaveChangesAsync();
        });
        var colleague = await PersonAsync("Колега без достъп ");

        // Someone else's statement, by id, is not there for a colleague or for the head of sales, who reads totals only.
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Api.GetAsync($"/api/v1/compensation/statements/{statementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Api.GetAsync($"/api/v1/compensation/statements/{statementId}")).StatusCode);
        Assert.Equal(1_500m, (await StatementRowAsync(head.Api, period, manager.EmployeeId)).GetProperty("total").GetDecimal());
        Assert.False((await StatementRowAsync(head.Api, period, manager.EmployeeId)).GetProperty("mayOpen").GetBoolean());
        var colleagueWeb = await app.SignedInClientAsync(colleague.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await colleagueWeb.GetAsync($"/pay/statements/{statementId}")).StatusCode);

        // Nobody but the employee raises an inquiry on their statement.
        await (await colleague.Api.PostJsonAsync($"/api/v1/compensation/statements/{statementId}/lines/2/inquiries",
            new InquiryMessageInput { Text = "Чужд въпрос" })).ProblemAsync(HttpStatusCode.NotFound);

        // Changes are Finance's: a manager neither runs a period, nor writes a plan, nor puts themselves on one, nor corrects their pay.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.PostAsync($"/api/v1/compensation/periods/{period}/calculate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.PostJsonAsync("/api/v1/compensation/plans",
            new PlanInput { Name = "Моят план", EffectiveFrom = month, Document = PlanDocument.Write(FlatPlan("Моят план")) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.PostJsonAsync($"/api/v1/compensation/periods/{period}/adjustments", new AdjustmentInput
        {
            EmployeeId = manager.EmployeeId, On = month, Amount = 1_000m, Reason = "Премия от ръководителя",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.GetAsync("/api/v1/compensation/plans")).StatusCode);

        // The employee asks; Finance answers in the thread; the employee reads the answer.
        var inquiry = await (await manager.Api.PostJsonAsync($"/api/v1/compensation/statements/{statementId}/lines/2/inquiries",
            new InquiryMessageInput { Text = "Защо комисионата е 5 %?" })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = inquiry.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Api.GetAsync($"/api/v1/compensation/inquiries/{id}")).StatusCode);
        var answered = await (await finance.PostJsonAsync($"/api/v1/compensation/inquiries/{id}/replies?version={inquiry.GetProperty("version").GetInt64()}",
            new InquiryMessageInput { Text = "По плана ставката е 5 % за всички сделки." })).ReadAsync<JsonElement>();
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        var managerWeb = await app.SignedInClientAsync(manager.Email);
        var thread = Visible(await (await managerWeb.GetAsync($"/pay/inquiries/{id}?{Bulgarian}")).Content.ReadAsStringAsync());
        Assert.Contains("По плана ставката е 5 % за всички сделки.", thread, StringComparison.Ordinal);
        Assert.Contains("Отговорено", thread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_plans_overlapping_assignments_and_a_month_opened_twice_are_refused_with_clear_messages()
    {
        var finance = await FinanceAsync();
        var month = new DateOnly(2024, 9, 1);
        var manager = await PersonAsync("Двоен план ");
        var plan = await PlanAsync(finance, FlatPlan("Първи план"), month);
        await AssignAsync(finance, plan, manager.EmployeeId, month, month.AddDays(19));

        var overlap = await (await finance.PostJsonAsync($"/api/v1/compensation/plans/{plan}/assignments",
            new AssignmentInput { EmployeeId = manager.EmployeeId, From = month.AddDays(10), To = month.AddDays(25) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("overlaps", overlap.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);

        var unknown = PlanDocument.Write(FlatPlan("Непознато поле")).Replace("\"currency\"", "\"bonusForEveryone\": true, \"currency\"", StringComparison.Ordinal);
        var refused = await (await finance.PostJsonAsync("/api/v1/compensation/plans",
            new PlanInput { Name = app.Unique("Грешен план "), EffectiveFrom = month, Document = unknown })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("bonusForEveryone", refused.GetProperty("errors").GetProperty("document")[0].GetString(), StringComparison.Ordinal);

        var rate = PlanDocument.Write(FlatPlan("Процент над сто")).Replace("\"rate\": 5", "\"rate\": 101", StringComparison.Ordinal);
        await (await finance.PostJsonAsync("/api/v1/compensation/plans",
            new PlanInput { Name = app.Unique("Висок процент "), EffectiveFrom = month, Document = rate })).ProblemAsync(HttpStatusCode.BadRequest);

        await OpenPeriodAsync(finance, month);
        var twice = await (await finance.PostJsonAsync("/api/v1/compensation/periods", new { month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already exists", twice.GetProperty("errors").GetProperty("month")[0].GetString(), StringComparison.Ordinal);
        var plans = await (await finance.GetAsync("/api/v1/compensation/plans")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(plans.EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith("Грешен план", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_statement_page_reads_its_lines_and_total_in_bulgarian_and_in_english()
    {
        var month = new DateOnly(2024, 11, 1);
        var (manager, _, _, statementId, _, deal) = await LockedMonthAsync(month);

        var web = await app.SignedInClientAsync(manager.Email);
        var bg = Visible(await (await web.GetAsync($"/pay/statements/{statementId}?{Bulgarian}")).Content.ReadAsStringAsync());
        Assert.Contains("Комисиона", bg, StringComparison.Ordinal);
        Assert.Contains(deal.Number, bg, StringComparison.Ordinal);
        Assert.Contains("1 500,00 EUR", bg, StringComparison.Ordinal);
        Assert.Contains("Заключен", bg, StringComparison.Ordinal);

        var en = Visible(await (await web.GetAsync($"/pay/statements/{statementId}?{English}")).Content.ReadAsStringAsync());
        Assert.Contains("Commission", en, StringComparison.Ordinal);
        Assert.Contains("1,500.00 EUR", en, StringComparison.Ordinal);
        Assert.Contains("Locked", en, StringComparison.Ordinal);

        // My pay lists the statement among the history, with its total.
        var mine = Visible(await (await web.GetAsync($"/pay?{English}")).Content.ReadAsStringAsync());
        Assert.Contains("November 2024", mine, StringComparison.Ordinal);
        Assert.Contains("1,500.00 EUR", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deal_reopened_after_its_commission_was_paid_is_clawed_back_in_the_open_month_never_below_the_base()
    {
        // The reopen is dated the day it is recorded, so the clawback falls in the current month.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var current = new DateOnly(today.Year, today.Month, 1);
        var (manager, finance, _, _, _, deal) = await LockedMonthAsync(current.AddMonths(-3), runsOn: true);
        var reopened = await (await manager.Api.PostJsonAsync($"/api/v1/deals/{deal.Id}/reopen", new ReopenInput { Version = deal.Version }))
            .ReadAsync<DealDetails>();
        Assert.Equal(DealOutcome.Open, reopened.Outcome);

        var period = (await OpenPeriodAsync(finance, current)).GetProperty("id").GetGuid();
        await (await finance.PostAsync($"/api/v1/compensation/periods/{period}/calculate?employeeId={manager.EmployeeId}", null)).ReadAsync<JsonElement>();
        var row = await StatementRowAsync(finance, period, manager.EmployeeId);
        Assert.Equal(1_000m, row.GetProperty("base").GetDecimal());
        Assert.Equal(1_000m, row.GetProperty("total").GetDecimal());
        Assert.Equal(-500m, row.GetProperty("carryForward").GetDecimal());
    }

    [Fact]
    public async Task Calculating_again_keeps_each_statement_its_id_and_bytes_and_drops_whoever_is_no_longer_paid()
    {
        var month = new DateOnly(2023, 7, 1);
        var finance = await FinanceAsync();
        var stays = await PersonAsync("Търговец остава ");
        var leaves = await PersonAsync("Търговец напуска ");
        var plan = await PlanAsync(finance, FlatPlan("План за преизчисляване"), month.AddYears(-1));
        await AssignAsync(finance, plan, stays.EmployeeId, month, month.AddMonths(1).AddDays(-1));
        await AssignAsync(finance, plan, leaves.EmployeeId, month, month.AddMonths(1).AddDays(-1));
        await WonDealAsync(stays, 10_000m, month.AddDays(9));
        await WonDealAsync(stays, 2_000m, month.AddDays(20));
        await WonDealAsync(leaves, 4_000m, month.AddDays(11));
        var period = (await OpenPeriodAsync(finance, month)).GetProperty("id").GetGuid();

        async Task<Dictionary<Guid, (Guid Id, string Lines, string Hash, string Inputs)>> CalculateAsync()
        {
            var result = await (await finance.PostAsync($"/api/v1/compensation/periods/{period}/calculate", null)).ReadAsync<JsonElement>();
            Assert.Equal(0, result.GetProperty("skipped").GetArrayLength());
            return await app.WithServicesAsync(async sp => await sp.GetRequiredService<RapportDb>().PayStatements.AsNoTracking()
                .Where(s => s.PeriodId == period).ToDictionaryAsync(s => s.EmployeeId, s => (s.Id, s.Lines, s.Hash, s.Inputs)));
        }

        var first = await CalculateAsync();
        Assert.Equal(new[] { leaves.EmployeeId, stays.EmployeeId }.Order(), first.Keys.Order());
        Assert.Equal(600m, (await StatementRowAsync(finance, period, stays.EmployeeId)).GetProperty("commission").GetDecimal());
        Assert.Equal(200m, (await StatementRowAsync(finance, period, leaves.EmployeeId)).GetProperty("commission").GetDecimal());

        // Nothing changed: the same statements, to the byte, under the same ids.
        var again = await CalculateAsync();
        Assert.Equal(first, again);

        // Taken off the plan before the month was approved: calculating again removes that statement only.
        await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().PlanAssignments.Where(a => a.EmployeeId == leaves.EmployeeId).ExecuteDeleteAsync());
        var third = await CalculateAsync();
        Assert.Equal([stays.EmployeeId], third.Keys);
        Assert.Equal(first[stays.EmployeeId], third[stays.EmployeeId]);

        var verified = await (await finance.GetAsync($"/api/v1/compensation/statements/{third[stays.EmployeeId].Id}/verify")).ReadAsync<JsonElement>();
        Assert.True(verified.GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task Calculating_from_the_page_streams_its_progress_in_both_languages_and_without_script_redirects_at_once()
    {
        var month = new DateOnly(2025, 2, 1);
        var finance = await FinanceAsync();
        var manager = await PersonAsync("Търговец с ход на изчислението ");
        var plan = await PlanAsync(finance, FlatPlan("План за хода"), month.AddYears(-1));
        await AssignAsync(finance, plan, manager.EmployeeId, month, month.AddMonths(1).AddDays(-1));
        await WonDealAsync(manager, 4_000m, month.AddDays(9));
        var period = (await OpenPeriodAsync(finance, month)).GetProperty("id").GetGuid();
        var (_, email) = await app.CreateUserAsync(null, Roles.Finance);
        var web = await app.SignedInClientAsync(email);

        foreach (var (culture, label, reading) in new[]
        {
            (English, "Calculating the statements…", "Reading the plans, deals and payments of the period…"),
            (Bulgarian, "Извлеченията се изчисляват…", "Четене на плановете, сделките и плащанията за периода…"),
        })
        {
            var url = $"/pay/periods/{period}?{culture}";
            var page = await web.GetStringAsync(url);
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value, ["_handler"] = "period-calculate",
                }),
            };
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            var streamed = await (await web.SendAsync(request)).Content.ReadAsStringAsync();

            // The bar is in the page as it starts; the calculation's outcome comes after it, as a redirection to the result.
            var bar = streamed.IndexOf("data-testid=\"calculation-progress\"", StringComparison.Ordinal);
            var redirection = streamed.IndexOf("<template type=\"redirection\"", StringComparison.Ordinal);
            Assert.True(bar >= 0 && bar < redirection, streamed);
            Assert.Contains(label, WebUtility.HtmlDecode(streamed), StringComparison.Ordinal);
            Assert.Contains(reading, WebUtility.HtmlDecode(streamed), StringComparison.Ordinal);

            // A redirection after a form post is opaque in the page; following it leads to the result.
            var opaque = Redirection().Match(streamed[redirection..]).Groups[1].Value;
            var followed = await web.GetAsync("/" + WebUtility.HtmlDecode(opaque));
            Assert.Equal($"/pay/periods/{period}?done=calculated", followed.Headers.Location?.PathAndQuery);
        }

        var row = await StatementRowAsync(finance, period, manager.EmployeeId);
        Assert.Equal(1_200m, row.GetProperty("total").GetDecimal());

        // A browser without script posts the form itself: the calculation runs before the answer, a redirection.
        var plain = await RapportApp.PostFormAsync(web, $"/pay/periods/{period}", "period-calculate", []);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.EndsWith($"/pay/periods/{period}?done=calculated", plain.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("calculation-progress", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_preview_arrives_computed_in_both_languages_and_without_script_computes_what_is_sent()
    {
        var finance = await FinanceAsync();
        var plan = await PlanAsync(finance, FlatPlan("План за пример"), new DateOnly(2020, 1, 1));
        var (_, email) = await app.CreateUserAsync(null, Roles.Finance);
        var web = await app.SignedInClientAsync(email);

        // The sample on arrival, 12,500 new and 8,000: a base of 1,000 and 5 % of 20,500, in the reader's language.
        var en = Visible(await web.GetStringAsync($"/pay/plans/{plan}?{English}"));
        Assert.Contains("Credited amounts, one per line", en, StringComparison.Ordinal);
        Assert.Contains("625.00 EUR", en, StringComparison.Ordinal);
        Assert.Contains("400.00 EUR", en, StringComparison.Ordinal);
        Assert.Contains("2,025.00 EUR", en, StringComparison.Ordinal);
        var bg = Visible(await web.GetStringAsync($"/pay/plans/{plan}?{Bulgarian}"));
        Assert.Contains("Кредитирани суми, по една на ред", bg, StringComparison.Ordinal);
        Assert.Contains("2 025,00 EUR", bg, StringComparison.Ordinal);

        // Sent without script, the same form is computed by the page; a line that is no amount is named.
        var sent = Visible(await (await RapportApp.PostFormAsync(web, $"/pay/plans/{plan}?{English}", "plan-preview", new()
        {
            ["Preview.Month"] = "2024-06", ["Preview.Credits"] = "30000 new\n10000",
        })).Content.ReadAsStringAsync());
        Assert.Contains("1,500.00 EUR", sent, StringComparison.Ordinal);
        Assert.Contains("3,000.00 EUR", sent, StringComparison.Ordinal);
        var wrong = Visible(await (await RapportApp.PostFormAsync(web, $"/pay/plans/{plan}?{Bulgarian}", "plan-preview", new()
        {
            ["Preview.Month"] = "2024-06", ["Preview.Credits"] = "30000\nдесет",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Ред 2 не започва със сума.", wrong, StringComparison.Ordinal);

        // Someone who does not administer pay gets no plan, neither the page nor its preview.
        var manager = await PersonAsync("Търговец без планове ");
        var stranger = await app.SignedInClientAsync(manager.Email);
        var refused = await stranger.GetAsync($"/pay/plans/{plan}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("preview-form", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<template type=\"redirection\"[^>]*>([^<]+)</template>")]
    private static partial Regex Redirection();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class PayOnSqlite(SqliteApp app) : PayTests(app), IClassFixture<SqliteApp>;

public sealed class PayOnPostgres(PostgresApp app) : PayTests(app), IClassFixture<PostgresApp>;
