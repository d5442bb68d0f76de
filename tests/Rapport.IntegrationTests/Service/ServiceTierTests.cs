using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Rapport.ClientBase;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Service;

/// <summary>
/// An account's service tier: who may promise it (an administrator, the head of the owner's team; never the owner),
/// how its cases' SLA targets follow it at once, and how the account and case pages name it in both languages.
/// </summary>
public abstract partial class ServiceTierTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private sealed record Person(Guid EmployeeId, string Email, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role, Guid? teamId = null)
    {
        app.EnsureAvailable();
        var employee = await app.CreateEmployeeAsync(app.Unique(name), teamId);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, email, await app.ApiClientForAsync(userId));
    }

    private async Task<(AccountDetails Account, CaseDetails Case)> AccountWithCaseAsync(Person owner)
    {
        var account = await (await owner.Api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Клиент с ниво "), OwnerId = owner.EmployeeId }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await owner.Api.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts",
            new ContactInput { FullName = app.Unique("Иван Колев "), Role = BuyingRoles.User })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var opened = await (await owner.Api.PostJsonAsync("/api/v1/cases", new CaseInput
        {
            AccountId = account.Id, ContactId = contact.Id, Subject = "Бавно зареждане на отчетите", Priority = CasePriority.Normal,
            Category = CaseCategory.Problem,
        })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
        return (account, opened);
    }

    private static Task<HttpResponseMessage> SetTierAsync(HttpClient api, Guid accountId, ServiceTier? tier, long version) =>
        api.PutJsonAsync($"/api/v1/accounts/{accountId}/tier", new AccountTierInput { Tier = tier, Version = version });

    private static string Visible(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [Fact]
    public async Task A_strategic_tier_shortens_the_open_cases_targets_at_once_and_new_cases_open_on_it()
    {
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager);
        var (account, opened) = await AccountWithCaseAsync(owner);
        Assert.Equal((ServiceTier.Standard, ServiceTier.Standard), (account.Tier, opened.Tier));
        var standardDue = opened.FirstResponse.DueAt!.Value;

        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var changed = await (await SetTierAsync(admin, account.Id, ServiceTier.Strategic, account.Version)).ReadAsync<AccountDetails>();
        Assert.Equal(ServiceTier.Strategic, changed.Tier);
        Assert.True(changed.Version > account.Version);

        // Normal priority: 8 working hours to answer on the standard tier, 2 on the strategic one.
        var retimed = await (await owner.Api.GetAsync($"/api/v1/cases/{opened.Id}")).ReadAsync<CaseDetails>();
        Assert.Equal(ServiceTier.Strategic, retimed.Tier);
        Assert.True(retimed.FirstResponse.DueAt < standardDue, $"{retimed.FirstResponse.DueAt:O} is not before {standardDue:O}");
        Assert.Equal(retimed.Version, opened.Version);

        var contacts = await (await owner.Api.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ReadAsync<List<ContactRow>>();
        var second = await (await owner.Api.PostJsonAsync("/api/v1/cases", new CaseInput
        {
            AccountId = account.Id, ContactId = contacts[0].Id, Subject = "Втора заявка", Priority = CasePriority.Normal, Category = CaseCategory.Question,
        })).ReadAsync<CaseDetails>(HttpStatusCode.Created);
        Assert.Equal(ServiceTier.Strategic, second.Tier);

        // The pages name the tier in both languages: the account's header and the case's details.
        var browser = await app.SignedInClientAsync(owner.Email);
        Assert.Contains("Ниво на обслужване Стратегическо", Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains("Service tier Strategic", Visible(await browser.GetStringAsync($"/accounts/{account.Id}?{English}")), StringComparison.Ordinal);
        Assert.Contains("Ниво на обслужване Стратегическо", Visible(await browser.GetStringAsync($"/cases/{opened.Id}?{Bulgarian}")), StringComparison.Ordinal);
        Assert.Contains("Service tier Strategic", Visible(await browser.GetStringAsync($"/cases/{opened.Id}?{English}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_or_the_head_of_the_owners_team_promises_a_tier_and_bad_or_stale_changes_are_refused()
    {
        var head = await PersonAsync("Ръководител ", Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head.EmployeeId);
        var owner = await PersonAsync("Мениджър ", Roles.AccountManager, team);
        var (account, _) = await AccountWithCaseAsync(owner);

        // The owner sees the account but may not promise it more; another team's head and manager do not see it at all.
        var refused = await (await SetTierAsync(owner.Api, account.Id, ServiceTier.Premium, account.Version)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ServiceTexts.ErrorTierForbidden, refused.GetProperty("detail").GetString());
        var otherHead = await PersonAsync("Друг ръководител ", Roles.HeadOfSales);
        await app.CreateTeamAsync(app.Unique("Друг екип "), otherHead.EmployeeId);
        await (await SetTierAsync(otherHead.Api, account.Id, ServiceTier.Premium, account.Version)).ProblemAsync(HttpStatusCode.NotFound);
        var stranger = await PersonAsync("Чужд ", Roles.AccountManager);
        await (await SetTierAsync(stranger.Api, account.Id, ServiceTier.Premium, account.Version)).ProblemAsync(HttpStatusCode.NotFound);
        await (await SetTierAsync(head.Api, Guid.NewGuid(), ServiceTier.Premium, 1)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(ServiceTier.Standard, (await (await owner.Api.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDetails>()).Tier);

        // Bad input: no tier, an unknown one; nothing changes.
        var missing = await (await SetTierAsync(head.Api, account.Id, null, account.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("tier", out _));
        using var unknown = new StringContent($$"""{"tier":"Gold","version":{{account.Version}}}""", System.Text.Encoding.UTF8, "application/json");
        await (await head.Api.PutAsync($"/api/v1/accounts/{account.Id}/tier", unknown)).ProblemAsync(HttpStatusCode.BadRequest);

        var premium = await (await SetTierAsync(head.Api, account.Id, ServiceTier.Premium, account.Version)).ReadAsync<AccountDetails>();
        Assert.Equal(ServiceTier.Premium, premium.Tier);
        await (await SetTierAsync(head.Api, account.Id, ServiceTier.Strategic, account.Version)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ServiceTier.Premium, (await (await owner.Api.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDetails>()).Tier);

        // On the page: the head gets the form and changes the tier with it; the owner reads the tier without a form.
        var headBrowser = await app.SignedInClientAsync(head.Email);
        var page = await headBrowser.GetStringAsync($"/accounts/{account.Id}?{Bulgarian}");
        Assert.Contains("id=\"tier-select\"", page, StringComparison.Ordinal);
        Assert.Contains("Смени нивото", Visible(page), StringComparison.Ordinal);
        var posted = await RapportApp.PostFormAsync(headBrowser, $"/accounts/{account.Id}", "account-tier", new()
        {
            ["TierInput.Tier"] = nameof(ServiceTier.Strategic), ["TierInput.Version"] = premium.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(ServiceTier.Strategic, (await (await owner.Api.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDetails>()).Tier);
        var stale = await RapportApp.PostFormAsync(headBrowser, $"/accounts/{account.Id}?{English}", "account-tier", new()
        {
            ["TierInput.Tier"] = nameof(ServiceTier.Standard), ["TierInput.Version"] = premium.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Contains(Texts.ErrorStaleVersion, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var ownerPage = await (await app.SignedInClientAsync(owner.Email)).GetStringAsync($"/accounts/{account.Id}?{English}");
        Assert.DoesNotContain("id=\"tier-select\"", ownerPage, StringComparison.Ordinal);
        Assert.Contains("Service tier: Strategic", Visible(ownerPage), StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class ServiceTierOnSqlite(SqliteApp app) : ServiceTierTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceTierOnPostgres(PostgresApp app) : ServiceTierTests(app), IClassFixture<PostgresApp>;
