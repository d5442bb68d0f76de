using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>Buying roles as settings: their defaults, who may shape them, and what coverage, contacts and imports make of them.</summary>
public abstract class BuyingRolesTests(RapportApp app)
{
    [Fact]
    public async Task A_new_database_has_the_five_roles_every_installation_starts_with()
    {
        var client = await app.ApiClientAsync(null, Roles.AccountManager);
        var roles = await (await client.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>();

        var expected = BuyingRoles.Defaults().Select(r => (r.Code, r.NameEn, r.NameBg, r.RhythmDays, r.Required));
        Assert.Equal(expected, roles.Where(r => r.Code is BuyingRoles.DecisionMaker or BuyingRoles.Signatory or BuyingRoles.Influencer
                or BuyingRoles.User or BuyingRoles.Gatekeeper)
            .Select(r => (r.Code, r.NameEn, r.NameBg, r.RhythmDays, r.Required)));
    }

    [Fact]
    public async Task Only_administrators_shape_the_roles()
    {
        var manager = await app.ApiClientAsync(await app.CreateEmployeeAsync(app.Unique("Мениджър ")), Roles.AccountManager);
        var role = (await (await manager.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>())[0];

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJsonAsync("/api/v1/settings/buying-roles", Input("Sneaky", "Промъкнат"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutJsonAsync($"/api/v1/settings/buying-roles/{role.Id}", role.ToInput())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/settings/buying-roles/{role.Id}/archive?version={role.Version}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/settings/buying-roles/{role.Id}/move?up=false&version={role.Version}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"/api/v1/settings/buying-roles/{role.Id}?version={role.Version}")).StatusCode);
    }

    [Fact]
    public async Task An_added_role_gets_a_code_from_its_english_name_and_comes_last_and_names_stay_unique()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var name = app.Unique("Technical buyer ");
        var role = await (await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(name, app.Unique("Технически купувач "))))
            .ReadAsync<BuyingRoleRow>(HttpStatusCode.Created);

        Assert.StartsWith("TechnicalBuyer", role.Code, StringComparison.Ordinal);
        var roles = await (await admin.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>();
        Assert.Equal(role.Id, roles[^1].Id);

        var sameName = await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(name.ToUpperInvariant(), app.Unique("Друго име ")));
        Assert.True((await sameName.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("nameEn", out _));
        var sameBg = await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(app.Unique("Other "), "ЛИЦЕ, ВЗЕМАЩО РЕШЕНИЯ"));
        Assert.True((await sameBg.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("nameBg", out _));
        var noRhythm = await admin.PostJsonAsync("/api/v1/settings/buying-roles", new BuyingRoleInput { NameEn = "X", NameBg = "Х", RhythmDays = 0 });
        Assert.True((await noRhythm.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("rhythmDays", out _));

        var renamed = role.ToInput();
        renamed.RhythmDays = 14;
        var saved = await (await admin.PutJsonAsync($"/api/v1/settings/buying-roles/{role.Id}", renamed)).ReadAsync<BuyingRoleRow>();
        Assert.Equal((14, role.Code), (saved.RhythmDays, saved.Code));
        await (await admin.PutJsonAsync($"/api/v1/settings/buying-roles/{role.Id}", renamed)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Moving_a_role_up_swaps_it_with_the_one_before()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var added = await (await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(app.Unique("Mover "), app.Unique("Движещ "))))
            .ReadAsync<BuyingRoleRow>(HttpStatusCode.Created);
        var before = await (await admin.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>();
        var previous = before[^2];

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/settings/buying-roles/{added.Id}/move?up=true&version={added.Version}", null)).StatusCode);

        var after = await (await admin.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>();
        Assert.Equal([added.Id, previous.Id], after.Skip(after.Count - 2).Select(r => r.Id));
    }

    [Fact]
    public async Task A_role_made_required_is_asked_for_by_coverage_until_a_warm_contact_holds_it()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var (_, client) = await ManagerAsync();
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Покритие ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        await MeetAsync(client, account.Id, BuyingRoles.DecisionMaker);
        await MeetAsync(client, account.Id, BuyingRoles.Signatory);
        Assert.True((await CoverageAsync(client, account.Id)).Coverage.FullyCovered);

        var required = Input(app.Unique("Chief engineer "), app.Unique("Главен инженер "));
        required.Required = true;
        var role = await (await admin.PostJsonAsync("/api/v1/settings/buying-roles", required)).ReadAsync<BuyingRoleRow>(HttpStatusCode.Created);
        try
        {
            var coverage = (await CoverageAsync(client, account.Id)).Coverage;
            Assert.False(coverage.FullyCovered);
            Assert.Contains(coverage.Roles, r => r.Role == role.Code && !r.Covered);
            Assert.Contains(account.Id, await IdsAsync(client, account.Name, "NotCovered"));

            await MeetAsync(client, account.Id, role.Code);
            Assert.True((await CoverageAsync(client, account.Id)).Coverage.FullyCovered);
            Assert.Contains(account.Id, await IdsAsync(client, account.Name, "Covered"));
        }
        finally
        {
            var current = await (await admin.GetAsync($"/api/v1/settings/buying-roles/{role.Id}")).ReadAsync<BuyingRoleRow>();
            (await admin.PostAsync($"/api/v1/settings/buying-roles/{role.Id}/archive?version={current.Version}", null)).EnsureSuccessStatusCode();
        }

        Assert.DoesNotContain((await CoverageAsync(client, account.Id)).Coverage.Roles, r => r.Role == role.Code);
    }

    [Fact]
    public async Task An_archived_role_stays_with_its_contacts_but_is_given_to_no_new_one()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var (_, client) = await ManagerAsync();
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Архив ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var role = await (await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(app.Unique("Archivist "), app.Unique("Архивар "))))
            .ReadAsync<BuyingRoleRow>(HttpStatusCode.Created);
        var holder = await CreateContactAsync(client, account.Id, app.Unique("Пазител "), role.Code);

        (await admin.PostAsync($"/api/v1/settings/buying-roles/{role.Id}/archive?version={role.Version}", null)).EnsureSuccessStatusCode();

        var refused = await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Нов", Role = role.Code });
        Assert.True((await refused.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _));
        var renamed = holder.ToInput();
        renamed.JobTitle = "Главен архивар";
        var kept = await (await client.PutJsonAsync($"/api/v1/contacts/{holder.Id}", renamed)).ReadAsync<ContactDetails>();
        Assert.Equal(role.Code, kept.Role);

        var unknown = await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Никой", Role = "NoSuchRole" });
        Assert.True((await unknown.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _));
        var defaulted = await (await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput { FullName = "Без роля" }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);
        Assert.Equal(BuyingRoles.Influencer, defaulted.Role);
    }

    [Fact]
    public async Task The_last_required_role_cannot_be_archived_or_made_optional()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var roles = await (await admin.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>();
        var required = roles.Where(r => r.Required && !r.Archived).ToList();
        Assert.Equal([BuyingRoles.DecisionMaker, BuyingRoles.Signatory], required.Select(r => r.Code));

        var optional = required[1].ToInput();
        optional.Required = false;
        var signatory = await (await admin.PutJsonAsync($"/api/v1/settings/buying-roles/{required[1].Id}", optional)).ReadAsync<BuyingRoleRow>();
        try
        {
            var last = await admin.PostAsync($"/api/v1/settings/buying-roles/{required[0].Id}/archive?version={required[0].Version}", null);
            Assert.True((await last.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("required", out _));
            var none = required[0].ToInput();
            none.Required = false;
            await (await admin.PutJsonAsync($"/api/v1/settings/buying-roles/{required[0].Id}", none)).ProblemAsync(HttpStatusCode.BadRequest);
        }
        finally
        {
            var back = signatory.ToInput();
            back.Required = true;
            (await admin.PutJsonAsync($"/api/v1/settings/buying-roles/{signatory.Id}", back)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_role_in_use_cannot_be_deleted_and_an_unused_one_can()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var (_, client) = await ManagerAsync();
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Изтриване ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        await CreateContactAsync(client, account.Id, app.Unique("Потребител "), BuyingRoles.User);
        var user = (await (await admin.GetAsync("/api/v1/settings/buying-roles")).ReadAsync<List<BuyingRoleRow>>()).Single(r => r.Code == BuyingRoles.User);
        Assert.True(user.Contacts > 0);
        await (await admin.DeleteAsync($"/api/v1/settings/buying-roles/{user.Id}?version={user.Version}")).ProblemAsync(HttpStatusCode.Conflict);

        var unused = await (await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(app.Unique("Temporary "), app.Unique("Временна "))))
            .ReadAsync<BuyingRoleRow>(HttpStatusCode.Created);
        await (await admin.DeleteAsync($"/api/v1/settings/buying-roles/{unused.Id}?version={unused.Version + 1}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/settings/buying-roles/{unused.Id}?version={unused.Version}")).StatusCode);
        await (await admin.GetAsync($"/api/v1/settings/buying-roles/{unused.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_import_names_a_custom_role_in_bulgarian_and_an_unknown_role_is_a_row_error()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var bg = app.Unique("Консултант по внедряване ");
        var role = await (await admin.PostJsonAsync("/api/v1/settings/buying-roles", Input(app.Unique("Implementation consultant "), bg)))
            .ReadAsync<BuyingRoleRow>(HttpStatusCode.Created);
        var (_, client) = await ManagerAsync();
        var eik = RapportApp.NewEik();
        (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Внедряване "), RegistrationNumber = eik }))
            .EnsureSuccessStatusCode();
        var email = app.Unique("consultant") + "@roles.example";
        var csv = $"Name,E-mail,Role,EIK\nЕлена Иванова,{email},{bg.ToUpperInvariant()},{eik}\nНикой,nobody.{email},Астронавт,{eik}\n";

        var failed = await ImportAsync(csv);
        Assert.False(failed.Committed);
        Assert.Equal((3, "Role"), (failed.Errors.Single().Row, failed.Errors.Single().Column));

        var done = await ImportAsync(csv[..csv.IndexOf("Никой", StringComparison.Ordinal)]);
        Assert.True(done.Committed, string.Join("; ", done.Errors.Select(e => e.Message)));
        var contact = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal(role.Code, contact.Role);
    }

    [Fact]
    public async Task An_administrator_adds_a_role_on_its_page_and_a_manager_is_offered_it_by_name_in_their_language()
    {
        var admin = await app.SignedInClientAsync((await app.CreateUserAsync(null, Roles.Administrator)).Email);
        var (en, bg) = (app.Unique("Procurement lead "), app.Unique("Ръководител доставки "));
        var invalid = await RapportApp.PostFormAsync(admin, "/settings/buying-roles/new", "buying-role", new()
        {
            ["Input.NameEn"] = en, ["Input.NameBg"] = "", ["Input.RhythmDays"] = "0", ["Input.Version"] = "0",
        });
        var form = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains($"value=\"{en}\"", form, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(form, "class=\"validation-message\""));

        var created = await RapportApp.PostFormAsync(admin, "/settings/buying-roles/new", "buying-role", new()
        {
            ["Input.NameEn"] = en, ["Input.NameBg"] = bg, ["Input.RhythmDays"] = "21", ["Input.Required"] = "false", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(en, await admin.GetStringAsync("/settings/buying-roles"), StringComparison.Ordinal);
        var code = (await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().BuyingRoles.SingleAsync(r => r.NameEn == en))).Code;

        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        var (_, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var manager = await app.SignedInClientAsync(email);
        var account = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<AccountHandlers>().CreateAsync(
                new Viewer(Guid.NewGuid(), employee, new HashSet<string> { Roles.AccountManager }), new AccountInput { Name = app.Unique("Доставки ") })).Value);
        var english = await manager.GetStringAsync($"/accounts/{account}/contacts/new");
        Assert.Contains($"<option value=\"{code}\">{en}</option>", english, StringComparison.Ordinal);

        var bulgarian = await manager.GetStringAsync($"/accounts/{account}/contacts/new?culture=bg-BG&ui-culture=bg-BG");
        Assert.Contains($"<option value=\"{code}\">{bg}</option>", bulgarian, StringComparison.Ordinal);
    }

    private Task<ImportPreview> ImportAsync(string csv) =>
        app.WithServicesAsync(async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var map = ImportFields.Suggest(ImportKind.Contacts, CsvFile.Open(stream).Headers);
            return await sp.GetRequiredService<ImportHandlers>().CommitAsync(RapportApp.Admin, ImportKind.Contacts, stream, map);
        });

    private async Task<(Guid Employee, HttpClient Client)> ManagerAsync()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Мениджър "));
        return (employee, await app.ApiClientAsync(employee, Roles.AccountManager));
    }

    private static BuyingRoleInput Input(string en, string bg) => new() { NameEn = en, NameBg = bg, RhythmDays = 30 };

    private static async Task<ContactDetails> CreateContactAsync(HttpClient client, Guid account, string name, string role) =>
        await (await client.PostJsonAsync($"/api/v1/accounts/{account}/contacts", new ContactInput { FullName = name, Role = role }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);

    /// <summary>A new contact in the role and a meeting with them today: a warm relationship.</summary>
    private static async Task MeetAsync(HttpClient client, Guid account, string role)
    {
        var contact = await CreateContactAsync(client, account, $"{role} {Guid.NewGuid():N}", role);
        (await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account, Kind = InteractionKind.Meeting, Subject = "Meeting", ContactIds = [contact.Id], OccurredAt = DateTime.UtcNow,
        })).EnsureSuccessStatusCode();
    }

    private static async Task<AccountCoverageView> CoverageAsync(HttpClient client, Guid account) =>
        await (await client.GetAsync($"/api/v1/accounts/{account}/coverage")).ReadAsync<AccountCoverageView>();

    private static async Task<HashSet<Guid>> IdsAsync(HttpClient client, string search, string coverage) =>
        [.. (await (await client.GetAsync($"/api/v1/accounts?search={Uri.EscapeDataString(search)}&coverage={coverage}")).ReadAsync<Page<AccountRow>>())
            .Items.Select(a => a.Id)];
}

public sealed class BuyingRolesOnSqlite(SqliteApp app) : BuyingRolesTests(app), IClassFixture<SqliteApp>;

public sealed class BuyingRolesOnPostgres(PostgresApp app) : BuyingRolesTests(app), IClassFixture<PostgresApp>;
