using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Audit;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>The audit log as an administrator reads it: names instead of ids, labels and values in the reader's language.</summary>
public abstract partial class AuditLogTests(RapportApp app)
{
    private async Task<(Guid UserId, string Email, string Name)> AdministratorAsync()
    {
        var name = app.Unique("Анна Админова ");
        var email = app.Unique("admin") + "@test.example";
        var id = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<UserHandlers>().CreateAsync(new NewUserInput
        {
            Email = email, DisplayName = name, Password = RapportApp.Password, Roles = [Roles.Administrator],
        })).Value);
        return (id, email, name);
    }

    /// <summary>The text a reader sees: tags out, entities decoded, white space as single spaces.</summary>
    private static string Visible(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Replace(" :", ":", StringComparison.Ordinal);

    [Fact]
    public async Task An_administrator_reads_an_owner_change_as_names_in_either_language()
    {
        var (adminId, adminEmail, adminName) = await AdministratorAsync();
        var admin = await app.ApiClientForAsync(adminId);
        var ivan = app.Unique("Иван Петров ");
        var maria = app.Unique("Мария Илиева ");
        var ivanId = await app.CreateEmployeeAsync(ivan);
        var mariaId = await app.CreateEmployeeAsync(maria);
        var accountName = app.Unique("Родопа Мебел ");
        var created = await (await admin.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = accountName, OwnerId = ivanId }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var change = created.ToInput();
        change.OwnerId = mariaId;
        change.Status = AccountStatus.Active;
        (await admin.PutJsonAsync($"/api/v1/accounts/{created.Id}", change)).EnsureSuccessStatusCode();

        var browser = await app.SignedInClientAsync(adminEmail);
        var englishHtml = await browser.GetStringAsync($"/settings/audit?entityId={created.Id}&culture=en-GB&ui-culture=en-GB");
        var english = Visible(englishHtml);
        Assert.Contains($"Account manager: {ivan} → {maria}", english, StringComparison.Ordinal);
        Assert.Contains("Account status: Prospect → Active", english, StringComparison.Ordinal);
        Assert.Contains($"Account name: {accountName}", english, StringComparison.Ordinal);
        Assert.Contains($"History of {accountName}", english, StringComparison.Ordinal);
        Assert.Contains(adminName, english, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/accounts/{created.Id}\">{accountName}</a>", englishHtml, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/people/employees/{mariaId}\">{maria}</a>", englishHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(ivanId.ToString(), english, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("OwnerId", english, StringComparison.Ordinal);

        var bulgarian = Visible(await browser.GetStringAsync($"/settings/audit?entityId={created.Id}&culture=bg-BG&ui-culture=bg-BG"));
        Assert.Contains($"Мениджър на акаунта: {ivan} → {maria}", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Статус на клиента: Потенциален → Активен", bulgarian, StringComparison.Ordinal);
        Assert.Contains($"Име на клиента: {accountName}", bulgarian, StringComparison.Ordinal);
        Assert.Contains("Променено", bulgarian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_filters_by_record_type_actor_and_dates_and_pages_by_entry()
    {
        var (adminId, adminEmail, adminName) = await AdministratorAsync();
        var admin = await app.ApiClientForAsync(adminId);
        var owner = await app.CreateEmployeeAsync(app.Unique("Филтър "));
        var name = app.Unique("Филтриран клиент ");
        var account = await (await admin.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = name, OwnerId = owner }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var renamed = account.ToInput();
        renamed.Name = name + " (нов)";
        (await admin.PutJsonAsync($"/api/v1/accounts/{account.Id}", renamed)).EnsureSuccessStatusCode();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var browser = await app.SignedInClientAsync(adminEmail);

        var mine = Visible(await browser.GetStringAsync($"/settings/audit?entityType=Account&userId={adminId}&from={today}&to={today}"));
        Assert.Contains(name, mine, StringComparison.Ordinal);
        Assert.Contains(adminName, mine, StringComparison.Ordinal);
        Assert.Contains("No changes match these filters.",
            Visible(await browser.GetStringAsync($"/settings/audit?userId={adminId}&to=2020-01-01")), StringComparison.Ordinal);
        Assert.DoesNotContain(name, Visible(await browser.GetStringAsync($"/settings/audit?entityType=Team&userId={adminId}")), StringComparison.Ordinal);
        var types = await browser.GetStringAsync("/settings/audit?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains("<option value=\"Account\">Клиент</option>", types, StringComparison.Ordinal);
        Assert.Contains("<option value=\"FollowUp\">Задача</option>", types, StringComparison.Ordinal);

        var first = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditQueries>().ReadAsync(RapportApp.Admin, new AuditFilter(UserId: adminId, Size: 1)));
        var second = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditQueries>()
            .ReadAsync(RapportApp.Admin, new AuditFilter(UserId: adminId, Before: first!.Before, Size: 1)));
        Assert.NotNull(first!.Before);
        Assert.True(second!.Items.Single().Entry.Id < first.Items.Single().Entry.Id);
        Assert.Equal(account.Id, first.Items.Single().Record.Id);
        Assert.Null(await app.WithServicesAsync(sp => sp.GetRequiredService<AuditQueries>()
            .ReadAsync(new Viewer(adminId, null, new HashSet<string> { Roles.AccountManager }), new AuditFilter())));
    }

    [Fact]
    public async Task A_moved_contacts_task_and_its_buying_role_are_named_in_the_log()
    {
        var (adminId, adminEmail, _) = await AdministratorAsync();
        var admin = await app.ApiClientForAsync(adminId);
        var owner = await app.CreateEmployeeAsync(app.Unique("Стопанин "));
        var account = await (await admin.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Изходна "), OwnerId = owner }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var contact = await (await admin.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Веселин Ганев", Role = BuyingRoles.Signatory }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var target = app.Unique("Целева ");
        (await admin.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput
        {
            NewAccountName = target, Role = BuyingRoles.Signatory, Version = contact.Version,
        })).EnsureSuccessStatusCode();

        var browser = await app.SignedInClientAsync(adminEmail);
        var log = Visible(await browser.GetStringAsync("/settings/audit?entityType=FollowUp&culture=bg-BG&ui-culture=bg-BG"));
        Assert.Contains($"Задача {account.Name}", log, StringComparison.Ordinal);
        Assert.Contains("Вид задача: Повторно покриване на роля", log, StringComparison.Ordinal);
        Assert.Contains("Роля в покупката: Подписващо лице", log, StringComparison.Ordinal);
        Assert.Contains($"Нов работодател: {target}", log, StringComparison.Ordinal);
        Assert.Contains("Контакт: Веселин Ганев", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_audited_record_and_field_has_a_name_in_both_languages()
    {
        var missing = new List<string>();
        var model = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<RapportDb>().Model));
        foreach (var (name, type) in AuditText.AuditedTypes(model))
        {
            if (AuditText.TypeLabelKey(name) is null)
            {
                missing.Add(name);
            }

            missing.AddRange(AuditText.LoggedProperties(type).Where(p => AuditText.LabelKey(name, p.Name) is null).Select(p => $"{name}.{p.Name}"));
        }

        Assert.Empty(missing);
        Assert.True(AuditText.AuditedTypes(model).Count >= 10);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class AuditLogOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;
